// The bare baseline of `npm run bench`: only the rubric's irreducible work for each submission, with
// the same parallelism as the harness. No sandbox, no private copy, no reports, no output capture:
// spawn the real Python binary with the port-map hook, poll /proc until its UDP socket is bound, the
// SO_REUSEADDR bind-probe, one datagram, three clients x two datagrams, Ctrl+C, wait for the exit,
// restart, poll until bound, one datagram, Ctrl+C, wait for the exit.
import { type ChildProcess, spawn, execFileSync } from 'node:child_process';
import { mapConcurrently } from '../harness/concurrency.js';
import { udpPortIsFree } from '../harness/launch/ports.js';
import { createSocket, type Socket } from 'node:dgram';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundSockets } from '../harness/launch/proc-sockets.js';

export const hookDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'harness', 'hooks', 'python');

export interface BaselineTimeouts {
  readonly startupMs: number;
  readonly replyMs: number;
  readonly interruptGraceMs: number;
}

export interface BaselineOptions {
  // The real interpreter (sys.executable), resolved once.
  readonly python: string;
  readonly jobs: number;
  readonly timeouts: BaselineTimeouts;
}

// Where one submission's time went, in ms (for the profile printed by the bench).
export interface SubmissionTiming {
  readonly spawnToBound: number;
  readonly probes: number;
  readonly interruptToExit: number;
  readonly restartToBound: number;
  readonly restartProbe: number;
  readonly restartInterruptToExit: number;
  readonly total: number;
  // Replies received out of the 1 + 6 + 1 expected: 8 for a correct server.
  readonly replies: number;
}

export interface BaselineRun {
  readonly wallMs: number;
  readonly submissions: readonly SubmissionTiming[];
}

// python3 → its real binary, once (a version shim would cost ~90 ms per launch otherwise).
export function resolvePythonExecutable(command = 'python3'): string {
  return execFileSync(command, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
}

// Grades nothing: runs the lab's story on each file, `jobs` at a time.
export async function runBaseline(files: readonly string[], options: BaselineOptions): Promise<BaselineRun> {
  const started = performance.now();
  const submissions = await mapConcurrently(files, options.jobs, (file) => runOne(file, options));
  return { wallMs: performance.now() - started, submissions };
}

// Ports for the baseline: below the ephemeral range and outside the harness's 20000-29999.
let nextPort = 30000;
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const port = nextPort;
    nextPort = nextPort >= 32700 ? 30000 : nextPort + 1;
    if (await udpPortIsFree(port)) return port;
  }
  throw new Error('baseline: no free UDP port in 30000-32700');
}


const live = new Set<ChildProcess>();
let stopped = false;

// For the bench's exit path: nothing the baseline started may outlive it, and nothing new starts.
export function killBaselineProcesses(): void {
  stopped = true;
  for (const child of live) child.kill('SIGKILL');
}

interface Launched {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  hasExited(): boolean;
}

function launch(file: string, python: string, port: number): Launched {
  if (stopped) throw new Error('baseline stopped');
  const child = spawn(python, [file], {
    cwd: dirname(file),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PYTHONPATH: hookDir, GRADER_PORT_MAP: `3000=${port}`, PYTHONUNBUFFERED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.stdout!.resume();
  child.stderr!.resume();
  let done = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true;
      live.delete(child);
      resolve();
    }),
  );
  return { child, exited, hasExited: () => done };
}

async function waitBound(launched: Launched, deadlineMs: number): Promise<{ address: string; family: 4 | 6; port: number } | undefined> {
  const started = performance.now();
  for (;;) {
    const socket = boundSockets(launched.child.pid!, ['udp', 'udp6']).find((s) => s.state === 0x07);
    if (socket) return { address: socket.address === '0.0.0.0' ? '127.0.0.1' : socket.address, family: socket.family, port: socket.port };
    if (launched.hasExited() || performance.now() - started >= deadlineMs) return undefined;
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 2)), launched.exited]);
  }
}

// Ctrl+C, then SIGKILL after the grace period; resolves on the exit.
async function interrupt(launched: Launched, graceMs: number): Promise<void> {
  if (launched.hasExited()) return;
  launched.child.kill('SIGINT');
  const timer = setTimeout(() => launched.child.kill('SIGKILL'), graceMs);
  await launched.exited;
  clearTimeout(timer);
}

function reuseAddrProbe(target: { address: string; family: 4 | 6; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: target.family === 6 ? 'udp6' : 'udp4', reuseAddr: true });
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(target.port, target.address, () => socket.close(() => resolve(true)));
  });
}

// `clients` sockets each send `perClient` datagrams, interleaved; ends on every reply or the deadline.
async function exchange(target: { address: string; family: 4 | 6; port: number }, clients: number, perClient: number, deadlineMs: number): Promise<number> {
  const sockets = await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<Socket>((resolve) => {
          const socket = createSocket(target.family === 6 ? 'udp6' : 'udp4');
          socket.on('error', () => undefined);
          socket.bind(0, target.family === 6 ? '::1' : '127.0.0.1', () => resolve(socket));
        }),
    ),
  );
  let received = 0;
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, deadlineMs);
      for (const socket of sockets) {
        socket.on('message', () => {
          if (++received === clients * perClient) {
            clearTimeout(timer);
            resolve();
          }
        });
      }
      for (let round = 0; round < perClient; round++) {
        for (const [i, socket] of sockets.entries()) socket.send(`client ${i}, datagram ${round}`, target.port, target.address);
      }
    });
  } finally {
    for (const socket of sockets) socket.close();
  }
  return received;
}

async function runOne(file: string, options: BaselineOptions): Promise<SubmissionTiming> {
  const { startupMs, replyMs, interruptGraceMs } = options.timeouts;
  const t0 = performance.now();
  const port = await freePort();
  let replies = 0;
  const first = launch(file, options.python, port);
  let t1 = t0, t2 = t0, t3 = t0, t4 = t0, t5 = t0, t6 = t0;
  try {
    const target = await waitBound(first, startupMs);
    t1 = performance.now();
    if (target) {
      await reuseAddrProbe(target);
      replies += await exchange(target, 1, 1, replyMs);
      replies += await exchange(target, 3, 2, replyMs);
    }
    t2 = performance.now();
    await interrupt(first, interruptGraceMs);
    t3 = performance.now();
    if (target) {
      const again = launch(file, options.python, port);
      try {
        const restarted = await waitBound(again, startupMs);
        t4 = performance.now();
        if (restarted) replies += await exchange(restarted, 1, 1, replyMs);
        t5 = performance.now();
        await interrupt(again, interruptGraceMs);
        t6 = performance.now();
      } finally {
        if (!again.hasExited()) again.child.kill('SIGKILL');
      }
    } else {
      t4 = t5 = t6 = t3;
    }
  } finally {
    if (!first.hasExited()) first.child.kill('SIGKILL');
  }
  return {
    spawnToBound: t1 - t0,
    probes: t2 - t1,
    interruptToExit: t3 - t2,
    restartToBound: t4 - t3,
    restartProbe: t5 - t4,
    restartInterruptToExit: t6 - t5,
    total: t6 - t0,
    replies,
  };
}
