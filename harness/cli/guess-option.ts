// Reading argv before yargs does, for work started ahead of need (./prefetch modules): a guess that
// yargs still decides. A wrong guess only wastes the work started, never changes what is graded.

// --help, --version and `merge` grade nothing: nothing to start ahead for them.
export function gradesNothing(args: readonly string[]): boolean {
  return args.some((arg) => ['--help', '-h', '--version'].includes(arg)) || args[0] === 'merge';
}

// The last value given as `--name value` or `--name=value`.
export function guessOption(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  args.forEach((arg, index) => {
    if (arg === `--${name}`) value = args[index + 1];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  });
  return value;
}

// The options that take no value (yargs's booleans, ./command-line.ts: a test checks they agree); every other option
// takes the next argument, unless given as `--name=value`.
export const valuelessOptions: ReadonlySet<string> = new Set(['--student', '--watch', '--changed-only', '--help', '-h', '--version']);

// The paths to grade (yargs's positionals): what is neither an option nor an option's value; `submissions` without any.
export function guessPaths(args: readonly string[]): string[] {
  const paths: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      paths.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-')) paths.push(arg);
    else if (!arg.includes('=') && !valuelessOptions.has(arg) && !arg.startsWith('--no-')) index++;
  }
  return paths.length > 0 ? paths : ['submissions'];
}
