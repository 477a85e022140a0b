import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import pTimeout from 'p-timeout';
import { HarnessFault } from '../harness-fault.js';
import type { ChildRequest, ExitStatus, StartedChild } from '../launch/started-child.js';
import { interpreterEnvironment } from '../launch/interpreter-environment.js';
import { lineEvents } from '../launch/line-events.js';
import { blankMarker, markerVariable } from '../launch/run-marker.js';
import { signalName, signalProcess } from '../launch/signal-process.js';
import { packageRoot } from '../paths.js';
import { type Limits, rlimits } from './limits.js';

// A run's programs are started by one Python process (./launcher.py), for a slot's whole life (sandboxed as root:
// it lives in the slot's namespace and gives each program the slot's uid) or for the whole run (unsandboxed):
// it forks, takes the limits, and runs a Python program in that fork of its own interpreter, already started
// (any other program is exec'd). The programs' descriptors (output, hold channel) are unix sockets the launcher
// connects to this process's server, in a folder only its owner may enter, each announced by a line naming its launch.
export interface Launcher {
  // The launcher's pid, once it runs: its root is the namespace's (the slot's /tmp is read through it).
  readonly pid: Promise<number>;
  // Once its namespaces are built: sandboxed, as bwrap says it built them, ~20 ms before the interpreter has started
  // and given its pid; unsandboxed, with its pid. Rejected as `pid` is where bwrap could not build them.
  readonly entered: Promise<void>;
  start(program: ChildRequest, limits: Limits): Promise<StartedChild>;
  // Ends the launcher (its programs are their launches' to end) and its server, at once.
  close(): Promise<void>;
}

// A launcher as a run's launches use it: every program under the run's limits.
export interface ProgramLauncher {
  readonly pid: Promise<number>;
  start(program: ChildRequest): Promise<StartedChild>;
}

export function underLimits(launcher: Launcher, limits: Limits): ProgramLauncher {
  return { pid: launcher.pid, start: (program) => launcher.start(program, limits) };
}

const launcherStartMs = 10_000;
// How long a launcher that did not start (killed by then) may take to close its streams, for its last words.
const lastWordsMs = 1000;
const headerMaxBytes = 32;
const launcherSource = join(packageRoot, 'harness', 'sandbox', 'launcher.py');

