import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath as cli } from './helpers/cli.js';

// The built CLI, run as a teacher runs it: exit codes and messages are its contract.
const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures');

async function grade(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'cli-out-'));
  const result = await execa('node', [cli, ...args, '--out', out], { cwd: root, reject: false, env: { LANG: 'C.UTF-8' } });
  return { ...result, out };
}

// Bad input: one sentence that says what to do, exit code 2, never a stack trace.
function expectOneSentence(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('grade CLI', () => {
  it('grades one folder, writes the reports and exits 0', async () => {
    const { exitCode, out, stdout } = await grade([join(fixtures, 'udp-server', 'correct'), '--lang', 'en']);
    expect(exitCode).toBe(0);
    // One submission: the student's checklist, then where the detailed report is.
    expect(stdout).toContain('Score: 20/20');
    expect(stdout).toMatch(/Detailed report: .*correct\.md/);
    expect(existsSync(join(out, 'correct.md'))).toBe(true);
    expect(existsSync(join(out, 'summary.md'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).submissions[0]).toMatchObject({ id: 'correct', score: 20 });
  });

  it('ends a class run with its count, time and mean, decimals written the French way in French', async () => {
    const folders = ['correct', 'wrong-reply'].map((name) => join(fixtures, 'udp-server', name));
    const fr = await grade([...folders, '--lang', 'fr']);
    expect(fr.exitCode).toBe(0);
    expect(fr.stdout).toMatch(/^2 rendu\(s\) corrigé\(s\) en \d+,\d s, moyenne 18\/20\.$/m);
    const en = await grade([...folders, '--lang', 'en']);
    expect(en.stdout).toMatch(/^2 submission\(s\) graded in \d+\.\d s, mean 18\/20\.$/m);
  });

  it('grades a single file named on the command line', async () => {
    const file = join(fixtures, 'udp-server', 'wrong-reply', 'simpleUDPServeur.py');
    const { exitCode, out } = await grade([file]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).submissions[0]).toMatchObject({ id: 'wrong-reply', score: 16 });
  });

  it('exits 1 only when --fail-under is given and missed', async () => {
    const folder = join(fixtures, 'udp-server', 'wrong-reply');
    expect((await grade([folder, '--fail-under', '17'])).exitCode).toBe(1);
    expect((await grade([folder, '--fail-under', '16'])).exitCode).toBe(0);
  });

  it.each([
    [['does/not/exist'], /^grade: .*does\/not\/exist does not exist: check the path/],
    [[join(fixtures, 'rubrics')], /^grade: Nothing to grade in .*: give a student folder/],
    [[join(fixtures, 'udp-server', 'correct'), '--rubric', 'nope'], /^grade: Unknown rubric "nope": pass --rubric with one of (?:[\w-]+, )*udp-server\b/],
    [
      [join(fixtures, 'udp-server', 'correct'), '--rubric', join(fixtures, 'rubrics', 'points-not-a-number.yaml')],
      /^grade: Invalid rubric .*points-not-a-number\.yaml: checks\[1\]\.points: expected a number\. Fix the file/,
    ],
    [[join(fixtures, 'udp-server', 'correct'), '--python', '/no/such/python3'], /^grade: No Python 3 found .*pass --python/],
  ])('rejects bad input %j with one sentence and exit code 2', async (args, pattern) => {
    const { exitCode, stderr } = await grade([...args, '--lang', 'en']);
    expect(exitCode).toBe(2);
    expectOneSentence(stderr, pattern);
  });

  it('says it in French too', async () => {
    const { exitCode, stderr } = await grade(['does/not/exist', '--lang', 'fr']);
    expect(exitCode).toBe(2);
    expectOneSentence(stderr, /^grade: .*does\/not\/exist n’existe pas : vérifiez le chemin/);
  });

  // A slot booted ahead (workers/prefetch.ts) has a folder for its copies: it goes even when nobody took the slot.
  it('leaves nothing in the temporary folder, after a run or after bad input', async () => {
    const temporary = mkdtempSync(join(tmpdir(), 'cli-tmp-'));
    const env = { LANG: 'C.UTF-8', TMPDIR: temporary };
    const out = join(temporary, 'reports');
    const good = await execa('node', [cli, join(fixtures, 'udp-server', 'correct'), '--out', out], { cwd: root, reject: false, env });
    expect(good.exitCode).toBe(0);
    const bad = await execa('node', [cli, 'does/not/exist', '--out', out], { cwd: root, reject: false, env });
    expect(bad.exitCode).toBe(2);
    expect(readdirSync(temporary)).toEqual(['reports']);
  });

  it('rejects invalid options with exit code 2', async () => {
    const jobs = await grade(['--jobs', '0']);
    expect(jobs.exitCode).toBe(2);
    expect(jobs.stderr).toContain('--jobs must be a whole number of at least 1.');
    const lang = await grade(['--lang', 'de']);
    expect(lang.exitCode).toBe(2);
    expect(lang.stderr).toContain('Invalid values');
  });

  it('shows examples in --help', async () => {
    const { exitCode, stdout } = await execa('node', [cli, '--help'], { reject: false });
    expect(exitCode).toBe(0);
    for (const option of ['--rubric', '--out', '--jobs', '--fail-under', '--lang']) expect(stdout).toContain(option);
    expect(stdout).toContain('grade submissions/alice');
  });

  // The CLI is a bundle: yargs's own guesses (package.json above node_modules/yargs, its locales beside it) do not apply.
  it("prints the package's version from any folder, and French help under a French locale", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'cli-cwd-'));
    const version = await execa('node', [cli, '--version'], { cwd: elsewhere, reject: false });
    expect(version.stdout).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
    const help = await execa('node', [cli, '--help'], { cwd: elsewhere, reject: false, env: { LC_ALL: 'fr_FR.UTF-8' } });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Options :');
    expect(help.stdout).toContain('Exemples :');
  });
});
