import { readFileSync } from 'node:fs';
import { processIds } from './proc-pids.js';
import { type PidWindow, pidsSince } from './pid-window.js';

// Unsandboxed, a program can leave its process group and its parent (setsid, double fork). What it
// rarely thinks of shedding is its environment: each launch carries a marker, and whatever still
// carries it when the launch ends is killed. (Sandboxed runs need none of this: the pid namespace goes.)
export const markerVariable = 'GRADER_RUN_MARKER';

// The length of a marker (a UUID, ./student-process.ts): what a launcher starts with, for each program it forks to write its own over it.
export const blankMarker = '0'.repeat(36);

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
