#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { BadInputError, HarnessFault } from './errors.js';
import { grade } from './grade.js';
import { killAllStudentProcesses } from './launch/student-process.js';
import { defaultOptions, langFromEnvironment } from './options.js';
import { appendStepSummary, writeReports } from './reports/write.js';
import { defaultReportOptions, parseFormats, reportFormats, type ReportOptions } from './reports/formats.js';
import { csvDelimiters } from './reports/grades-csv.js';
import { githubAnnotations } from './reports/github-annotations.js';
import { languages } from './rubric/schema.js';
import { join } from 'node:path';
import { reportFileName } from './reports/file-names.js';
import { label } from './reports/format.js';
import { translate } from './messages/translate.js';
import { type Audience, audienceFromEnvironment, forAudience } from './scoring/audience.js';
import { renderChecklist } from './terminal-checklist.js';
import { styleFor } from './terminal-style.js';
import { finalLines, progressLine, statusLine, unsandboxedWarning } from './terminal.js';
import { watchSubmissions } from './watch.js';
import type { GradeRun } from './grade.js';
import type { ProgressEvent } from './options.js';
import { mergeRuns } from './classroom/merge.js';
import { writeRunState } from './classroom/run-state.js';
import { parseShard } from './classroom/shard.js';

// Command-line names of the limits, and the rubric's names for them.
const limitKey = {
  memoryMib: 'memoryMiB',
  cpuSeconds: 'cpuSeconds',
  fileSizeMib: 'fileSizeMiB',
  openFiles: 'openFiles',
  processes: 'processes',
  submissionSeconds: 'submissionSeconds',
} as const;
const limitOptions = Object.keys(limitKey) as (keyof typeof limitKey)[];
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

// The only file that reads argv, prints, and sets the exit code: 0 graded, 1 below --fail-under, 2 bad input or fault.

const aborter = new AbortController();
// Ctrl+C or SIGTERM: stop starting submissions, kill every student process, still write the reports.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (aborter.signal.aborted) process.exit(130);
    aborter.abort();
    killAllStudentProcesses();
  });
}
process.on('exit', killAllStudentProcesses);

