import { readFileSync } from 'node:fs';

// Which pids can belong to processes started after a given launch, so an end-of-launch scan of /proc can
// skip the older ones. Linux hands out pids in increasing order and wraps to 300 at pid_max: until the
// counter wraps, every later process has a pid between the launch's and the last one handed out
// (ns_last_pid; root can also write it, but an unsandboxed program running as root escapes the marker
// scan more simply anyway, by clearing its environment).

export interface PidWindow {
  readonly launchPid: number;
  // Forks on the whole system (/proc/stat) and tasks alive (/proc/loadavg) just before the launch.
  readonly forksBefore: number;
  readonly tasksBefore: number;
}

// The counters to note just before spawning; undefined where /proc cannot tell (the caller scans all).
export function pidCounters(): { forks: number; tasks: number } | undefined {
  const forks = forkCount();
  const load = loadavg();
  return forks === undefined || load === undefined ? undefined : { forks, tasks: load.tasks };
}

// The pids to look at: [launchPid, last pid handed out], or undefined when the counter may have wrapped
// since the launch (then every pid must be looked at).
export function pidsSince(window: PidWindow): { from: number; to: number } | undefined {
  // This pid namespace's own counter: /proc/loadavg shows it too, but container tools (lxcfs) may rewrite that file.
  const lastPid = readNumber('/proc/sys/kernel/ns_last_pid');
  const forks = forkCount();
  const pidMax = readNumber('/proc/sys/kernel/pid_max');
  if (lastPid === undefined || forks === undefined || pidMax === undefined) return undefined;
  if (lastPid < window.launchPid) return undefined; // wrapped
  // A whole turn back past the launch pid needs each of the pid_max − 300 pids either handed out (a fork)
  // or skipped as taken (by a task alive at the launch, its group or session id, or one forked since).
  const forksSince = forks - window.forksBefore;
  if (2 * forksSince + 3 * window.tasksBefore >= pidMax - 300) return undefined;
  return { from: window.launchPid, to: lastPid };
}

// "0.20 1.26 1.64 2/350 30238": the tasks alive on the system (threads included), after the slash.
function loadavg(): { tasks: number } | undefined {
  const match = /\d+\/(\d+) \d+/.exec(readText('/proc/loadavg') ?? '');
  return match ? { tasks: Number(match[1]) } : undefined;
}

// Every fork and thread since boot (/proc/stat's "processes" line).
function forkCount(): number | undefined {
  const match = /^processes (\d+)$/m.exec(readText('/proc/stat') ?? '');
  return match ? Number(match[1]) : undefined;
}

function readNumber(file: string): number | undefined {
  const value = Number(readText(file));
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return undefined; // No /proc (macOS): callers fall back to scanning everything, or to nothing at all.
  }
}
