import { defaultOptions, langFromEnvironment } from '../options.js';
import { packageVersion } from '../paths.js';
import { defaultReportOptions, reportFormats } from '../reports/formats.js';
import { csvDelimiters } from '../reports/grades-csv.js';
import { type Lang, languages } from '../rubric/languages.js';

// The command line's definitions (yargs). --help, --version and bad input end the process inside yargs: a parse
// that returns is a good command line.

// Command-line names of the limits, and the rubric's names for them.
export const limitKey = {
  memoryMib: 'memoryMiB',
  cpuSeconds: 'cpuSeconds',
  fileSizeMib: 'fileSizeMiB',
  openFiles: 'openFiles',
  processes: 'processes',
  submissionSeconds: 'submissionSeconds',
} as const;
export const limitOptions = Object.keys(limitKey) as (keyof typeof limitKey)[];
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

// The defaults this machine and environment give (the rest are constants of the build): with the command line,
// all that a parse depends on.
export interface CommandLineDefaults {
  readonly lang: Lang;
  readonly jobs: number;
}

export function commandLineDefaults(): CommandLineDefaults {
  return { lang: langFromEnvironment(), jobs: defaultOptions.jobs };
}

export type CommandLine = Awaited<ReturnType<typeof parseCommandLine>>;

export async function parseCommandLine(args: readonly string[], defaults: CommandLineDefaults) {
  return (await commandLine(args, defaults)).parseAsync();
}

// The definitions themselves (their options are read by a test of ./guess-option.ts, which must know them).
export async function commandLine(args: readonly string[], defaults: CommandLineDefaults) {
  const { default: yargs } = await import('yargs');
  return yargs([...args])
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
    .option('jobs', { type: 'number', default: defaults.jobs, describe: 'Submissions graded at the same time' })
    .option('fail-under', { type: 'number', describe: 'Exit with code 1 when a submission scores below this' })
    .option('lang', { choices: languages, default: defaults.lang, describe: 'Language of the reports' })
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
    });
}