const argv = await yargs(hideBin(process.argv))
  .scriptName('grade')
  .usage('$0 [paths..]\n\nGrades network-programming lab submissions and writes reports (Markdown, JSON; JUnit, CSV, Gradescope on demand).')
  .command('$0 [paths..]', false)
  .command('merge <dirs..>', 'Merge the --out folders of sharded runs (--shard i/n) into one set of reports')
  .positional('paths', { type: 'string', array: true, default: ['submissions'], describe: 'A .py file, a student folder, or a folder of student folders' })
  .option('rubric', { type: 'string', default: defaultOptions.rubric, describe: 'Rubric id (a file name in rubrics/) or path of a rubric file' })
  .option('out', { type: 'string', default: defaultOptions.outDir, describe: 'Folder the reports are written to' })
  .option('jobs', { type: 'number', default: defaultOptions.jobs, describe: 'Submissions graded at the same time' })
  .option('fail-under', { type: 'number', describe: 'Exit with code 1 when a submission scores below this' })
  .option('lang', { choices: languages, default: langFromEnvironment(), describe: 'Language of the reports' })
  .option('python', { type: 'string', default: defaultOptions.python, describe: 'Python 3 command used to run submissions' })
  .option('student', {
    type: 'boolean',
    default: false,
    describe: "Show what a student may see: hidden checks and feedback levels apply (also GRADE_AUDIENCE=student)",
  })
  .option('watch', { type: 'boolean', default: false, describe: 'Grade again after every save (Ctrl+C to stop)' })
  .option('shard', { type: 'string', describe: 'Grade only shard i of n (e.g. 2/4), chosen by hashing ids; see "grade merge"' })
  .option('changed-only', {
    type: 'boolean',
    default: false,
    describe: 'Reuse the results of submissions unchanged since the last run into --out (same files, rubric, grader)',
  })
  .option('format', {
    type: 'string',
    default: defaultReportOptions.formats.join(','),
    describe: `Outputs to write, a comma list of ${reportFormats.join(', ')}, or all`,
  })
  .option('csv-delimiter', {
    choices: csvDelimiters,
    default: defaultReportOptions.csvDelimiter,
    describe: 'Delimiter of grades.csv; ";" (French spreadsheets) also writes decimals with ","',
  })
  .option('sandbox', {
    choices: ['auto', 'on', 'off'] as const,
    default: defaultOptions.sandbox,
    describe: 'Confine each program (namespaces, read-only system, loopback-only network); auto: where the system allows it',
  })
  .option('memory-mib', { type: 'number', group: 'Limits (default: the rubric):', describe: 'Memory per program (RLIMIT_DATA)' })
  .option('cpu-seconds', { type: 'number', group: 'Limits (default: the rubric):', describe: 'CPU time per program' })
  .option('file-size-mib', { type: 'number', group: 'Limits (default: the rubric):', describe: 'Largest file a program may write' })
  .option('open-files', { type: 'number', group: 'Limits (default: the rubric):', describe: 'Open files per program' })
  .option('processes', { type: 'number', group: 'Limits (default: the rubric):', describe: 'Processes per program (sandbox only)' })
  .option('submission-seconds', { type: 'number', group: 'Limits (default: the rubric):', describe: 'Whole grading of one submission' })
  .example('$0 submissions/', 'Grade a whole class: one report per student folder, plus reports/summary.md')
  .example('$0 submissions/alice', 'Grade one student folder')
  .example('$0 simpleUDPServeur.py --lang en', 'Grade one file, reports in English')
  .example('$0 submissions/ --fail-under 10', 'Exit with code 1 if someone scores below 10/20 (for CI)')
  .example('$0 . --watch', 'A student: grade my folder again on every save')
  .example('$0 submissions/ --format all --csv-delimiter ";"', 'Also write junit.xml, grades.csv (French spreadsheets) and Gradescope files')
  .example('$0 submissions/ --shard 1/2 --out out-1', 'CI: grade half of the class on this runner')
  .example('$0 merge out-1 out-2 --out reports', 'CI: one set of reports from the sharded runs')
  .check((args) => {
    if (!Number.isInteger(args.jobs) || args.jobs < 1) throw new Error('--jobs must be a whole number of at least 1.');
    if (args.failUnder !== undefined && Number.isNaN(args.failUnder)) throw new Error('--fail-under must be a number.');
    for (const name of limitOptions) {
      const value = args[name] as number | undefined;
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`--${kebab(name)} must be a whole number of at least 1.`);
    }
    return true;
  })
  .strict()
  .help()
  .version()
  .wrap(Math.min(110, process.stdout.columns || 110))
  .fail((message, error) => {
    process.stderr.write(`grade: ${error?.message ?? message}\nRun "grade --help" for usage.\n`);
    process.exit(2);
  })
  .parseAsync();

const lang = argv.lang;
const audience: Audience = argv.student ? 'student' : audienceFromEnvironment();
let warnedUnsandboxed = false;

// One grading run, start to finish: grade, write the reports, print, and say which exit code it earns.
async function gradeOnce(signal: AbortSignal): Promise<number> {
  const run = await grade({
    paths: argv.paths ?? ['submissions'],
    rubric: argv.rubric,
    outDir: argv.out,
    jobs: argv.jobs,
    lang,
    python: argv.python,
    sandbox: argv.sandbox,
    limits: Object.fromEntries(limitOptions.flatMap((name) => (argv[name] === undefined ? [] : [[limitKey[name], argv[name]]]))),
    ...(argv.failUnder === undefined ? {} : { failUnder: argv.failUnder }),
    ...(argv.shard === undefined ? {} : { shard: parseShard(argv.shard) }),
    changedOnly: argv.changedOnly,
    signal,
    onProgress: (event) => {
      if (event.kind === 'start' && event.sandbox.kind === 'none' && argv.sandbox === 'auto' && !warnedUnsandboxed) {
        warnedUnsandboxed = true;
        process.stderr.write(`${unsandboxedWarning(event.sandbox.reason, lang)}\n`);
      }
      progress.update(event);
    },
  });
  progress.finish();
  await writeRunState(run, argv.out);
  return report(run);
}

