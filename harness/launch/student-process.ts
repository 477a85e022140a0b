import type { Duplex } from 'node:stream';
import { finished } from 'node:stream/promises';
import pTimeout from 'p-timeout';
import type { ProgramLauncher } from '../sandbox/launcher.js';
import { CapturedOutput } from './captured-output.js';
import { isTracked, trackGroup, untrackGroup } from './cleanup-registry.js';
import { processTreeByDepth } from './proc-sockets.js';
import { pidCounters, type PidWindow } from './pid-window.js';
import { hasEnded } from './proc-pids.js';
import { killMarkedProcesses, markerVariable, newMarker } from './run-marker.js';
import { endProcessesOfUid, forgetLaunchOfUid, noteLaunchOfUid, otherLaunchesOfUid } from './uid-processes.js';
import { type Hold, holdChannel, holdDescriptor, holdVariable } from './hold.js';
import { killTree, signalName, signalProcess } from './signal-process.js';
import { type ExitStatus, spawnChild, type StartedChild } from './started-child.js';

export type { ExitStatus } from './started-child.js';

export interface LaunchSpec {
  readonly argv: readonly [string, ...string[]];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly confinement: LaunchConfinement;
}

// What stands between the harness and the program, which says where the program is and how all it started ends.
// - plain: the launched process is the program, spawned here or by a launcher of the run's (sandbox/launcher.ts);
//   what escapes its group is found by the run's marker.
// - pid-namespace: bwrap, then its pid-namespace init, then the program; killing the init ends everything.
// - uid: the slot's launcher starts the program itself (sandbox/launcher.ts), as a uid of its own: whatever
//   it leaves is any other process of that uid.
export type LaunchConfinement =
  | { readonly kind: 'plain'; readonly launcher?: ProgramLauncher }
  | { readonly kind: 'pid-namespace' }
  | { readonly kind: 'uid'; readonly uid: number; readonly launcher: ProgramLauncher };

export const plainLaunch: LaunchConfinement = { kind: 'plain' };

// A running student program. Disposing it kills its whole process group, whatever state it is in.
export interface StudentProcess extends AsyncDisposable {
  readonly pid: number;
  readonly stdout: CapturedOutput;
  readonly stderr: CapturedOutput;
  // Resolves when the main process has exited and its output is read (within a bound); never rejects.
  readonly exited: Promise<ExitStatus>;
  // Resolves as soon as the main process is gone, before its output is drained: what a grace period times.
  readonly processGone: Promise<void>;
  exitStatus(): ExitStatus | undefined;
  // Ctrl+C as a terminal delivers it: SIGINT to every process of the foreground group.
  interrupt(): void;
  // The program's own processes (not the sandbox's wrappers).
  programPids(): number[];
  kill(): Promise<ExitStatus>;
}

// A program started held (see launch/hold.ts): it runs only once released.
export interface HeldProcess extends StudentProcess {
  readonly hold: Hold;
}

const drainDeadlineMs = 1000;

// `stop`: when it fires, the program is killed at once (every wait on it then ends on its exit).
export function startStudentProcess(spec: LaunchSpec, stop?: AbortSignal): Promise<StudentProcess> {
  return launch(spec, stop, false);
}

// Only for a launch whose interpreter loads the hook (a Python program): anything else would run at once.
export function startHeldProcess(spec: LaunchSpec, stop?: AbortSignal): Promise<HeldProcess> {
  return launch(spec, stop, true);
}

