import { describe, expect, it } from 'vitest';
import { pythonHookDir } from '../paths.js';
import { type LaunchSpec, startHeldProcess, startStudentProcess } from './student-process.js';

// A Python program run with the grader's hook, unsandboxed; `code` prints what the tests look for.
function pythonLaunch(code: string): LaunchSpec {
  return {
    argv: ['python3', '-c', code],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: pythonHookDir, PYTHONDONTWRITEBYTECODE: '1' },
    confinement: { kind: 'plain' },
  };
}

const printsEnvironment = 'import os, sys; print("ran", os.environ.get("GRADER_HOLD_FD"), sorted(os.listdir("/proc/self/fd")))';

describe('held launches', () => {
  it('run the program only once released, without the hold variable or descriptor', async () => {
    await using program = await startHeldProcess(pythonLaunch(printsEnvironment));
    expect(await program.hold.held).toBe(true);
    // The interpreter writes its "held" byte before it waits: nothing of the program has run.
    expect(program.stdout.totalBytes).toBe(0);
    expect(program.hold.release()).toBe(true);
    expect((await program.exited).code).toBe(0);
    // The same environment and descriptors as a launch started now.
    await using fresh = await startStudentProcess(pythonLaunch(printsEnvironment));
    await fresh.exited;
    expect(program.stdout.snapshot().head.toString()).toMatch(/^ran None /);
    expect(program.stdout.snapshot().head.toString()).toBe(fresh.stdout.snapshot().head.toString());
  });

  it('never run the program when killed while held', async () => {
    await using program = await startHeldProcess(pythonLaunch(printsEnvironment));
    expect(await program.hold.held).toBe(true);
    await program.kill();
    expect(program.stdout.totalBytes).toBe(0);
  });

  it('report a launch that ends before it is held, and release nothing', async () => {
    await using program = await startHeldProcess({ ...pythonLaunch(printsEnvironment), argv: ['python3', '-S', '-E', '-c', 'pass'] });
    expect(await program.hold.held).toBe(false);
    expect(program.hold.release()).toBe(false);
  });
});
