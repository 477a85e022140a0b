import { execa } from 'execa';
import { finished } from 'node:stream/promises';
import pTimeout from 'p-timeout';
import { HarnessFault } from '../errors.js';
import { CapturedOutput } from './captured-output.js';
import { processTree } from './proc-sockets.js';

export interface LaunchSpec {
  readonly argv: readonly [string, ...string[]];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

// A running student program. Disposing it kills its whole process group, whatever state it is in.
export interface StudentProcess extends AsyncDisposable {
  readonly pid: number;
  readonly stdout: CapturedOutput;
  readonly stderr: CapturedOutput;
  // Resolves when the main process has exited; never rejects.
  readonly exited: Promise<ExitStatus>;
  exitStatus(): ExitStatus | undefined;
  // Ctrl+C as a terminal delivers it: SIGINT to every process of the foreground group.
  interrupt(): void;
  kill(): Promise<ExitStatus>;
}

const drainDeadlineMs = 1000;

// Every group still alive, so a harness that is itself stopped can kill them all on its way out.
const liveGroups = new Set<number>();

export function killAllStudentProcesses(): void {
  for (const pid of liveGroups) killTree(pid, 'SIGKILL');
}

export function startStudentProcess(spec: LaunchSpec): StudentProcess {
  const [file, ...args] = spec.argv;
  // detached: the program leads a new process group (and session), so one signal reaches all its processes.
  const subprocess = execa(file, args, {
    cwd: spec.cwd,
    env: spec.env,
    extendEnv: false,
    detached: true,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    cleanup: true,
  });
  const pid = subprocess.pid;
  if (pid === undefined) throw new HarnessFault(`could not start ${file}`);
  liveGroups.add(pid);

  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  subprocess.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  subprocess.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    subprocess.once('exit', (code, signal) => {
      // Whatever the main process left in its group goes with it; those processes may hold the pipes open.
      signalGroup(pid, 'SIGKILL');
      liveGroups.delete(pid);
      // Output written before the exit may still sit in the pipes: read it to the end, within a bound.
      const drained = Promise.all([subprocess.stdout, subprocess.stderr].map((stream) => stream && finished(stream)));
      void pTimeout(drained, { milliseconds: drainDeadlineMs })
        .catch(() => undefined)
        .then(() => {
          status = { code, signal };
          resolve(status);
        });
    });
  });

  // After the exit the pid may belong to someone else: never signal it again.
  const kill = async (): Promise<ExitStatus> => {
    if (!status && liveGroups.has(pid)) killTree(pid, 'SIGKILL');
    return exited;
  };

  return {
    pid,
    stdout,
    stderr,
    exited,
    exitStatus: () => status,
    interrupt: () => {
      if (liveGroups.has(pid)) signalGroup(pid, 'SIGINT');
    },
    kill,
    [Symbol.asyncDispose]: async () => {
      await kill();
    },
  };
}

// The group first, then any descendant that left it with setsid() but is still in the tree.
function killTree(pid: number, signal: NodeJS.Signals): void {
  const tree = processTree(pid);
  signalGroup(pid, signal);
  for (const member of tree) signalProcess(member, signal);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  signalProcess(-pid, signal);
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH): nothing to do.
  }
}
