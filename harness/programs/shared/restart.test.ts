import { describe, expect, it } from 'vitest';
import { pythonHookDir } from '../../paths.js';
import { type LaunchSpec, startHeldProcess } from '../../launch/student-process.js';
import { restartServer } from './restart.js';

function pythonLaunch(...args: string[]): LaunchSpec {
  return {
    argv: ['python3', ...args],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: pythonHookDir, PYTHONDONTWRITEBYTECODE: '1' },
    confinement: { kind: 'plain' },
  };
}

const restarted = pythonLaunch('-c', 'print("restarted")');

describe('restartServer', () => {
  it('releases the launch started ahead when it is held', async () => {
    await using held = await startHeldProcess(restarted);
    await using again = await restartServer(held, restarted, 5000);
    expect(again.pid).toBe(held.pid);
    await again.exited;
    expect(again.stdout.snapshot().head.toString()).toBe('restarted\n');
  });

  // Without the hook (-E ignores PYTHONPATH) the early launch is never held: it is killed and replaced.
  it.each([
    ['ends before it is held', pythonLaunch('-E', '-c', 'pass'), 5000],
    ['is not held by the deadline', pythonLaunch('-E', '-c', 'import time; time.sleep(60)'), 200],
  ])('starts a fresh launch when the early one %s', async (_case, early, deadlineMs) => {
    await using held = await startHeldProcess(early);
    await using again = await restartServer(held, restarted, deadlineMs);
    expect(again.pid).not.toBe(held?.pid);
    expect(held.exitStatus()).toBeDefined();
    await again.exited;
    expect(again.stdout.snapshot().head.toString()).toBe('restarted\n');
  });

  it('starts a fresh launch when none was started ahead', async () => {
    await using again = await restartServer(undefined, restarted, 5000);
    await again.exited;
    expect(again.stdout.snapshot().head.toString()).toBe('restarted\n');
  });
});
