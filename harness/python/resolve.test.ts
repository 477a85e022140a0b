import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { prefetchPython, resolvePython } from './resolve.js';

describe('resolvePython', () => {
  it('finds the real binary, its version and its prefixes', async () => {
    const python = await resolvePython('python3');
    expect(python.executable).toMatch(/python/);
    expect(python.version).toMatch(/^3\.\d+\.\d+$/);
    expect(python.prefixes.length).toBeGreaterThan(0);
  });

  it('hands a prefetched resolution to the first caller only; the next one resolves again', async () => {
    prefetchPython('python3');
    const first = resolvePython('python3');
    const second = resolvePython('python3');
    expect(first).not.toBe(second);
    expect(await first).toEqual(await second);
  });

  it('rejects a command that is not Python 3 as bad input, prefetched or not', async () => {
    prefetchPython('/no/such/python3');
    await expect(resolvePython('/no/such/python3')).rejects.toBeInstanceOf(BadInputError);
    await expect(resolvePython('/no/such/python3')).rejects.toMatchObject({ code: 'NO_PYTHON' });
    await expect(resolvePython('false')).rejects.toMatchObject({ code: 'NO_PYTHON' });
  });
});
