import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolchain } from '../launch/command.js';
import { resolvePython } from '../python/resolve.js';
import { loadRubric } from '../rubric/load.js';
import { probeSandbox } from '../sandbox/probe.js';
import { mountPlan } from '../sandbox/student-sandbox.js';
import { guessSlotLauncher } from './launcher-guess.js';
import { spawnSlotProcess } from './slot-process.js';

const correct = resolve('test/fixtures/udp-server/correct');
const out = resolve('reports');
const support = await probeSandbox();
// A slot has a launcher only as root (otherwise each launch is a bwrap of its own).
const sandboxedAsRoot = support.kind === 'bwrap' && support.asRoot;

describe('a slot booted ahead of need', () => {
  it('says it booted (the sandbox detection trial), or why not', async () => {
    const broken = spawnSlotProcess('false');
    expect(await broken.booted).toEqual({ ok: false, why: 'exit code 1' });
    await broken.kill();
  });

  describe.runIf(sandboxedAsRoot)('given a guess of its launcher', () => {
    // `guessedPaths`: the class folders the guess was made from (the setup hides the fixture's folder).
    it.each([
      ['the right one: grades with the launcher it started at its boot', [correct], ['.launcher-ahead']],
      ['a wrong one: ends it, and grades with one started for its setup', [resolve('elsewhere')], ['.launcher', '.launcher-ahead']],
    ])('%s', async (_, guessedPaths, launcherFolders) => {
      if (support.kind !== 'bwrap') throw new Error('unreachable');
      const python = await resolvePython('python3');
      const rubric = await loadRubric('udp-server');
      const slot = spawnSlotProcess(support.bwrap, guessSlotLauncher(support.bwrap, guessedPaths, out, python));
      try {
        expect(await slot.booted).toEqual({ ok: true });
        const sandbox = { support, limits: rubric.limits, ...mountPlan([correct], out, python.prefixes, 0) };
        expect(await slot.ask({ kind: 'setup', setup: { rubric, tools: toolchain(python), sandbox }, workspaces: slot.workspaces })).toEqual({ kind: 'ready' });
        const answer = await slot.ask({ kind: 'grade', submission: { id: 'correct', dir: correct } });
        expect(answer?.kind === 'result' && answer.result.score).toBe(rubric.checks.reduce((sum, check) => sum + check.points, 0));
        const folders = readdirSync(slot.workspaces).filter((name) => name.startsWith('.launcher'));
        expect(folders.sort()).toEqual(launcherFolders);
      } finally {
        await slot.kill();
      }
    });
  });
});
