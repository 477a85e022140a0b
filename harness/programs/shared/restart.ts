import pTimeout from 'p-timeout';
import { type HeldProcess, type LaunchSpec, type StudentProcess, startStudentProcess } from '../../launch/student-process.js';

// A server's restart after Ctrl+C. Its interpreter was started alongside the first run (startHeldProcess)
// and is held before the student's code (launch/hold.ts): Python's start-up then no longer delays the
// restart. It is released only once the first run has exited, so the student's code meets the same
// immediate restart as a launch started then; a launch that is not held in time is killed and replaced by one.

// `deadlineMs`: how long a held launch may still take to reach its hold (the startup deadline).
export async function restartServer(held: HeldProcess | undefined, spec: LaunchSpec, deadlineMs: number, stop?: AbortSignal): Promise<StudentProcess> {
  if (held) {
    const inTime = await pTimeout(held.hold.held, { milliseconds: deadlineMs, fallback: () => false });
    if (inTime && held.hold.release()) return held;
    await held.kill();
  }
  return startStudentProcess(spec, stop);
}
