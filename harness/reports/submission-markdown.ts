import { hexBytes, pythonBytesLiteral } from '../format/bytes.js';
import { translate } from '../messages/translate.js';
import type { OutputExcerpt, RunOutput } from '../launch/run-output.js';
import type { Lang, Rubric } from '../rubric/schema.js';
import type { Evidence } from '../scoring/outcome.js';
import type { CheckResult, SubmissionResult } from '../scoring/result.js';
import { colon, label, localized, mark, points, scoreText } from './format.js';
import { codeBlock, decodeOutput, plainText, tableCell } from './markdown-text.js';

// How much of a long output a report shows: the start (banner) and, above all, the end (the last error).
const shownHeadBytes = 2 * 1024;
const shownTailBytes = 6 * 1024;

// reports/<id>.md: the score, a table of checks, then what went wrong and what the server printed.
// `depth` pushes every heading down a level: one program's section in a report of several.
export function renderSubmissionMarkdown(result: SubmissionResult, rubric: Rubric, lang: Lang, depth = 0): string {
  const h = (level: number) => '#'.repeat(level + depth);
  const parts: string[] = [
    `${h(1)} ${plainText(result.id)} — ${plainText(localized(rubric.title, lang))}`,
    `**${label('score', lang)}${colon(lang)} ${scoreText(result.score, result.maxScore, lang)}**`,
  ];
  const notes = [
    ...(result.fault ? [result.fault] : []),
    ...result.notes.map((note) => translate(note, lang)),
    ...(result.reusedFrom ? [label('reusedFrom', lang, { date: result.reusedFrom })] : []),
  ];
  if (notes.length > 0) parts.push(notes.map((note) => `- ${plainText(note)}`).join('\n'));
  parts.push(checksTable(result.checks, lang));
  if (result.hiddenChecks?.length) {
    const names = result.hiddenChecks.map((check) => `${check.id} (${points(check.maxPoints, lang)})`).join(', ');
    parts.push(`🔒 ${plainText(label('hiddenChecks', lang, { names }))}`);
  }

  const failed = result.checks.filter((check) => !check.passed && !check.blocked);
  const blocked = result.checks.filter((check) => check.blocked);
  if (failed.length + blocked.length > 0) {
    parts.push(`${h(2)} ${label('failures', lang)}`);
    for (const check of failed) parts.push(failureSection(check, lang, h(3)));
    // One line for everything an earlier failure kept from running: the cause is already explained above.
    if (blocked.length > 0) {
      const reason = translate(blocked[0]!.reason, lang);
      parts.push(`**${label('blocked', lang)}${colon(lang)}** ${blocked.map((check) => plainText(check.id)).join(', ')}. ${plainText(reason)}`);
    }
  }
  if (result.output) parts.push(outputSection(`${h(2)} ${label('serverOutput', lang)}`, result.output, lang));
  if (result.restartOutput) parts.push(outputSection(`${h(2)} ${label('restartOutput', lang)}`, result.restartOutput, lang));
  return `${parts.join('\n\n')}\n`;
}

function checksTable(checks: readonly CheckResult[], lang: Lang): string {
  const rows = checks.map(
    (check) =>
      `| ${mark(check.passed)} | ${tableCell(`${check.id} — ${localized(check.title, lang)}`)} | ${points(check.points, lang)}/${points(check.maxPoints, lang)} | ${tableCell(translate(check.reason, lang))} |`,
  );
  return [`| | ${label('check', lang)} | ${label('points', lang)} | ${label('detail', lang)} |`, '|---|---|---|---|', ...rows].join('\n');
}

function failureSection(check: CheckResult, lang: Lang, heading: string): string {
  const lines = [
    `${heading} ❌ ${plainText(check.id)} — ${plainText(localized(check.title, lang))} (${points(check.points, lang)}/${points(check.maxPoints, lang)})`,
    plainText(translate(check.reason, lang)),
  ];
  if (check.evidence) lines.push(evidenceBlock(check.evidence, lang));
  if (check.line !== undefined && check.evidence?.kind !== 'python-error') lines.push(plainText(label('yourLine', lang, { line: check.line })));
  if (check.hint) lines.push(`**${label('hint', lang)}${colon(lang)}** ${plainText(localized(check.hint, lang))}`);
  return lines.join('\n\n');
}

function evidenceBlock(evidence: Evidence, lang: Lang): string {
  if (evidence.kind === 'python-error') {
    const where = evidence.error.line === undefined ? '' : ` (${label('line', lang, { line: evidence.error.line })})`;
    return codeBlock(`${label('pythonError', lang)}${where}${colon(lang)} ${evidence.error.summary}`).trimEnd();
  }
  const rows: [string, Buffer | undefined][] =
    evidence.kind === 'bytes'
      ? [
          [label('expected', lang), evidence.expected],
          [label('received', lang), evidence.received],
        ]
      : [[label('received', lang), evidence.received]];
  const width = Math.max(...rows.map(([name]) => name.length));
  const describe = (bytes: Buffer | undefined) =>
    bytes ? `${pythonBytesLiteral(bytes)}\n${' '.repeat(width + 3)}${label('hex', lang)}: ${hexBytes(bytes) || '—'}` : translate({ key: 'bytes.nothing' }, lang);
  const block = codeBlock(rows.map(([name, bytes]) => `${name.padEnd(width)}${colon(lang)} ${describe(bytes)}`).join('\n')).trimEnd();
  return evidence.kind === 'bytes' && evidence.difference ? `${block}\n\n${plainText(translate(evidence.difference, lang))}` : block;
}

function outputSection(heading: string, output: RunOutput, lang: Lang): string {
  const blocks = [heading];
  for (const [stream, excerpt] of [
    ['stdout', output.stdout],
    ['stderr', output.stderr],
  ] as const) {
    const text = excerptText(excerpt, lang);
    if (text.length > 0) blocks.push(`${label(stream, lang)}${colon(lang)}`, codeBlock(text).trimEnd());
  }
  return blocks.join('\n\n');
}

// Keeps the report readable whatever the program printed, and says how much was left out.
function excerptText(excerpt: OutputExcerpt, lang: Lang): string {
  const all = Buffer.concat([excerpt.head, excerpt.tail]);
  if (excerpt.cutBytes === 0 && all.length <= shownHeadBytes + shownTailBytes) return decodeOutput(all).replace(/\n+$/, '');
  const head = excerpt.head.subarray(0, shownHeadBytes);
  const tail = all.subarray(Math.max(head.length, all.length - shownTailBytes));
  const cut = excerpt.cutBytes + all.length - head.length - tail.length;
  return `${decodeOutput(head)}\n${label('cut', lang, { bytes: cut })}\n${decodeOutput(tail).replace(/\n+$/, '')}`;
}
