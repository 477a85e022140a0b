import { gradesNothing, guessOption } from '../cli/guess-option.js';
import { defaultOptions } from '../options.js';
import { cachedPythonStands } from './choice.js';
import { prefetchPython } from './resolve.js';

// Imported first by the CLI: starts resolving --python before yargs and the grader's modules load
// (~70 ms of CPU on the main thread), so the two overlap. A guess from argv; yargs still decides: a
// resolution nobody asks for is only a wasted Python start. None when the last run's answer still stands.
const args = process.argv.slice(2);
const command = guessOption(args, 'python') ?? defaultOptions.python;
if (!gradesNothing(args) && !cachedPythonStands(command)) prefetchPython(command);
