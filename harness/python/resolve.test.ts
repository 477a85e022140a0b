import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { resolvePython } from './resolve.js';

describe('resolvePython', () => {
  it('finds the real binary, its version and its prefixes', async () => {
    const python = await resolvePython('python3');
    expect(python.executable).toMatch(/python/);
    expect(python.version).toMatch(/^3\.\d+\.\d+$/);
    expect(python.prefixes.length).toBeGreaterThan(0);
  });

  it('rejects a command that is not Python 3 as bad input', async () => {
    await expect(resolvePython('/no/such/python3')).rejects.toBeInstanceOf(BadInputError);
    await expect(resolvePython('/no/such/python3')).rejects.toMatchObject({ code: 'NO_PYTHON' });
    await expect(resolvePython('false')).rejects.toMatchObject({ code: 'NO_PYTHON' });
  });
});
