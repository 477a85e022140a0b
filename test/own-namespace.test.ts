import { execa } from 'execa';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxAvailable } from './helpers/sandbox.js';
import { processesUnder } from './helpers/tree.js';
import { waitUntil } from './helpers/wait.js';

// As root, ./grade starts the grader in a network and pid namespace of its own (harness/sandbox/own-namespace.ts): a
// lone submission is graded there by the grader itself, its programs confined as a slot's, with no slot worker.
const script = join(import.meta.dirname, '..', 'grade');
const fixtures = join(import.meta.dirname, 'fixtures');
const asRoot = process.getuid?.() === 0;

// Each run in a scratch folder of its own: its copies (TMPDIR), its reports, and a cache that knows no interpreter yet.
function scratchRun() {
  const scratch = mkdtempSync(join(tmpdir(), 'own-namespace-'));
  const workspaces = join(scratch, 'tmp');
  mkdirSync(workspaces);
  const env = { TMPDIR: workspaces, GRADER_CACHE_DIR: join(scratch, 'cache'), NO_COLOR: '1' };
  return { scratch, workspaces, out: join(scratch, 'reports'), env };
}

// What lists-processes printed: its uid, and the processes it could see (name and bundled file).
function seenBy(report: string): { uids: string[]; processes: string[] } {
  return {
    uids: [...report.matchAll(/^uid: (\d+)$/gm)].map(([, uid]) => uid!),
    processes: [...report.matchAll(/^process: \d+ (.+)$/gm)].map(([, seen]) => seen!),
  };
}

describe.skipIf(!sandboxAvailable || !asRoot)('./grade as root, sandboxed', () => {
  it('grades a lone submission in the grader own namespace, as slot 0 would, and a class in slots', async () => {
    const lone = scratchRun();
    const single = await execa(script, [join(fixtures, 'sandbox-view', 'lists-processes'), '--out', lone.out, '--lang', 'en'], { env: lone.env, reject: false });
    expect(single.exitCode).toBe(0);
    expect(single.stdout).toContain('Score: 20/20');
    const alone = seenBy(readFileSync(join(lone.out, 'lists-processes.md'), 'utf8'));
    // The first run and the restart: each as slot 0's uid, in a namespace that holds the grader itself and no worker.
    expect(alone.uids).toEqual(['2147418112', '2147418112']);
    expect(alone.processes).toContain('node cli.cjs');
    expect(alone.processes.filter((seen) => seen.includes('worker.cjs'))).toEqual([]);

    const pair = scratchRun();
    const classDir = join(pair.scratch, 'class');
    for (const name of ['a', 'b']) cpSync(join(fixtures, 'sandbox-view', 'lists-processes'), join(classDir, name), { recursive: true });
    const both = await execa(script, [classDir, '--out', pair.out, '--lang', 'en'], { env: pair.env, reject: false });
    expect(both.exitCode).toBe(0);
    const inSlot = seenBy(readFileSync(join(pair.out, 'a.md'), 'utf8'));
    expect(inSlot.processes).toContain('node worker.cjs');
    expect(inSlot.processes).not.toContain('node cli.cjs');
    expect(processesUnder(lone.workspaces)).toEqual([]);
    expect(processesUnder(pair.workspaces)).toEqual([]);
  });

  it('stays out of a namespace of its own with --sandbox off: the program runs beside this test', async () => {
    const run = scratchRun();
    const args = [join(fixtures, 'sandbox-view', 'lists-processes'), '--out', run.out, '--lang', 'en'];
    for (const off of [['--sandbox', 'off'], ['--sandbox=off']]) {
      const graded = await execa(script, [...args, ...off], { env: run.env, reject: false });
      expect(graded.exitCode).toBe(0);
      const report = readFileSync(join(run.out, 'lists-processes.md'), 'utf8');
      expect(seenBy(report).uids).toEqual(['0', '0']);
      expect(report).toMatch(new RegExp(`^process: ${process.pid} `, 'm'));
    }
  });

  it('leaves no folder behind when a lone submission is stopped by bad input', async () => {
    const run = scratchRun();
    const correct = join(fixtures, 'udp-server', 'correct');
    // A first run makes the interpreter known: the next one starts slot 0's launcher, and its folder, at its entry.
    const graded = await execa(script, [correct, '--out', run.out], { env: run.env, reject: false });
    expect(graded.exitCode).toBe(0);
    const bad = await execa(script, [correct, '--out', run.out, '--rubric', 'no-such-rubric'], { env: run.env, reject: false });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^grade: /);
    expect(readdirSync(run.workspaces)).toEqual([]);
  });

  it('keeps the grader exit code, and a lone hostile submission contained', async () => {
    const run = scratchRun();
    const failing = await execa(script, [join(fixtures, 'udp-server', 'wrong-reply'), '--out', run.out, '--fail-under', '20', '--lang', 'en'], {
      env: run.env,
      reject: false,
    });
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout).toContain('Score: 16/20');

    for (const [name, expected] of [
      ['sees-only-loopback', /^interfaces: lo$/m],
      ['writes-outside', /refused \/etc\/pwned/],
      ['forks-daemon', /Score: 20\/20/],
    ] as const) {
      const lone = scratchRun();
      const graded = await execa(script, [join(fixtures, 'hostile', name), '--out', lone.out, '--lang', 'en'], { env: lone.env, reject: false });
      expect(graded.exitCode).toBe(0);
      expect(`${graded.stdout}\n${readFileSync(join(lone.out, `${name}.md`), 'utf8')}`).toMatch(expected);
      expect(processesUnder(lone.workspaces)).toEqual([]);
    }
  });

  it('where bwrap cannot build the namespace, grades as before, once, and says why it is not sandboxed', async () => {
    const run = scratchRun();
    const bin = join(run.scratch, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'bwrap'), '#!/bin/sh\necho "bwrap: No permission to create new namespace" >&2\nexit 1\n');
    chmodSync(join(bin, 'bwrap'), 0o755);
    const graded = await execa(script, [join(fixtures, 'udp-server', 'correct'), '--out', run.out, '--lang', 'en'], {
      env: { ...run.env, PATH: `${bin}:${process.env.PATH}` },
      reject: false,
    });
    expect(graded.exitCode).toBe(0);
    expect(graded.stdout.match(/Score: 20\/20/g)).toHaveLength(1);
    expect(graded.stderr).toContain('Warning: no sandbox (bubblewrap cannot create namespaces here (bwrap: No permission to create new namespace)).');
  });

  it('Ctrl+C from a terminal reaches the grader in its namespace: exit 130, reports written, nothing left', async () => {
    const run = scratchRun();
    const grader = execa(script, [join(fixtures, 'udp-server', 'never-binds'), '--out', run.out, '--lang', 'en'], {
      env: run.env,
      reject: false,
      detached: true,
    });
    await waitUntil(() => processesUnder(run.workspaces).length > 0, 20_000, 'never-binds to be running');
    process.kill(-grader.pid!, 'SIGINT');
    const { exitCode } = await grader;
    expect(exitCode).toBe(130);
    expect(processesUnder(run.workspaces)).toEqual([]);
    const results = JSON.parse(readFileSync(join(run.out, 'results.json'), 'utf8'));
    expect(results.submissions.map((s: { id: string; fault: string | null }) => [s.id, s.fault])).toEqual([
      ['never-binds', 'interrupted before this submission was graded'],
    ]);
  });
});
