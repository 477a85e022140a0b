import { mergeProgramRuns } from '../classroom/merge.js';
import { parseShard } from '../classroom/shard.js';
import { printError } from './fail.js';
import type { CliSettings } from './settings.js';
import { killAllStudentProcesses } from '../launch/cleanup-registry.js';
import { parseFormats } from '../reports/formats.js';
import { audienceFromEnvironment } from '../scoring/audience.js';
import { commandLineDefaults, limitKey, limitOptions } from './command-line.js';
import { parseRemembering } from './remembered-command-line.js';

// The only file that reads argv and sets the exit code: argv → settings → grade, merge or watch.

// The command line, once the work started ahead of need is under way (./start.ts).
// `build`: the bundle's identity, when the CLI runs bundled (./remembered-command-line.ts).
export async function main(build?: string): Promise<void> {
  const aborter = new AbortController();
  // Ctrl+C or SIGTERM: stop starting submissions, kill every student process, still write the reports.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (aborter.signal.aborted) process.exit(130);
      aborter.abort();
      killAllStudentProcesses();
    });
  }
  const argv = await parseRemembering(process.argv.slice(2), commandLineDefaults(), build);

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
