import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

// Unsandboxed, a program can leave its process group and its parent (setsid, double fork). What it
// rarely thinks of shedding is its environment: each launch carries a marker, and whatever still
// carries it when the launch ends is killed. (Sandboxed runs need none of this: the pid namespace goes.)
export const markerVariable = 'GRADER_RUN_MARKER';

export function newMarker(): string {
  return randomUUID();
}

export function killMarkedProcesses(marker: string): void {
  const needle = Buffer.from(`${markerVariable}=${marker}\0`);
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return; // No /proc (macOS): the process group kill is all there is.
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(needle)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // Gone, or not ours to read: not one of our programs.
    }
  }
}
