import { readFileSync } from 'node:fs';
import { processIds } from './proc-pids.js';
import { type PidWindow, pidsSince } from './pid-window.js';

// Unsandboxed, a program can leave its process group and its parent (setsid, double fork). What it
// rarely thinks of shedding is its environment: each launch carries a marker, and whatever still
// carries it when the launch ends is killed. (Sandboxed runs need none of this: the pid namespace goes.)
export const markerVariable = 'GRADER_RUN_MARKER';

// The length of a marker: what a launcher starts with, for each program it forks to write its own over it.
export const blankMarker = '0'.repeat(36);

// A launch's marker: unique, not secret (the program reads its own; any process of the same user can read its
// environment). Math.random is seeded from the system's entropy in each process: two launches never draw the same 36
// base-36 digits. Not crypto.randomUUID: node:crypto costs ~2.5 ms of the CLI's start.
export function newMarker(): string {
  let marker = '';
  while (marker.length < blankMarker.length) marker += Math.random().toString(36).slice(2, 11);
  return marker.slice(0, blankMarker.length);
}

// `since`: the launch the marker went to. Only processes started after it can carry the marker, so only
// their pids are read (a dozen environ files instead of every process's, ~1 ms less per exit), unless the
// pid counter may have wrapped since. Without it, every process is read.
export function killMarkedProcesses(marker: string, since?: PidWindow): void {
  const needle = Buffer.from(`${markerVariable}=${marker}\0`);
  for (const pid of candidatePids(since)) {
    if (pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`).includes(needle)) process.kill(pid, 'SIGKILL');
    } catch {
      // Gone, or not ours to read: not one of our programs.
    }
  }
}

function candidatePids(since: PidWindow | undefined): number[] {
  const range = since && pidsSince(since);
  // No /proc (macOS): no pids, and the process group kill is all there is.
  const pids = processIds();
  return range ? pids.filter((pid) => pid >= range.from && pid <= range.to) : pids;
}
