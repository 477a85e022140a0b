import { defaultOptions } from '../options.js';
import { prefetchPython } from './resolve.js';

// Imported first by the CLI: starts resolving --python before yargs and the grader's modules load
// (~70 ms of CPU on the main thread), so the two overlap. A guess from argv; yargs still decides: a
// resolution nobody asks for is only a wasted Python start.
const args = process.argv.slice(2);
const skip = args.some((arg) => ['--help', '-h', '--version'].includes(arg)) || args[0] === 'merge';
if (!skip) prefetchPython(pythonArgument(args) ?? defaultOptions.python);

function pythonArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === '--python') value = argv[index + 1];
    else if (arg.startsWith('--python=')) value = arg.slice('--python='.length);
  });
  return value;
}
