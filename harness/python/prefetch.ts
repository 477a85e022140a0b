import { gradesNothing, guessOption } from '../cli/guess-option.js';
import { defaultOptions } from '../options.js';
import { bootSpareLauncher } from '../sandbox/plain-launcher.js';
import { guessedBwrap } from '../workers/prefetch.js';
import { lastPython, prefetchPythonChoice } from './choice.js';

// Imported by the CLI right after the sandbox slot's prefetch (a slot's start is the longer): starts choosing
// --python (the cache, and a resolution where its answer does not stand) before yargs and the grader's
// modules load (~70 ms of CPU on the main thread), so the two overlap. A run that will not be sandboxed also
// starts its launcher (../sandbox/plain-launcher.ts) with the last identical run's interpreter. Guesses from
// argv; yargs still decides: a choice or a launcher nobody takes is at most a wasted Python start.
const args = process.argv.slice(2);
if (!gradesNothing(args)) {
  const command = guessOption(args, 'python') ?? defaultOptions.python;
  prefetchPythonChoice(command);
  // --sandbox on without bwrap grades nothing (bad input). A sandboxed run's launcher is ../workers/prefetch.ts's.
  const unsandboxed = guessedBwrap === undefined && guessOption(args, 'sandbox') !== 'on';
  const python = unsandboxed ? lastPython(command) : undefined;
  if (python) bootSpareLauncher(python.executable);
}
