import { describe, expect, it } from 'vitest';
import { guessPaths } from './guess-option.js';

describe('guessPaths: the paths yargs will find, read from argv before it loads', () => {
  it.each([
    [[], ['submissions']],
    [['submissions/alice'], ['submissions/alice']],
    [['--out', 'reports', 'a', 'b'], ['a', 'b']],
    [['a', '--jobs=2', '--watch', 'b'], ['a', 'b']],
    [['--student', 'a', '--changed-only', '--no-color', 'b'], ['a', 'b']],
    [['--python', 'python3.12', '--', '--odd-name'], ['--odd-name']],
  ])('%j -> %j', (args, paths) => {
    expect(guessPaths(args)).toEqual(paths);
  });
});
