import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pidCounters, pidsSince } from './pid-window.js';
import { killMarkedProcesses, markerVariable } from './run-marker.js';

const hasProc = existsSync('/proc/loadavg');

describe.runIf(hasProc)('pid windows', () => {
  it('hold the pids of processes started after the launch', async () => {
    const counters = pidCounters()!;
    const launch = spawn('sleep', ['0']);
    const later = spawn('sleep', ['0']);
    const range = pidsSince({ launchPid: launch.pid!, forksBefore: counters.forks, tasksBefore: counters.tasks });
    if (range === undefined) {
      // Only if the machine's pid counter went round meanwhile (pid_max can be as low as 32768).
      expect(lastPid()).toBeLessThan(launch.pid!);
    } else {
      expect(range.from).toBe(launch.pid);
      expect(range.to).toBeGreaterThanOrEqual(later.pid!);
    }
    await Promise.all([once(launch, 'exit'), once(later, 'exit')]);
  });

  it('give up (scan everything) when the counter has wrapped or may have', () => {
    const counters = pidCounters()!;
    // A launch pid above the last one handed out: the counter went round since.
    expect(pidsSince({ launchPid: 1 << 30, forksBefore: counters.forks, tasksBefore: counters.tasks })).toBeUndefined();
    // Enough forks since the launch for a whole turn.
    expect(pidsSince({ launchPid: 1, forksBefore: 0, tasksBefore: counters.tasks })).toBeUndefined();
  });

  // A window starting at the launch, and one starting well before it.
  it.each([0, 100])('let the marker scan find a process that left its group and its parent (window from %i pids before)', async (before) => {
    const marker = randomUUID();
    const counters = pidCounters()!;
    // The shell starts a daemon in a session of its own, prints its pid and exits.
    const launch = spawn('sh', ['-c', 'setsid sleep 30 </dev/null >/dev/null 2>&1 & echo $!'], {
      env: { ...process.env, [markerVariable]: marker },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let printed = '';
    launch.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await Promise.all([once(launch, 'exit'), once(launch.stdout, 'end')]);
    const daemon = Number(printed.trim());
    // Until it has exec'd sleep, its environment may read empty (mid-exec): wait for the daemon it becomes.
    const execDeadline = performance.now() + 5000;
    while (!commandOf(daemon).startsWith('sleep') && performance.now() < execDeadline) await delay(1);
    expect(isAlive(daemon)).toBe(true);
    killMarkedProcesses(marker, { launchPid: Math.max(1, launch.pid! - before), forksBefore: counters.forks, tasksBefore: counters.tasks });
    // The signal is sent; the daemon dies when next scheduled (then a zombie until its new parent reaps it).
    const deadline = performance.now() + 5000;
    while (isAlive(daemon) && performance.now() < deadline) await delay(1);
    expect(isAlive(daemon)).toBe(false);
  });
});

function lastPid(): number {
  return Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
