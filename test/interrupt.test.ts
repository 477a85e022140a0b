import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { processesUnder } from './helpers/tree.js';
import { waitUntil } from './helpers/wait.js';
import { cliPath as cli } from './helpers/cli.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'udp-server');

it('Ctrl+C on the grader kills every student process and still writes the reports', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'interrupt-'));
  const classDir = join(scratch, 'class');
  for (const name of ['correct', 'never-binds']) cpSync(join(fixtures, name), join(classDir, name), { recursive: true });
  const out = join(scratch, 'reports');
  const workspaces = join(scratch, 'tmp');
  mkdirSync(workspaces);
  const grader = execa('node', [cli, classDir, '--out', out, '--jobs', '1', '--lang', 'en'], {
    reject: false,
    env: { TMPDIR: workspaces },
  });
  let stderr = '';
  grader.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  // 'correct' is graded first (jobs 1, sorted ids); then 'never-binds' runs and waits for a bind that never comes.
  await waitUntil(() => stderr.includes('[1/2]'), 20_000, 'the first submission to be graded');
  await waitUntil(() => processesUnder(workspaces).length > 0, 20_000, 'never-binds to be running');
  grader.kill('SIGINT');
  const { exitCode } = await grader;

  expect(exitCode).toBe(130);
  expect(processesUnder(workspaces)).toEqual([]);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  expect(results.submissions.map((s: { id: string; score: number; fault: string | null }) => [s.id, s.score, s.fault])).toEqual([
    ['correct', 20, null],
    ['never-binds', 0, 'interrupted before this submission was graded'],
  ]);
});

it("Ctrl+C from a terminal (to the grader's whole process group), unsandboxed: the same, and the run ends", async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'interrupt-group-'));
  const classDir = join(scratch, 'class');
  for (const name of ['correct', 'never-binds']) cpSync(join(fixtures, name), join(classDir, name), { recursive: true });
  const out = join(scratch, 'reports');
  const workspaces = join(scratch, 'tmp');
  mkdirSync(workspaces);
  // detached: the grader leads a process group, as a shell's foreground job does; what it starts in it gets the signal too.
  const grader = execa('node', [cli, classDir, '--out', out, '--jobs', '1', '--lang', 'en', '--sandbox', 'off'], {
    reject: false,
    detached: true,
    env: { TMPDIR: workspaces },
  });
  let stderr = '';
  grader.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  await waitUntil(() => stderr.includes('[1/2]'), 20_000, 'the first submission to be graded');
  await waitUntil(() => processesUnder(workspaces).length > 0, 20_000, 'never-binds to be running');
  process.kill(-grader.pid!, 'SIGINT');
  const { exitCode } = await grader;

  expect(exitCode).toBe(130);
  expect(processesUnder(workspaces)).toEqual([]);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  expect(results.submissions.map((s: { id: string; score: number; fault: string | null }) => [s.id, s.score, s.fault])).toEqual([
    ['correct', 20, null],
    ['never-binds', 0, 'interrupted before this submission was graded'],
  ]);
});
