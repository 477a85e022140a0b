import { readFileSync } from 'node:fs';
import { processIds } from './proc-pids.js';
import { setTimeout as delay } from 'node:timers/promises';
import { processTree } from './proc-sockets.js';
import { signalProcess } from './signal-process.js';
import { now } from '../clock.js';

// The processes running as one uid, from /proc (each status file's real uid). A slot sees only its own pid
// namespace: a handful of entries.
function processesOfUid(uid: number, except?: ReadonlySet<number>): number[] {
  const found: number[] = [];
  for (const pid of processIds()) {
    if (except?.has(pid)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const realUid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
    if (realUid !== undefined && Number(realUid) === uid) found.push(pid);
  }
  return found;
}

const pollMs = 2;

// A program running as a uid of its own (a slot's, sandboxed as root) ends when no process of that uid is
// left: what it started and left behind (a setsid() daemon, a fork storm) is killed here, and waited for,
// since dying processes still count against the uid's RLIMIT_NPROC and the next program run as that uid
// (a restart, the slot's next submission) could not even start. Ends when none is left, or at the deadline.
// `others`: processes of other live launches of that uid (a held restart), which are left alone.
export async function endProcessesOfUid(uid: number, deadlineMs: number, others?: () => ReadonlySet<number>): Promise<void> {
  const started = now();
  for (;;) {
    const left = processesOfUid(uid, others?.());
    if (left.length === 0 || now() - started >= deadlineMs) return;
    for (const pid of left) signalProcess(pid, 'SIGKILL');
    await delay(pollMs);
  }
}

// Sandboxed as root, every launch of a slot runs its program as the slot's uid, and a restart started
// ahead (programs/shared/restart.ts) shares it with the run before it: its processes are not leftovers
// of that run, to wait for when it ends. Launches of a uid, by the pid the harness started.
const launchesOfUid = new Map<number, number>();

export function noteLaunchOfUid(pid: number, uid: number): void {
  launchesOfUid.set(pid, uid);
}

export function forgetLaunchOfUid(pid: number): void {
  launchesOfUid.delete(pid);
}

// The processes of the other live launches of `uid`, the launch started as `pid` aside.
export function otherLaunchesOfUid(uid: number, pid: number): Set<number> {
  const pids = new Set<number>();
  for (const [root, launchUid] of launchesOfUid) if (launchUid === uid && root !== pid) for (const member of processTree(root)) pids.add(member);
  return pids;
}