// `enter`: the command that builds the namespace and runs what follows it inside (bwrap's mounts, then --), or
// nothing. `uid`: the programs', none unsandboxed. `folder`: this process's own, where its server listens (created 0700).
export function openLauncher(enter: readonly string[], python: string, uid: number | undefined, folder: string): Launcher {
  mkdirSync(folder, { mode: 0o700 });
  const address = join(folder, 'launcher.sock');
  const launches: Launches = { live: new Map() };
  const server = createServer((socket) =>
    announced(socket, (id, descriptor) => {
      const launch = launches.live.get(id);
      if (launch) launch.attach(descriptor, socket);
      else socket.destroy();
    }),
  );
  server.unref();
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new HarnessFault(`could not listen at ${address} for the programs' launcher: ${error.message}`)));
    server.listen(address, resolve);
  });
  // Spawned at once (the server is bound by now; the launcher connects to it only for a launch): its interpreter's
  // start (~20 ms) is the longest wait before the first program.
  const launcher = [python, '-c', readFileSync(launcherSource, 'utf8'), uid === undefined ? '-' : String(uid), address];
  // `enter` ends with bwrap's "--": before it, bwrap is asked to say on descriptor 3 once it built the namespaces.
  const sandboxed = enter.length > 0;
  const argv = sandboxed ? [...enter.slice(0, -1), '--info-fd', '3', '--', ...launcher] : launcher;
  // No home: a user site-packages folder there would be on every program's sys.path. Unsandboxed, what a program
  // leaves is found by its marker, which a forked program inherits blank (./launcher.py).
  const env = { ...interpreterEnvironment('/nonexistent'), ...(uid === undefined ? { [markerVariable]: blankMarker } : {}) };
  // detached: a session of its own, where a terminal's Ctrl+C (to the grader's whole group) does not reach it; the
  // grader ends its programs, and the launcher at the end of the run (./launcher.py also ends with its stdin, should the
  // grader die).
  const spawned = spawn(argv[0]!, argv.slice(1), { stdio: sandboxed ? ['pipe', 'pipe', 'pipe', 'pipe'] : 'pipe', env, detached: true });
  const child = spawned as ChildProcessWithoutNullStreams;
  // bwrap closes it at once: never a reason to keep this process alive (nor to be held like the others: a closed
  // socket's ref() waits for a 'connect' that never comes, one more listener each time).
  const info = sandboxed ? (spawned.stdio[3] as Socket).unref() : undefined;
  child.on('error', () => undefined); // A failed spawn: its closed stdout answers (listen).
  // Idle, the launcher must not keep this process alive (a run that ends early, on bad input, exits as before);
  // it does from a launch's request to its program's exit.
  const holdTheLoop = (hold: boolean) => {
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as (Socket | typeof child)[]) {
      if (hold) handle.ref();
      else handle.unref();
    }
  };
  let uses = 0;
  const use = () => uses++ === 0 && holdTheLoop(true);
  const release = () => --uses === 0 && holdTheLoop(false);
  holdTheLoop(false);
  const pid = Promise.all([listening, listen(child, launches, server)]).then(([, pid]) => pid);
  pid.catch(() => undefined); // Seen by the launches; never an unhandled rejection.
  const entered = info ? bwrapEntered(info, pid) : pid.then(() => undefined);
  entered.catch(() => undefined);
  let nextId = 1;
  return {
    pid,
    entered,
    async start(program, limits) {
      use();
      const gone = await pid.then(
        () => launches.gone,
        (error: unknown) => error,
      );
      if (gone) {
        release();
        throw gone;
      }
      const launch = new Launch(program.held ? [1, 2, 3] : [1, 2]);
      const id = nextId++;
      launches.live.set(id, launch);
      // A program that dies at once (a fork starts in ~1 ms) may be reported gone before its descriptors are
      // accepted here: its launch is done only once both are in.
      void Promise.allSettled([launch.started, launch.exit]).then(() => {
        launches.live.delete(id);
        release();
      });
      const inPlace = program.argv[0] === python && program.argv.length > 1 && !program.argv[1]!.startsWith('-');
      child.stdin.write(encodeRequest(id, inPlace ? 'python' : 'exec', program, limits, launch.descriptors));
      return launch.started;
    },
    // Idle by then: each program it started has exited or was killed by its launch. On its stdin's end it would only
    // exit, its interpreter's finalization first; a SIGKILL ends it at once, sandboxed too (its bwrap's child dies with
    // it), and its exit is not waited for: ~1.5 ms of every run's end. Its pid cannot be another's: it is not reaped.
    async close() {
      server.close();
      child.kill('SIGKILL');
    },
  };
}

// bwrap writes its --info-fd (the pid of what it runs) once it built the namespaces, then closes it: closed without a
// word, bwrap failed, and `pid` says why (bwrap's own line).
function bwrapEntered(info: Readable, pid: Promise<number>): Promise<void> {
  return new Promise((resolve, reject) => {
    info.on('error', () => undefined);
    info.once('data', () => resolve());
    info.once('end', () => pid.then(() => resolve(), reject));
  });
}

// The launches under way, by id; and why no more can start, once the launcher is gone.
interface Launches {
  readonly live: Map<number, Launch>;
  gone?: HarnessFault;
}

// The launcher's pid, from its first line; then every answer routed to its launch. Once it ends (it never
// should), every program it started is killed and seen to exit, and every launch after fails.
async function listen(child: ChildProcessWithoutNullStreams, launches: Launches, server: Server): Promise<number> {
  child.stdin.on('error', () => undefined);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const lastWords = () => (stderr ? `: ${stderr.trim().split('\n').at(-1)}` : '');
  // All it wrote on stderr is read once its streams are closed: its stdout may end first.
  const streamsClosed = new Promise((resolve) => child.once('close', resolve));
  const lines = lineEvents(child.stdout);
  const firstLine = new Promise<string | undefined>((resolve) => {
    lines.once('line', resolve);
    lines.once('close', () => resolve(undefined));
  });
  const pid = Number(await pTimeout(firstLine, { milliseconds: launcherStartMs }).catch(() => undefined));
  if (!Number.isInteger(pid) || pid <= 0) {
    child.kill('SIGKILL');
    server.close();
    await pTimeout(streamsClosed, { milliseconds: lastWordsMs }).catch(() => undefined);
    throw new HarnessFault(`could not start the programs' launcher${lastWords()}`);
  }
  lines.on('line', (line) => {
    const [kind, id, ...rest] = line.split(' ');
    const launch = launches.live.get(Number(id));
    if (kind === 'started') launch?.began(Number(rest[0]));
    else if (kind === 'failed') launch?.failed(rest.join(' '));
    else if (kind === 'exit') launch?.ended(exitStatus(Number(rest[0]), Number(rest[1])));
  });
  lines.once('close', () => {
    server.close();
    launches.gone = new HarnessFault(`the programs' launcher stopped${lastWords()}`);
    for (const launch of launches.live.values()) launch.orphaned(launches.gone);
  });
  return pid;
}

