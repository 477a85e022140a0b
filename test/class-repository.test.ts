import { execa } from 'execa';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../harness/classroom/shard.js';
import { cliPath as cli } from './helpers/cli.js';

// The class-repository workflow, run locally with the same commands CI runs (docs/github-actions.yml).
const fixtures = join(import.meta.dirname, 'fixtures', 'udp-server');
const scratch = mkdtempSync(join(tmpdir(), 'class-repo-'));

const run = (args: string[]) => execa('node', [cli, ...args, '--lang', 'en'], { reject: false, env: { TMPDIR: scratch } });

// A small class: a few behaviours, fast ones (no 5 s startup deadline).
function makeClass(name: string, students: readonly string[]): string {
  const dir = join(scratch, name);
  for (const student of students) cpSync(join(fixtures, student), join(dir, student), { recursive: true });
  return dir;
}

const reportFiles = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.')).sort();

describe('--shard and grade merge', () => {
  it('gives each submission to exactly one shard, by id alone', () => {
    const ids = ['alice', 'bruno', 'chloé', 'david martin', 'emma', 'farid', 'gaëlle'];
    const shards = [1, 2, 3].map((index) => ids.filter((id) => inShard(id, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual([...ids].sort());
    // Adding a student moves nobody else.
    const withNewcomer = [1, 2, 3].map((index) => [...ids, 'zoé'].filter((id) => inShard(id, { index, count: 3 })).filter((id) => id !== 'zoé'));
    expect(withNewcomer).toEqual(shards);
    expect(() => parseShard('4/3')).toThrow(/--shard 4\/3/);
  });

  it('sharded runs merged give exactly the reports of one unsharded run', async () => {
    const students = ['correct', 'wrong-reply', 'no-reuseaddr', 'wrong-port', 'silent', 'exits-after-one', 'forges-markdown'];
    const classDir = makeClass('class', students);
    const whole = join(scratch, 'whole');
    expect((await run([classDir, '--out', whole, '--sandbox', 'off'])).exitCode).toBe(0);
    const shardDirs = [1, 2, 3].map((index) => join(scratch, `shard-${index}`));
    for (const [i, out] of shardDirs.entries()) {
      expect((await run([classDir, '--shard', `${i + 1}/3`, '--out', out, '--sandbox', 'off'])).exitCode).toBe(0);
    }
    const merged = join(scratch, 'merged');
    const merge = await run(['merge', ...shardDirs, '--out', merged]);
    expect(merge.exitCode).toBe(0);

    expect(reportFiles(merged)).toEqual(reportFiles(whole));
    // The class-wide files are byte-identical; a student's report quotes what the program printed,
    // including the probes' client ports, which the kernel picks anew on every run.
    const clientPorts = (text: string) => text.replace(/\('127\.0\.0\.1', \d+\)/g, "('127.0.0.1', <port>)");
    for (const file of reportFiles(whole)) {
      const [expected, actual] = [whole, merged].map((dir) => readFileSync(join(dir, file), 'utf8'));
      if (file === 'summary.md' || file === 'results.json') expect(actual, file).toBe(expected);
      else expect(clientPorts(actual!), file).toBe(clientPorts(expected!));
    }
  });

  it('refuses to merge a folder that is not a grading output, with one sentence', async () => {
    const { exitCode, stderr } = await run(['merge', scratch, '--out', join(scratch, 'nowhere')]);
    expect(exitCode).toBe(2);
    expect(stderr.trim()).toMatch(/^grade: .* holds no grading state \(\.grade\/run\.json\): give "grade merge" the --out folders/);
  });
});

describe('--changed-only', () => {
  it('re-runs only the submissions that changed, and launches no program for the others', async () => {
    const classDir = join(scratch, 'cached-class');
    const launches = join(scratch, 'launches.log');
    // Each student's program notes every launch in a file of the test's (plain mode lets it write there).
    for (const student of ['ana', 'ben']) {
      const source = readFileSync(join(fixtures, 'correct', 'simpleUDPServeur.py'), 'utf8').replace(
        'import socket\n',
        `import socket\nopen(${JSON.stringify(launches)}, "a").write(${JSON.stringify(`${student}\n`)})\n`,
      );
      cpSync(join(fixtures, 'correct'), join(classDir, student), { recursive: true });
      writeFileSync(join(classDir, student, 'simpleUDPServeur.py'), source);
    }
    const out = join(scratch, 'cached-out');
    const grade = () => run([classDir, '--out', out, '--changed-only', '--sandbox', 'off']);
    const launched = () => (existsSync(launches) ? readFileSync(launches, 'utf8').trim().split('\n').sort() : []);

    expect((await grade()).exitCode).toBe(0);
    expect(launched()).toEqual(['ana', 'ana', 'ben', 'ben']); // first run and restart, each

    const again = await grade();
    expect(launched()).toEqual(['ana', 'ana', 'ben', 'ben']);
    expect(again.stderr).toContain('ana (unchanged, result reused)');
    expect(readFileSync(join(out, 'ana.md'), 'utf8')).toMatch(/Result reused from the grading of \d{4}-\d\d-\d\dT/);

    // Ben pushes a change: only Ben runs again.
    writeFileSync(join(classDir, 'ben', 'notes.txt'), 'fixed the reply\n');
    await grade();
    expect(launched()).toEqual(['ana', 'ana', 'ben', 'ben', 'ben', 'ben']);
  });
});
