import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath as cli } from './helpers/cli.js';
import { sandboxAvailable } from './helpers/sandbox.js';

// A submission waiting on a deadline leaves its core idle: others are graded beside it meanwhile.
const fixtures = join(import.meta.dirname, 'fixtures', 'udp-server');

// Two servers that ignore Ctrl+C (each costs the 2 s of grace before SIGKILL), first in the class's order,
// then four correct ones; one job per core of a 2-core machine.
function classWithWaitingServers(): string {
  const folder = mkdtempSync(join(tmpdir(), 'waiting-class-'));
  for (const name of ['a-slow-1', 'a-slow-2']) cpSync(join(fixtures, 'ignores-ctrl-c'), join(folder, name), { recursive: true });
  for (const name of ['c-1', 'c-2', 'c-3', 'c-4']) cpSync(join(fixtures, 'correct'), join(folder, name), { recursive: true });
  return folder;
}

// The order in which the results arrived (the progress lines: "[ 1/6] ✅ 20/20  c-1"), and the scores.
async function gradeClass(sandbox: 'on' | 'off') {
  const out = mkdtempSync(join(tmpdir(), 'waiting-out-'));
  const { exitCode, stderr } = await execa('node', [cli, classWithWaitingServers(), '--jobs', '2', '--sandbox', sandbox, '--lang', 'en', '--out', out], {
    reject: false,
  });
  const arrived = [...stderr.matchAll(/^\[\s*\d+\/6\] \S+ +\d+\/20 +(\S+)$/gmu)].map((match) => match[1]);
  const scores = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).submissions.map((result: { id: string; score: number }) => [result.id, result.score]);
  return { exitCode, arrived, scores };
}

async function expectGradedWhileTheyWait(sandbox: 'on' | 'off') {
  const { exitCode, arrived, scores } = await gradeClass(sandbox);
  expect(exitCode).toBe(0);
  expect(arrived).toHaveLength(6);
  expect(arrived.slice(0, 4).sort()).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
  expect(arrived.slice(4).sort()).toEqual(['a-slow-1', 'a-slow-2']);
  expect(scores).toEqual([['a-slow-1', 18], ['a-slow-2', 18], ['c-1', 20], ['c-2', 20], ['c-3', 20], ['c-4', 20]]);
}

describe('submissions waiting on a deadline', () => {
  it('unsandboxed, the others are graded while they wait', () => expectGradedWhileTheyWait('off'));
  it.skipIf(!sandboxAvailable)('sandboxed, the others are graded while they wait, on slots booted for them', () => expectGradedWhileTheyWait('on'));
});