// "<length>\n", then the fields joined by NUL (./launcher.py): nothing in an argv or environment can hold one.
function encodeRequest(id: number, mode: 'exec' | 'python', program: ChildRequest, limits: Limits, descriptors: readonly number[]): Buffer {
  const environment = Object.entries(program.env).map(([name, value]) => `${name}=${value}`);
  const limitsField = rlimits(limits).map(([name, value]) => `${name}=${value}`).join(',');
  const fields = [String(id), mode, program.cwd, limitsField, descriptors.join(','), String(program.argv.length), ...program.argv, ...environment];
  const payload = Buffer.from(fields.join('\0'));
  return Buffer.concat([Buffer.from(`${payload.length}\n`), payload]);
}

// The launcher says -1 for "none": an exit code, or the number of the signal that ended the program.
function exitStatus(code: number, signal: number): ExitStatus {
  return signal < 0 ? { code, signal: null } : { code: null, signal: signalName(signal) ?? null };
}

// Reads a connection's first line ("<launch> <descriptor>"), then hands it over paused, the rest unread.
function announced(socket: Socket, route: (id: number, descriptor: number) => void): void {
  socket.on('error', () => undefined);
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf(0x0a);
    if (end < 0) {
      if (head.length > headerMaxBytes) socket.destroy();
      return;
    }
    socket.off('data', onData);
    socket.pause();
    if (end + 1 < head.length) socket.unshift(head.subarray(end + 1));
    const [id, descriptor] = head.subarray(0, end).toString('latin1').split(' ').map(Number);
    route(id ?? 0, descriptor ?? 0);
  };
  socket.on('data', onData);
}

// One program's start: it is started once the launcher has said so and every descriptor has arrived.
class Launch {
  readonly started: Promise<StartedChild>;
  readonly exit: Promise<ExitStatus>;
  private readonly sockets = new Map<number, Socket>();
  private pid: number | undefined;
  private settle!: { resolve: (child: StartedChild) => void; reject: (error: Error) => void };
  private end!: (status: ExitStatus) => void;

  constructor(readonly descriptors: readonly number[]) {
    this.started = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.started.catch(() => undefined);
    this.exit = new Promise((resolve) => (this.end = resolve));
  }

  attach(descriptor: number, socket: Socket): void {
    if (!this.descriptors.includes(descriptor) || this.sockets.has(descriptor)) return void socket.destroy();
    this.sockets.set(descriptor, socket);
    this.complete();
  }

  began(pid: number): void {
    this.pid = pid;
    this.complete();
  }

  failed(message: string): void {
    for (const socket of this.sockets.values()) socket.destroy();
    this.settle.reject(new HarnessFault(`could not start the program: ${message}`));
    this.end({ code: null, signal: null });
  }

  ended(status: ExitStatus): void {
    this.end(status);
  }

  // The launcher is gone: its programs are ended here, and seen to exit.
  orphaned(why: HarnessFault): void {
    if (this.pid !== undefined) signalProcess(-this.pid, 'SIGKILL');
    // Without its pid (the launcher died before it could say it started), the program still sees its descriptors
    // close: held, it then ends before its code runs.
    for (const socket of this.sockets.values()) socket.destroy();
    this.settle.reject(why);
    this.end({ code: null, signal: 'SIGKILL' });
  }

  private complete(): void {
    if (this.pid === undefined || this.sockets.size < this.descriptors.length) return;
    const [stdout, stderr, hold] = this.descriptors.map((descriptor) => this.sockets.get(descriptor)!);
    this.settle.resolve({ pid: this.pid, stdout: stdout!, stderr: stderr!, ...(hold ? { hold } : {}), exit: this.exit });
  }
}
