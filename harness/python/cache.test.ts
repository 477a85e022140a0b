import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, pythonCacheFile, readCachedPython, rememberPython } from './cache.js';

const env = { PATH: '/usr/bin:/bin', HOME: '/home/alice', LANG: 'C.UTF-8' };

describe('the key of the Python cache', () => {
  const key = cacheKey('python3', env, '/work');

  it.each([
    ['the command', cacheKey('python3.12', env, '/work')],
    ['the current folder', cacheKey('python3', env, '/elsewhere')],
    ['PATH', cacheKey('python3', { ...env, PATH: '/opt/bin:/usr/bin:/bin' }, '/work')],
    ['PYENV_VERSION', cacheKey('python3', { ...env, PYENV_VERSION: '3.12.1' }, '/work')],
    ['VIRTUAL_ENV', cacheKey('python3', { ...env, VIRTUAL_ENV: '/work/.venv' }, '/work')],
    ['CONDA_PREFIX', cacheKey('python3', { ...env, CONDA_PREFIX: '/opt/conda' }, '/work')],
    ['ASDF_PYTHON_VERSION', cacheKey('python3', { ...env, ASDF_PYTHON_VERSION: '3.10.4' }, '/work')],
    ['PYTHONHOME', cacheKey('python3', { ...env, PYTHONHOME: '/opt/python' }, '/work')],
  ])('changes with %s', (_, other) => {
    expect(other).not.toBe(key);
  });

  it('ignores variables no Python launcher reads', () => {
    expect(cacheKey('python3', { ...env, LANG: 'fr_FR.UTF-8', TERM: 'xterm' }, '/work')).toBe(key);
  });
});

describe('the Python cache file', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'python-cache-'));
  const executable = join(scratch, 'python3');
  symlinkSync(process.execPath, executable); // Any executable file does.
  const python = { executable, version: '3.11.7', prefixes: ['/opt/python'] };

  it('lives under node_modules/.cache of the package, or in GRADER_CACHE_DIR', () => {
    expect(pythonCacheFile({})).toMatch(/\/node_modules\/\.cache\/netlab-grader\/python\.json$/);
    expect(pythonCacheFile({ GRADER_CACHE_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere/python.json');
  });

  it('gives back what was remembered, under the same key only', () => {
    const file = join(scratch, 'round-trip', 'python.json');
    rememberPython('key', { python }, file);
    expect(readCachedPython('key', file)).toEqual({ python });
    expect(readCachedPython('other key', file)).toBeUndefined();
    rememberPython('key', { python, inputs: 'state of the files' }, file);
    expect(readCachedPython('key', file)).toEqual({ python, inputs: 'state of the files' });
  });

  it('forgets an executable that is gone', () => {
    const file = join(scratch, 'gone', 'python.json');
    const gone = join(scratch, 'gone-python3');
    symlinkSync(process.execPath, gone);
    rememberPython('key', { python: { ...python, executable: gone } }, file);
    rmSync(gone);
    expect(readCachedPython('key', file)).toBeUndefined();
  });

  it('is no cache when it cannot be read or written, and never throws', () => {
    const garbage = join(scratch, 'garbage.json');
    writeFileSync(garbage, '{"key": "key", "python": 3');
    expect(readCachedPython('key', garbage)).toBeUndefined();
    writeFileSync(garbage, '{"key": "key", "python": {"executable": 3}}');
    expect(readCachedPython('key', garbage)).toBeUndefined();
    const blocked = join(scratch, 'a-file', 'python.json');
    writeFileSync(join(scratch, 'a-file'), '');
    expect(() => rememberPython('key', { python }, blocked)).not.toThrow();
    expect(readCachedPython('key', blocked)).toBeUndefined();
  });
});
