import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { choosePython, prefetchPythonChoice } from './choice.js';

// A cache of this test's own, empty at first: every choice below resolves by running the command.
const cacheDir = process.env.GRADER_CACHE_DIR;
beforeAll(() => {
  process.env.GRADER_CACHE_DIR = mkdtempSync(join(tmpdir(), 'python-choice-'));
});
afterAll(() => {
  if (cacheDir === undefined) delete process.env.GRADER_CACHE_DIR;
  else process.env.GRADER_CACHE_DIR = cacheDir;
});

describe('choosePython', () => {
  it('hands a prefetched choice to the first caller only; the next one chooses again', async () => {
    prefetchPythonChoice('python3');
    const first = choosePython('python3');
    const second = choosePython('python3');
    expect(first).not.toBe(second);
    expect(await first.fresh).toEqual(await second.fresh);
  });

  it('rejects a command that is not Python 3 as bad input, prefetched or not', async () => {
    prefetchPythonChoice('/no/such/python3');
    await expect(choosePython('/no/such/python3').fresh).rejects.toBeInstanceOf(BadInputError);
    await expect(choosePython('/no/such/python3').fresh).rejects.toMatchObject({ code: 'NO_PYTHON' });
  });
});
