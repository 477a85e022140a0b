import type { GradeRun } from './grade.js';
import type { ProgressEvent } from './options.js';
import type { Lang } from './rubric/schema.js';
import { label, scoreText } from './reports/format.js';
import { visibleControls } from './reports/markdown-text.js';
import { installHint } from './sandbox/support.js';

// The lines the CLI prints while and after grading; pure functions, the CLI decides where they go.

export function progressLine(event: ProgressEvent, lang: Lang): string | undefined {
  if (event.kind !== 'graded') return undefined;
  const width = String(event.total).length;
  const mark = event.score === event.maxScore ? '✅' : '❌';
  return `[${String(event.done).padStart(width)}/${event.total}] ${mark} ${scoreText(event.score, event.maxScore, lang).padStart(5)}  ${visibleControls(event.id)}`;
}

// Said once, before grading, when --sandbox auto found no sandbox: what is missing and how to get it.
export function unsandboxedWarning(reason: string, lang: Lang): string {
  return lang === 'fr'
    ? `Attention : pas de bac à sable (${reason}). Les programmes tournent avec vos droits, voient tout le système et le réseau, sans limite de processus. Pour l'activer : ${installHint}.`
    : `Warning: no sandbox (${reason}). Programs run with your rights, see the whole system and the network, with no process limit. To enable it: ${installHint}.`;
}

export function finalLines(run: GradeRun, outDir: string, lang: Lang): string[] {
  const count = run.submissions.length;
  const mean = count === 0 ? 0 : run.submissions.reduce((sum, result) => sum + result.score, 0) / count;
  const seconds = (run.durationMs / 1000).toFixed(1);
  const lines =
    lang === 'fr'
      ? [`${count} rendu(s) corrigé(s) en ${seconds} s, ${label('mean', lang).toLowerCase()} ${scoreText(Math.round(mean * 100) / 100, run.rubric.total, lang)}.`, `Rapports : ${outDir}/summary.md`]
      : [`${count} submission(s) graded in ${seconds} s, ${label('mean', lang).toLowerCase()} ${scoreText(Math.round(mean * 100) / 100, run.rubric.total, lang)}.`, `Reports: ${outDir}/summary.md`];
  // After an interruption the ungraded submissions are expected; only real faults are listed.
  const faults = run.interrupted ? [] : run.submissions.filter((result) => result.fault);
  for (const result of faults) lines.push(`${lang === 'fr' ? 'Erreur du correcteur' : 'Grader fault'} (${visibleControls(result.id)}): ${result.fault}`);
  if (run.interrupted) lines.push(lang === 'fr' ? 'Correction interrompue : rapports partiels écrits.' : 'Grading interrupted: partial reports written.');
  return lines;
}
