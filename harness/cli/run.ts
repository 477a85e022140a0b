import { join } from 'node:path';
import { writeProgramsIndex, writeRunState } from '../classroom/run-state.js';
import type { GradeRun } from '../grade.js';
import { gradePrograms } from '../grade-programs.js';
import { reportFileName } from '../reports/file-names.js';
import { label } from '../reports/format.js';
import { githubAnnotations } from '../reports/github-annotations.js';
import { programFolder, renderProgramsReports } from '../reports/programs-markdown.js';
import { appendStepSummary, writeReportFiles, writeReports } from '../reports/write.js';
import { forAudience } from '../scoring/audience.js';
import { renderChecklist } from '../terminal/checklist.js';
import { finalLines, programsFinalLines, unsandboxedWarning } from '../terminal/lines.js';
import { styleFor } from '../terminal/style.js';
import { progressPrinter } from './progress.js';
import type { CliSettings } from './settings.js';
import { holdYoungGeneration } from './young-generation.js';

let warnedUnsandboxed = false;

// One grading run, start to finish: grade, keep each program's run state, report; returns the exit code it earns.
export async function gradeOnce(settings: CliSettings, signal: AbortSignal): Promise<number> {
  const progress = progressPrinter(settings.lang);
  const runs = await gradePrograms({
    ...settings,
    outDir: settings.out,
    signal,
    onProgress: (event) => {
      if (event.kind === 'start' && event.sandbox.kind === 'none' && settings.sandbox === 'auto' && !warnedUnsandboxed) {
        warnedUnsandboxed = true;
        process.stderr.write(`${unsandboxedWarning(event.sandbox.reason, settings.lang)}\n`);
      }
      // While more results are to come: a run of one submission ends before its memory could grow.
      if (event.kind === 'graded' && event.done < event.total) holdYoungGeneration();
      progress.update(event);
    },
  });
  progress.finish();
  await writeRunStates(runs, settings.out);
  return report(runs, settings);
}

// What `grade merge` reads back: each program's run, and which sub-folders hold them.
export async function writeRunStates(runs: readonly GradeRun[], out: string): Promise<void> {
  for (const run of runs) await writeRunState(run, outDirOf(run, runs, out));
  if (runs.length > 1) await writeProgramsIndex(out, runs.map(programFolder));
}

// One program's reports go straight into --out; several programs get a folder each, under a combined summary.
function outDirOf(run: GradeRun, runs: readonly GradeRun[], out: string): string {
  return runs.length === 1 ? out : join(out, programFolder(run));
}

// Reports, terminal lines and the exit code of the runs (graded now, or merged from shards):
// 0 graded, 1 below --fail-under, 2 a fault of the grader, 130 interrupted.
export async function report(runs: readonly GradeRun[], settings: CliSettings): Promise<number> {
  const { lang, out } = settings;
  const shown = runs.map((run) => forAudience(run, settings.audience));
  for (const run of shown) {
    await writeReports(run, outDirOf(run, shown, out), lang, settings.report);
    // On GitHub Actions: the class summary on the run's page.
    if (process.env.GITHUB_STEP_SUMMARY) await appendStepSummary(process.env.GITHUB_STEP_SUMMARY, run, lang);
  }
  if (shown.length > 1 && settings.report.formats.includes('md')) await writeReportFiles(out, renderProgramsReports(shown, lang));

  const ids = new Set(shown.flatMap((run) => run.submissions.map((result) => result.id)));
  if (ids.size === 1) {
    // One student (the self-check): a checklist per program.
    const checklists = shown.flatMap((run) => run.submissions.map((result) => renderChecklist(result, run.rubric, lang, styleFor(process.stdout))));
    process.stdout.write(checklists.join('\n'));
    if (settings.report.formats.includes('md')) {
      process.stdout.write(`${label('detailedReport', lang, { path: join(out, reportFileName([...ids][0]!)) })}\n`);
    }
  } else {
    const [only] = shown;
    const lines = only && shown.length === 1 ? finalLines(only, out, lang) : programsFinalLines(shown, out, lang);
    for (const line of lines) process.stdout.write(`${line}\n`);
  }
  // On GitHub Actions: an annotation on the student's file per failed check.
  if (process.env.GITHUB_ACTIONS === 'true') {
    for (const run of shown) for (const line of githubAnnotations(run, lang, process.cwd())) process.stdout.write(`${line}\n`);
  }
  // The codes grow with severity: the worst program decides.
  return Math.max(0, ...runs.map((run) => exitCodeOf(run, settings.failUnder)));
}

function exitCodeOf(run: GradeRun, failUnder: number | undefined): number {
  if (run.interrupted) return 130;
  if (run.submissions.some((result) => result.fault)) return 2;
  if (failUnder !== undefined && run.submissions.some((result) => result.score < failUnder)) return 1;
  return 0;
}
