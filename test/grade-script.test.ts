import { execa } from 'execa';
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// ./grade, the README's command: the bundled CLI without npm's start, run from any folder.
const root = join(import.meta.dirname, '..');
const script = join(root, 'grade');
const fixtures = join(import.meta.dirname, 'fixtures');

describe('./grade', () => {
  it('grades paths given relative to the folder it is run from, with the exit code of the CLI', async () => {
    const out = mkdtempSync(join(tmpdir(), 'grade-script-'));
    const cwd = join(fixtures, 'udp-server');
    const { exitCode, stdout } = await execa(relative(cwd, script), ['wrong-reply', '--out', out, '--lang', 'en'], { cwd, reject: false });
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Score: 16/20');
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).submissions[0]).toMatchObject({ id: 'wrong-reply', score: 16 });
    const bad = await execa(relative(cwd, script), ['no-such-folder', '--out', out], { cwd, reject: false });
    expect(bad.exitCode).toBe(2);
  });

  it('finds the grader through a link to it', async () => {
    const link = join(mkdtempSync(join(tmpdir(), 'grade-link-')), 'grade');
    symlinkSync(script, link);
    const { exitCode, stdout } = await execa(link, ['--version'], { cwd: tmpdir() });
    expect(exitCode).toBe(0);
    expect(stdout).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('says in one sentence what to do where node is not on the PATH', async () => {
    const { exitCode, stderr } = await execa(script, ['--version'], { reject: false, env: { PATH: '/nonexistent' }, extendEnv: false });
    expect(exitCode).toBe(2);
    expect(stderr).toBe('grade: Node.js 20.19 or newer is needed, and node is not on the PATH: install it (https://nodejs.org) and try again.');
  });

  it('says in one sentence what to do where the grader is not built', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'grade-unbuilt-')), 'grade');
    copyFileSync(script, copy);
    const { exitCode, stderr } = await execa(copy, ['submissions/'], { reject: false });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^grade: the grader is not built in .*grade-unbuilt-[^/]+: run `npm ci` there first\.$/);
  });
});
