import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { now } from '../clock.js';

// Syscalls in which a server waits for its next request: recvfrom, recvmsg, accept, accept4, poll, ppoll,
// select, pselect6, epoll_wait, epoll_pwait, epoll_pwait2, futex (a thread waiting on another).
const waitingSyscallsByArch: Partial<Record<NodeJS.Architecture, readonly number[]>> = {
  x64: [45, 47, 43, 288, 7, 271, 23, 270, 232, 281, 441, 202],
  arm64: [207, 212, 202, 242, 73, 72, 22, 441, 98],
};
const waitingSyscalls = new Set(waitingSyscallsByArch[process.arch] ?? []);

function isWaiting(pid: number): boolean {
  try {
    const first = readFileSync(`/proc/${pid}/syscall`, 'utf8').split(' ')[0];
    return first !== undefined && waitingSyscalls.has(Number(first));
  } catch {
    return true; // Gone, or not readable: nothing to wait for.
  }
}

// Waits (briefly) until the program sits in a blocking call, as it does when a person presses Ctrl+C
// at a terminal: its traceback then always shows the same line. Gives up at the deadline.
export async function waitUntilIdle(pids: () => readonly number[], deadlineMs: number): Promise<void> {
  if (waitingSyscalls.size === 0) return; // An architecture we have no table for: Ctrl+C at once, as before.
  const started = now();
  while (now() - started < deadlineMs) {
    if (pids().every(isWaiting)) return;
    await delay(1);
  }
}
