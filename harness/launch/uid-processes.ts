import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

// The processes running as one uid, from /proc (each status file's real uid). Sandboxed, a slot sees only
// its own pid namespace: a handful of entries.
export function processesOfUid(uid: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${name}/status`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const realUid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
    if (realUid !== undefined && Number(realUid) === uid) found.push(Number(name));
  }
  return found;
}

const pollMs = 2;

// The kernel kills a pid namespace's processes when its init exits, but releases them a moment later;
// until then they still count against the uid's RLIMIT_NPROC, and the next program run as that uid (a
// restart, the slot's next submission) could not even start. Ends when none is left, or at the deadline.
export async function waitUntilUidIsFree(uid: number, deadlineMs: number): Promise<void> {
  const started = performance.now();
  while (processesOfUid(uid).length > 0 && performance.now() - started < deadlineMs) await delay(pollMs);
}
