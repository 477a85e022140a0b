import { pythonBytesLiteral } from '../format/bytes.js';
import { translate } from '../messages/translate.js';
import { colon, label, localized, points, scoreText } from '../reports/format.js';
import { visibleControls } from '../reports/markdown-text.js';
import type { Lang, Rubric } from '../rubric/schema.js';
import type { CheckResult, SubmissionResult } from '../scoring/result.js';
import type { Style } from './style.js';

// The student's self-check: one line per check, and under each failure what to look at. Pure: returns text.
export function renderChecklist(result: SubmissionResult, rubric: Rubric, lang: Lang, style: Style): string {
  const say = (text: string) => visibleControls(text);
  const idWidth = Math.max(...result.checks.map((check) => check.id.length), ...(result.hiddenChecks ?? []).map((check) => check.id.length));
  const lines = [style.bold(`${say(result.entry ?? rubric.program.entry)} (${say(result.id)}) — ${localized(rubric.title, lang)}`)];
  for (const note of result.notes) lines.push(style.dim(`  ${say(translate(note, lang))}`));
  if (result.fault) lines.push(style.fail(`  ${say(result.fault)}`));
  for (const check of result.checks) {
    const paint = check.passed ? style.pass : style.fail;
    const score = `${points(check.points, lang)}/${points(check.maxPoints, lang)}`.padStart(5);
    lines.push(`  ${check.passed ? '✅' : '❌'} ${paint(score)}  ${check.id.padEnd(idWidth)}  ${localized(check.title, lang)}`);
    if (!check.passed) lines.push(...failureDetails(check, lang).map((detail) => style.dim(`${' '.repeat(11)}${say(detail)}`)));
  }
  for (const hidden of result.hiddenChecks ?? []) {
    lines.push(`  🔒 ${`${points(hidden.maxPoints, lang)}`.padStart(5)}  ${hidden.id.padEnd(idWidth)}  ${label('hiddenCheck', lang)}`);
  }
  const total = scoreText(result.score, result.maxScore, lang);
  lines.push(style.bold(`${label('score', lang)}${colon(lang)} ${result.score === result.maxScore ? style.pass(total) : style.fail(total)}`));
  return `${lines.join('\n')}\n`;
}

// Why it failed, how the bytes differ, which line of their file, and the handout's hint.
function failureDetails(check: CheckResult, lang: Lang): string[] {
  const details = [translate(check.reason, lang)];
  if (check.blocked) return details;
  const evidence = check.evidence;
  if (evidence?.kind === 'bytes' && evidence.difference) details.push(translate(evidence.difference, lang));
  if (evidence?.kind === 'received') details.push(`${label('received', lang)}: ${evidence.received ? pythonBytesLiteral(evidence.received) : translate({ key: 'bytes.nothing' }, lang)}`);
  if (check.line !== undefined && evidence?.kind !== 'python-error') details.push(label('yourLine', lang, { line: check.line }));
  if (check.hint) details.push(`${label('hint', lang)}${colon(lang)} ${localized(check.hint, lang)}`);
  return details;
}
