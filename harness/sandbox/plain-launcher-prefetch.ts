import { gradesNothing, guessOption } from '../cli/guess-option.js';
import { defaultOptions } from '../options.js';
import { lastPython } from '../python/cache.js';
import { guessedBwrap } from '../workers/prefetch.js';
import { bootSpareLauncher } from './plain-launcher.js';

// Imported by the CLI right after ../workers/prefetch.ts, before the choice of --python and the messages load: a run
// that will not be sandboxed starts its launcher (./plain-launcher.ts) with the last identical run's interpreter, and
// that Python start-up (~20 ms) overlaps all of the CLI's own. A guess from argv; yargs still decides: a launcher
// nobody takes is at most a wasted Python start. --sandbox on without bwrap grades nothing (bad input), and a
// sandboxed run's launcher is ../workers/prefetch.ts's.
const args = process.argv.slice(2);
if (!gradesNothing(args) && guessedBwrap === undefined && guessOption(args, 'sandbox') !== 'on') {
  const python = lastPython(guessOption(args, 'python') ?? defaultOptions.python);
  if (python) bootSpareLauncher(python.executable);
}
