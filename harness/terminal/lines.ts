import type { GradeRun } from '../grade.js';
import type { ProgressEvent } from '../options.js';
import type { Lang } from '../rubric/schema.js';
import { scoreText } from '../reports/format.js';
import { message, translate } from '../messages/translate.js';
import { visibleControls } from '../reports/markdown-text.js';

// The lines the CLI prints while and after grading; pure functions, the CLI decides where they go.

// One line per graded submission: what CI logs keep.
export function progressLine(event: ProgressEvent, lang: Lang): string | undefined {
  if (event.kind !== 'graded') return undefined;
  const width = String(event.total).length;
  const mark = event.score === event.maxScore ? '✅' : '❌';
  const reused = event.reused ? ` ${translate(message('terminal.reused'), lang)}` : '';
  return `[${String(event.done).padStart(width)}/${event.total}] ${mark} ${scoreText(event.score, event.maxScore, lang).padStart(5)}  ${visibleControls(event.id)}${reused}`;
}

// On a terminal, one line rewritten in place: how far, how many below full marks, how long still.
export interface ProgressState {
  readonly done: number;
  readonly total: number;
  readonly belowFull: number;
  readonly elapsedMs: number;
}

export function statusLine(state: ProgressState, lang: Lang): string {
  const left = state.done === 0 ? undefined : Math.ceil(((state.elapsedMs / state.done) * (state.total - state.done)) / 1000);
  return translate(
    message(left === undefined ? 'terminal.status-start' : 'terminal.status', {
      done: state.done,
      total: state.total,
      below: state.belowFull,
      seconds: left ?? 0,
    }),
    lang,
  );
}

// Said once, before grading, when --sandbox auto found no sandbox: what is missing and how to get it.
export function unsandboxedWarning(reason: string, lang: Lang): string {
  return translate(message('terminal.unsandboxed', { reason, hint: message('input.sandbox-hint') }), lang);
}

export function finalLines(run: GradeRun, outDir: string, lang: Lang): string[] {
  return [gradedLine(run, lang), translate(message('terminal.reports', { path: `${outDir}/summary.md` }), lang), ...problemLines(run, lang)];
}

// A class of several programs: a line per program, then the combined summary.
export function programsFinalLines(runs: readonly GradeRun[], outDir: string, lang: Lang): string[] {
  const lines = runs.flatMap((run) => [`${run.rubric.id}: ${gradedLine(run, lang)}`, ...problemLines(run, lang)]);
  return [...lines, translate(message('terminal.reports', { path: `${outDir}/summary.md` }), lang)];
}

function gradedLine(run: GradeRun, lang: Lang): string {
  const count = run.submissions.length;
  const mean = count === 0 ? 0 : run.submissions.reduce((sum, result) => sum + result.score, 0) / count;
  const seconds = (run.durationMs / 1000).toFixed(1);
  const graded = message('terminal.graded', {
    count,
    seconds: lang === 'fr' ? seconds.replace('.', ',') : seconds,
    mean: scoreText(Math.round(mean * 100) / 100, run.rubric.total, lang),
  });
  return translate(graded, lang);
}

function problemLines(run: GradeRun, lang: Lang): string[] {
  // After an interruption the ungraded submissions are expected; only real faults are listed.
  const faults = run.interrupted ? [] : run.submissions.filter((result) => result.fault);
  const lines = faults.map((result) => translate(message('terminal.fault', { id: visibleControls(result.id), fault: result.fault ?? '' }), lang));
  if (run.interrupted) lines.push(translate(message('terminal.interrupted'), lang));
  return lines;
}