// Progress on stderr: a line rewritten in place on a terminal, one line per submission in CI logs.
const progress = (() => {
  const live = process.stderr.isTTY === true;
  let state = { done: 0, total: 0, belowFull: 0, startedAt: performance.now() };
  const show = () => process.stderr.write(`\r\u001b[K${statusLine({ ...state, elapsedMs: performance.now() - state.startedAt }, lang)}`);
  return {
    update(event: ProgressEvent) {
      if (event.kind === 'start') state = { done: 0, total: event.total, belowFull: 0, startedAt: performance.now() };
      else state = { ...state, done: event.done, belowFull: state.belowFull + (event.score < event.maxScore ? 1 : 0) };
      // One submission gets its checklist at the end instead.
      if (state.total <= 1) return;
      if (live) show();
      else if (event.kind === 'graded') process.stderr.write(`${progressLine(event, lang)}\n`);
    },
    finish() {
      if (live && state.total > 1) process.stderr.write('\r\u001b[K');
    },
  };
})();

// Reports, terminal lines and the exit code, from a run (graded now, or merged from shards).
async function report(run: GradeRun): Promise<number> {
  const shown = forAudience(run, audience);
  await writeReports(shown, argv.out, lang, reportOptions);
  // On GitHub Actions: the class summary on the run's page, and an annotation on the student's file per failed check.
  if (process.env.GITHUB_STEP_SUMMARY) await appendStepSummary(process.env.GITHUB_STEP_SUMMARY, shown, lang);
  const [single] = shown.submissions;
  if (shown.submissions.length === 1 && single) {
    process.stdout.write(renderChecklist(single, shown.rubric, lang, styleFor(process.stdout)));
    if (reportOptions.formats.includes('md')) {
      process.stdout.write(`${label('detailedReport', lang, { path: join(argv.out, reportFileName(single.id)) })}\n`);
    }
  } else {
    for (const line of finalLines(shown, argv.out, lang)) process.stdout.write(`${line}\n`);
  }
  if (process.env.GITHUB_ACTIONS === 'true') {
    for (const line of githubAnnotations(shown, lang, process.cwd())) process.stdout.write(`${line}\n`);
  }
  if (run.interrupted) return 130;
  if (run.submissions.some((result) => result.fault)) return 2;
  if (argv.failUnder !== undefined && run.submissions.some((result) => result.score < argv.failUnder!)) return 1;
  return 0;
}

// --watch: grade, then again after every save; a save during a run stops that run first.
async function watchForever(): Promise<void> {
  let current: { controller: AbortController; done: Promise<unknown> } | undefined;
  const start = () => {
    const controller = new AbortController();
    const previous = current;
    current = {
      controller,
      done: (async () => {
        if (previous) {
          previous.controller.abort();
          await previous.done;
        }
        if (controller.signal.aborted || aborter.signal.aborted) return;
        if (process.stdout.isTTY) process.stdout.write('\u001bc');
        await gradeOnce(AbortSignal.any([controller.signal, aborter.signal])).catch(reportError);
        process.stderr.write(`${label('watching', lang)}\n`);
      })(),
    };
  };
  using _watcher = watchSubmissions(argv.paths ?? ['submissions'], argv.out, start);
  start();
  await new Promise<void>((resolve) => aborter.signal.addEventListener('abort', () => resolve(), { once: true }));
  current?.controller.abort();
  await current?.done;
  process.exitCode = 130;
}

function reportError(error: unknown): void {
  if (error instanceof BadInputError) {
    process.stderr.write(`grade: ${translate(error.sentence, lang)}\n`);
  } else {
    const detail = error instanceof HarnessFault ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`grade: internal error, please report it with this output:\n${detail}\n`);
  }
}

// Set before anything is graded, so that a bad --format costs nothing.
let reportOptions: ReportOptions = defaultReportOptions;
try {
  // A repeated --format arrives as an array: the lists add up.
  reportOptions = { formats: parseFormats([argv.format].flat().join(',')), csvDelimiter: argv.csvDelimiter };
  if (argv._[0] === 'merge') {
    const merged = await mergeRuns((argv as { dirs?: string[] }).dirs ?? []);
    await writeRunState(merged, argv.out);
    process.exitCode = await report(merged);
  }
  else if (argv.watch) await watchForever();
  else process.exitCode = await gradeOnce(aborter.signal);
} catch (error) {
  reportError(error);
  process.exitCode = 2;
}
