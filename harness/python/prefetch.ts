import { gradesNothing, guessOption } from '../cli/guess-option.js';
import { defaultOptions } from '../options.js';
import { prefetchPythonChoice } from './choice.js';

// Imported by the CLI after the launchers' prefetches (their Python start-ups are the longer): starts choosing
// --python (the cache, and a resolution where its answer does not stand) before yargs and the grader's modules load,
// so the two overlap. A guess from argv; yargs still decides.
const args = process.argv.slice(2);
if (!gradesNothing(args)) prefetchPythonChoice(guessOption(args, 'python') ?? defaultOptions.python);
