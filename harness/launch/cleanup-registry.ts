import { rmSync, rmdirSync } from 'node:fs';
import { killTree } from './signal-process.js';

// Every process group the harness started and has not seen exit, so a harness that is itself stopped
// (Ctrl+C, SIGTERM, a crash) can kill them all on its way out; and every folder it made for them.
const liveGroups = new Set<number>();

export function trackGroup(pid: number): void {
  killTrackedOnExit();
  liveGroups.add(pid);
}

export function untrackGroup(pid: number): void {
  liveGroups.delete(pid);
}

export function isTracked(pid: number): boolean {
  return liveGroups.has(pid);
}

// Kills every process group the harness started (students, sandbox slots): for a harness on its way out.
export function killAllStudentProcesses(): void {
  for (const pid of liveGroups) killTree(pid, 'SIGKILL');
}

// Whatever is tracked when this process exits goes with it, graded from the CLI or not: the processes, then the
// folders made for them (a spare slot nobody took, a run stopped by bad input). Installed by the first tracking.
let exitHookInstalled = false;

function killTrackedOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    killAllStudentProcesses();
    removeAllTrackedFolders();
  });
}

const liveFolders = new Set<string>();

export function trackFolder(path: string): void {
  killTrackedOnExit();
  liveFolders.add(path);
}

// Usually empty by then (the worker removes each copy): rmdir first, as Node loads and compiles its recursive
// removal (~4 ms, on the way out of a one-submission run) only when it is called.
export function removeTrackedFolder(path: string): void {
  liveFolders.delete(path);
  try {
    rmdirSync(path);
  } catch {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // A copy a dying program still writes to: the system's temporary folder keeps it.
    }
  }
}

export function removeAllTrackedFolders(): void {
  for (const path of liveFolders) removeTrackedFolder(path);
}
