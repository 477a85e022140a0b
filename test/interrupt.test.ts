import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { processesUnder } from './helpers/tree.js';
import { waitUntil } from './helpers/wait.js';
import { cliPath as cli } from './helpers/cli.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'udp-server');

// The grader on a class of 'correct' and 'never-binds', once 'correct' is graded (jobs 1, sorted ids) and
// 'never-binds' runs, waiting for a bind that never comes. `detached`: the grader leads a process group, as a
// shell's foreground job does.
async function graderMidRun(args: string[], detached: boolean) {
  const scratch = mkdtempSync(join(tmpdir(), 'interrupt-'));
  const classDir = join(scratch, 'class');
  for (const name of ['correct', 'never-binds']) cpSync(join(fixtures, name), join(classDir, name), { recursive: true });
  const out = join(scratch, 'reports');
  const workspaces = join(scratch, 'tmp');
  mkdirSync(workspaces);
  const grader = execa('node', [cli, classDir, '--out', out, '--jobs', '1', '--lang', 'en', ...args], {
    reject: false,
    detached,
    env: { TMPDIR: workspaces },
  });
  let stderr = '';
  grader.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitUntil(() => stderr.includes('[1/2]'), 20_000, 'the first submission to be graded');
  await waitUntil(() => processesUnder(workspaces).length > 0, 20_000, 'never-binds to be running');
  return { grader, out, workspaces };
}

// Exit code 130, nothing left of the programs, and the reports of what was graded.
function expectInterruptedRun(exitCode: number | undefined, out: string, workspaces: string): void {
  expect(exitCode).toBe(130);
  expect(processesUnder(workspaces)).toEqual([]);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  expect(results.submissions.map((s: { id: string; score: number; fault: string | null }) => [s.id, s.score, s.fault])).toEqual([
    ['correct', 20, null],
    ['never-binds', 0, 'interrupted before this submission was graded'],
  ]);
}

it('Ctrl+C on the grader kills every student process and still writes the reports', async () => {
  const { grader, out, workspaces } = await graderMidRun([], false);
  grader.kill('SIGINT');
  expectInterruptedRun((await grader).exitCode, out, workspaces);
});

it("Ctrl+C from a terminal (to the grader's whole process group), unsandboxed: the same, and the run ends", async () => {
  const { grader, out, workspaces } = await graderMidRun(['--sandbox', 'off'], true);
  process.kill(-grader.pid!, 'SIGINT');
  expectInterruptedRun((await grader).exitCode, out, workspaces);
});
