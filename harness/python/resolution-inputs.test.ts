import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolutionInputs } from './resolution-inputs.js';

// Real files in a scratch folder: a Python reached directly, a pyenv root with a shim, other launchers.
const realPython = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
const scratch = mkdtempSync(join(tmpdir(), 'resolution-inputs-'));

function script(path: string, text = '#!/bin/sh\nexec python3 "$@"\n'): string {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
  return path;
}

describe('resolutionInputs: a command that is the interpreter itself', () => {
  const dir = mkdtempSync(join(scratch, 'direct-'));
  mkdirSync(join(dir, 'bin'));
  const link = join(dir, 'bin', 'python3');
  symlinkSync(realPython, link);
  const python = { executable: link, version: '3.11.7', prefixes: [dir] };
  const env = { PATH: join(dir, 'bin'), HOME: dir };
  const inputs = () => resolutionInputs('python3', python, env, dir);

  it('is the same while nothing changes, found along PATH or by its path', () => {
    expect(inputs()).toBeDefined();
    expect(inputs()).toBe(inputs());
    expect(resolutionInputs(link, python, {}, '/')).toBe(inputs());
  });

  it("changes when a virtual environment's pyvenv.cfg appears", () => {
    const before = inputs();
    writeFileSync(join(dir, 'pyvenv.cfg'), 'home = /usr/bin\n');
    expect(inputs()).not.toBe(before);
    rmSync(join(dir, 'pyvenv.cfg'));
    expect(inputs()).toBe(before);
  });

  it('is unknown when the command finds another program, or nothing', () => {
    const other = mkdtempSync(join(scratch, 'other-'));
    script(join(other, 'python3'));
    expect(resolutionInputs('python3', python, { PATH: other }, other)).toBeUndefined();
    expect(resolutionInputs('python3', python, { PATH: join(scratch, 'nowhere') }, other)).toBeUndefined();
    expect(resolutionInputs('python3', { ...python, executable: join(scratch, 'gone') }, env, dir)).toBeUndefined();
  });
});

describe('resolutionInputs: a pyenv shim', () => {
  const root = mkdtempSync(join(scratch, 'pyenv-'));
  mkdirSync(join(root, 'shims'));
  mkdirSync(join(root, 'versions', '3.11.7', 'bin'), { recursive: true });
  const shim = script(join(root, 'shims', 'python3'), '#!/usr/bin/env bash\nexec pyenv exec "$(basename "$0")" "$@"\n');
  const executable = join(root, 'versions', '3.11.7', 'bin', 'python3');
  symlinkSync(realPython, executable);
  writeFileSync(join(root, 'version'), '3.11.7\n');
  const python = { executable, version: '3.11.7', prefixes: [join(root, 'versions', '3.11.7')] };
  const project = join(mkdtempSync(join(scratch, 'project-')), 'lab', 'alice');
  mkdirSync(project, { recursive: true });
  const env = { PATH: join(root, 'shims'), PYENV_ROOT: root };
  const inputs = (options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) => resolutionInputs('python3', python, options.env ?? env, options.cwd ?? project);

  it('is known, and the same while nothing changes', () => {
    expect(inputs()).toBeDefined();
    expect(inputs()).toBe(inputs());
    expect(resolutionInputs(shim, python, env, project)).toBe(inputs());
  });

  it.each([
    ['pyenv global (the version file)', () => writeFileSync(join(root, 'version'), '3.12.1\n')],
    ['pyenv local in the current folder', (cwd: string) => writeFileSync(join(cwd, '.python-version'), '3.12.1\n')],
    ['a .python-version two folders up', (cwd: string) => writeFileSync(join(cwd, '..', '..', '.python-version'), '3.12.1\n')],
    ['pyenv install (a new version)', () => mkdirSync(join(root, 'versions', `3.11.${Date.now()}`))],
  ])('changes with %s', (_, change) => {
    const before = inputs();
    change(project);
    expect(inputs()).not.toBe(before);
  });

  it('looks for .python-version from PYENV_DIR when it is set', () => {
    const elsewhere = mkdtempSync(join(scratch, 'pyenv-dir-'));
    const before = inputs({ env: { ...env, PYENV_DIR: elsewhere } });
    writeFileSync(join(elsewhere, '.python-version'), '3.12.1\n');
    expect(inputs({ env: { ...env, PYENV_DIR: elsewhere } })).not.toBe(before);
  });

  it('is unknown for a shim of a pyenv root other than PYENV_ROOT', () => {
    expect(inputs({ env: { ...env, PYENV_ROOT: join(scratch, 'another-root') } })).toBeUndefined();
  });
});
