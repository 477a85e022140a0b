import { describe, expect, it } from 'vitest';
import { commandLine, commandLineDefaults } from './command-line.js';
import { guessPaths, valuelessOptions } from './guess-option.js';

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

  it("knows every option yargs's definitions take without a value", async () => {
    // getOptions(): yargs's own record of its definitions, missing from its typings.
    const definitions = (await commandLine([], commandLineDefaults())) as unknown as { getOptions(): { boolean: string[] } };
    const { boolean } = definitions.getOptions();
    expect(boolean.length).toBeGreaterThan(0);
    for (const name of boolean) expect(valuelessOptions).toContain(`--${name}`);
  });
});
