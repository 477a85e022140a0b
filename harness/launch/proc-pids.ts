import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { now } from '../clock.js';

// Every process this pid namespace shows in /proc (threads are not listed); none where there is no /proc (macOS).
export function processIds(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((entry) => /^\d+$/.test(entry)).map(Number);
}

// A process's children, from each of its threads' list; none once it is gone.
export function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const task of tasks) {
    try {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) children.push(...list.split(' ').map(Number));
    } catch {
      // The thread ended while we read: nothing to add.
    }
  }
  return children;
}

// Whether a process has ended: gone from /proc, or a zombie not reaped yet. Never where there is no /proc.
export function hasEnded(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return existsSync('/proc/self');
  }
  return /\) [ZX] /.test(stat);
}

const endPollMs = 2;

// Resolves once the process has ended, or at the deadline. Polled: Node has no event for a process that is not its child.
export async function waitUntilEnded(pid: number, deadlineMs: number): Promise<void> {
  const started = now();
  while (!hasEnded(pid) && now() - started < deadlineMs) await delay(endPollMs);
}
