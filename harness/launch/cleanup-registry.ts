// Every process group the harness started and has not seen exit, so a harness that is itself stopped
// (Ctrl+C, SIGTERM, a crash) can kill them all on its way out.
const liveGroups = new Set<number>();

export function trackGroup(pid: number): void {
  liveGroups.add(pid);
}

export function untrackGroup(pid: number): void {
  liveGroups.delete(pid);
}

export function isTracked(pid: number): boolean {
  return liveGroups.has(pid);
}

export function killAllTracked(kill: (pid: number) => void): void {
  for (const pid of liveGroups) kill(pid);
}