function launch(spec: LaunchSpec, stop: AbortSignal | undefined, held: false): Promise<StudentProcess>;
function launch(spec: LaunchSpec, stop: AbortSignal | undefined, held: true): Promise<HeldProcess>;
async function launch(spec: LaunchSpec, stop: AbortSignal | undefined, held: boolean): Promise<StudentProcess | HeldProcess> {
  const marker = newMarker();
  const { confinement } = spec;
  // The program's depth in the tree the harness started.
  const wrappers = confinement.kind === 'pid-namespace' ? 2 : 0;
  // Unconfined, where the pid counter stood: the marker scan at the end then reads only newer pids.
  const counters = confinement.kind === 'plain' ? pidCounters() : undefined;
  const env = { ...spec.env, [markerVariable]: marker, ...(held ? { [holdVariable]: String(holdDescriptor) } : {}) };
  const request = { argv: spec.argv, cwd: spec.cwd, env, held };
  const launcher = confinement.kind === 'pid-namespace' ? undefined : confinement.launcher;
  const child: StartedChild = launcher ? await launcher.start(request) : spawnChild(request);
  const { pid } = child;
  trackGroup(pid);
  const pidWindow: PidWindow | undefined = counters && { launchPid: pid, forksBefore: counters.forks, tasksBefore: counters.tasks };
  const channel: Duplex | undefined = child.hold;
  channel?.on('error', () => undefined);
  if (confinement.kind === 'uid') noteLaunchOfUid(pid, confinement.uid);

  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk)).resume();
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk)).resume();

  let status: ExitStatus | undefined;
  const processGone = child.exit.then(() => undefined);
  const exited = new Promise<ExitStatus>((resolve) => {
    void child.exit.then(({ code, signal }) => {
      // Whatever the main process left in its group goes with it; those processes may hold the pipes open.
      signalProcess(-pid, 'SIGKILL');
      if (confinement.kind === 'plain') killMarkedProcesses(marker, pidWindow);
      untrackGroup(pid);
      forgetLaunchOfUid(pid);
      channel?.destroy();
      // Output written before the exit may still sit in the pipes: read it to the end, within a bound.
      const drained = Promise.all([
        ...[child.stdout, child.stderr].map((stream) => finished(stream)),
        confinement.kind === 'uid' ? endProcessesOfUid(confinement.uid, drainDeadlineMs, () => otherLaunchesOfUid(confinement.uid, pid)) : undefined,
      ]);
      void pTimeout(drained, { milliseconds: drainDeadlineMs })
        .catch(() => undefined)
        .then(() => {
          status = confinement.kind === 'pid-namespace' ? unwrapStatus(code, signal) : { code, signal };
          resolve(status);
        });
    });
  });

  // After the exit the pid may belong to someone else: never signal it again.
  const kill = async (): Promise<ExitStatus> => {
    if (!status && isTracked(pid)) {
      // Killing the pid-namespace init kills every process in the sandbox, setsid() daemons included.
      if (confinement.kind === 'pid-namespace') for (const init of pidsAtDepth(pid, 1)) signalProcess(init, 'SIGKILL');
      killTree(pid, 'SIGKILL');
      if (confinement.kind === 'plain') killMarkedProcesses(marker, pidWindow);
    }
    return exited;
  };

  const onStop = () => void kill();
  stop?.addEventListener('abort', onStop, { once: true });
  void exited.then(() => stop?.removeEventListener('abort', onStop));
  if (stop?.aborted) void kill();

  const program: StudentProcess = {
    pid,
    stdout,
    stderr,
    exited,
    processGone,
    exitStatus: () => status,
    interrupt: () => {
      if (!isTracked(pid)) return;
      // Unsandboxed, the program leads its group, as a terminal's foreground job. Sandboxed, only the program
      // gets it: not bwrap's wrappers (bwrap would die and take the program with it before its handler runs),
      // nor the program's children: hundreds of them printing tracebacks at once would starve the program's
      // own handler on a loaded machine, and they end with the sandbox anyway.
      if (confinement.kind === 'plain') signalProcess(-pid, 'SIGINT');
      else for (const program of pidsAtDepth(pid, wrappers)) signalProcess(program, 'SIGINT');
    },
    // None once it has ended, though its exit may not be known here yet (a slot's launcher reports it).
    programPids: () => (isTracked(pid) && !hasEnded(pid) ? pidsAtDepth(pid, wrappers, Infinity) : []),
    kill,
    [Symbol.asyncDispose]: async () => {
      await kill();
    },
  };
  if (!channel) return program;
  const hold = holdChannel(channel);
  channel.resume(); // A launcher's socket comes paused (./started-child.ts).
  return { ...program, hold };
}

function pidsAtDepth(root: number, from: number, to = from): number[] {
  return processTreeByDepth(root)
    .filter(({ depth }) => depth >= from && depth <= to)
    .map(({ pid }) => pid);
}

// bwrap reports a program killed by signal N as exit code 128 + N: shown the same as unsandboxed.
function unwrapStatus(code: number | null, signal: NodeJS.Signals | null): ExitStatus {
  if (code !== null && code > 128 && code <= 128 + 64) {
    const name = signalName(code - 128);
    if (name) return { code: null, signal: name };
  }
  return { code, signal };
}
