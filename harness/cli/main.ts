import { mergeProgramRuns } from '../classroom/merge.js';
import { parseShard } from '../classroom/shard.js';
import { printError } from './fail.js';
import type { CliSettings } from './settings.js';
import { killAllStudentProcesses } from '../launch/cleanup-registry.js';
import { defaultOptions, langFromEnvironment } from '../options.js';
import { packageVersion } from '../paths.js';
import { defaultReportOptions, parseFormats, reportFormats } from '../reports/formats.js';
import { csvDelimiters } from '../reports/grades-csv.js';
import { languages } from '../rubric/languages.js';
import { audienceFromEnvironment } from '../scoring/audience.js';

// The only file that reads argv and sets the exit code: argv → settings → grade, merge or watch.

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

// The command line, once the work started ahead of need is under way (./start.ts).
export async function main(): Promise<void> {
  const aborter = new AbortController();
  // Ctrl+C or SIGTERM: stop starting submissions, kill every student process, still write the reports.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (aborter.signal.aborted) process.exit(130);
      aborter.abort();
      killAllStudentProcesses();
    });
  }
  const [{ default: yargs }, { hideBin }] = await Promise.all([import('yargs'), import('yargs/helpers')]);
  const argv = await yargs(hideBin(process.argv))
    .scriptName('grade')
    .usage('$0 [paths..]\n\nGrades network-programming lab submissions and writes reports (Markdown, JSON; JUnit, CSV, Gradescope on demand).')
    .command('$0 [paths..]', false)
    .command('merge <dirs..>', 'Merge the --out folders of sharded runs (--shard i/n) into one set of reports')
    .positional('paths', { type: 'string', array: true, default: ['submissions'], describe: 'A .py file, a student folder, or a folder of student folders' })
    .option('rubric', {
      type: 'string',
      describe: 'Rubric id (a file name in rubrics/) or path of a rubric file; default: every rubric whose entry file a submission holds',
    })
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
    .version(packageVersion())
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      process.stderr.write(`grade: ${error?.message ?? message}\nRun "grade --help" for usage.\n`);
      process.exit(2);
    })
    .parseAsync();

  const lang = argv.lang;
  try {
    // Parsed before anything is graded, so that a bad --format or --shard costs nothing.
    const settings: CliSettings = {
      paths: argv.paths ?? ['submissions'],
      ...(argv.rubric === undefined ? {} : { rubric: argv.rubric }),
      out: argv.out,
      jobs: argv.jobs,
      lang,
      python: argv.python,
      sandbox: argv.sandbox,
      limits: Object.fromEntries(limitOptions.flatMap((name) => (argv[name] === undefined ? [] : [[limitKey[name], argv[name]]]))),
      ...(argv.failUnder === undefined ? {} : { failUnder: argv.failUnder }),
      ...(argv.shard === undefined ? {} : { shard: parseShard(argv.shard) }),
      changedOnly: argv.changedOnly,
      audience: argv.student ? 'student' : audienceFromEnvironment(),
      // A repeated --format arrives as an array: the lists add up.
      report: { formats: parseFormats([argv.format].flat().join(',')), csvDelimiter: argv.csvDelimiter },
    };
    // The grader's modules load once the arguments are known to be good (--help and --version never need them).
    const [{ gradeOnce, report, writeRunStates }, { watchForever }] = await Promise.all([import('./run.js'), import('./watch-loop.js')]);
    if (argv._[0] === 'merge') {
      const merged = await mergeProgramRuns((argv as { dirs?: string[] }).dirs ?? []);
      await writeRunStates(merged, settings.out);
      process.exitCode = await report(merged, settings);
    } else if (argv.watch) {
      await watchForever(settings, aborter.signal);
      process.exitCode = 130;
    } else {
      process.exitCode = await gradeOnce(settings, aborter.signal);
    }
  } catch (error) {
    printError(error, lang);
    process.exitCode = 2;
  }
}
