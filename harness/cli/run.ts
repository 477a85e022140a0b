import { join } from 'node:path';
import { writeRunState } from '../classroom/run-state.js';
import { grade, type GradeRun } from '../grade.js';
import { reportFileName } from '../reports/file-names.js';
import { label } from '../reports/format.js';
import { githubAnnotations } from '../reports/github-annotations.js';
import { appendStepSummary, writeReports } from '../reports/write.js';
import { forAudience } from '../scoring/audience.js';
import { renderChecklist } from '../terminal/checklist.js';
import { finalLines, unsandboxedWarning } from '../terminal/lines.js';
import { styleFor } from '../terminal/style.js';
import { progressPrinter } from './progress.js';
import type { CliSettings } from './settings.js';

let warnedUnsandboxed = false;

// One grading run, start to finish: grade, keep the run's state, report; returns the exit code it earns.
export async function gradeOnce(settings: CliSettings, signal: AbortSignal): Promise<number> {
  const progress = progressPrinter(settings.lang);
  const run = await grade({
    ...settings,
    outDir: settings.out,
    signal,
    onProgress: (event) => {
      if (event.kind === 'start' && event.sandbox.kind === 'none' && settings.sandbox === 'auto' && !warnedUnsandboxed) {
        warnedUnsandboxed = true;
        process.stderr.write(`${unsandboxedWarning(event.sandbox.reason, settings.lang)}\n`);
      }
      progress.update(event);
    },
  });
  progress.finish();
  await writeRunState(run, settings.out);
  return report(run, settings);
}

// Reports, terminal lines and the exit code of a run (graded now, or merged from shards):
// 0 graded, 1 below --fail-under, 2 a fault of the grader, 130 interrupted.
export async function report(run: GradeRun, settings: CliSettings): Promise<number> {
  const { lang, out } = settings;
  const shown = forAudience(run, settings.audience);
  await writeReports(shown, out, lang, settings.report);
  // On GitHub Actions: the class summary on the run's page, and an annotation on the student's file per failed check.
  if (process.env.GITHUB_STEP_SUMMARY) await appendStepSummary(process.env.GITHUB_STEP_SUMMARY, shown, lang);
  const [single] = shown.submissions;
  if (shown.submissions.length === 1 && single) {
    process.stdout.write(renderChecklist(single, shown.rubric, lang, styleFor(process.stdout)));
    if (settings.report.formats.includes('md')) {
      process.stdout.write(`${label('detailedReport', lang, { path: join(out, reportFileName(single.id)) })}\n`);
    }
  } else {
    for (const line of finalLines(shown, out, lang)) process.stdout.write(`${line}\n`);
  }
  if (process.env.GITHUB_ACTIONS === 'true') {
    for (const line of githubAnnotations(shown, lang, process.cwd())) process.stdout.write(`${line}\n`);
  }
  if (run.interrupted) return 130;
  if (run.submissions.some((result) => result.fault)) return 2;
  const { failUnder } = settings;
  if (failUnder !== undefined && run.submissions.some((result) => result.score < failUnder)) return 1;
  return 0;
}
