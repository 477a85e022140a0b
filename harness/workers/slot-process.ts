import { spawn } from 'node:child_process';
import { extname } from 'node:path';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { removeTrackedFolder, trackGroup, untrackGroup } from '../launch/cleanup-registry.js';
import { lineEvents } from '../launch/line-events.js';
import { childrenOf, waitUntilEnded } from '../launch/proc-pids.js';
import { signalProcess } from '../launch/signal-process.js';
import { tsxLoaderUrl } from '../paths.js';
import type { TrialResult } from '../sandbox/probe.js';
import { guessedLauncherVariable } from '../sandbox/slot-launcher-command.js';
import { bootLine } from './boot-line.js';
import { makeSlotFolder } from './slot-folder.js';
import type { SlotLauncherGuess } from './launcher-guess.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { decodeLine, encodeLine } from './wire.js';

// One slot worker process: bwrap (its own network and pid namespace) → node worker.js. It needs nothing
// but bwrap's path to boot, so it can start before the rubric, the class or Python are known.
export interface SlotProcess {
  readonly pid: number;
  // The folder of the slot's private copies (only root may list it); removed with the slot.
  readonly workspaces: string;
  // Once its Node runs (its first line), or not: then why, from what bwrap wrote (./boot-line.ts).
  readonly booted: Promise<TrialResult>;
  // Answers arrive in order, one per message; undefined when the worker is gone.
  ask(message: ToWorker): Promise<FromWorker | undefined>;
  // The error to report when the worker stopped, with the last line it wrote to stderr.
  died(): Error;
  // A spare slot does not keep the harness alive; one in use does.
  hold(): void;
  // Kills everything the slot runs. Resolves once its pid namespace has ended, every process in it gone
  // (within a bound): a caller that waits knows that nothing a program started is left.
  kill(): Promise<void>;
}

const namespaceEndMs = 2000;

// --dev-bind / /: the worker itself sees the machine as the harness does; only the network and pids are its own.
const namespaces = ['--dev-bind', '/', '/', '--unshare-net', '--unshare-pid', '--proc', '/proc', '--die-with-parent', '--'];

// `launcher`: the launcher its setup will most likely ask for, which the worker then starts at its boot.
export function spawnSlotProcess(bwrap: string, launcher?: SlotLauncherGuess): SlotProcess {
  const workspaces = makeSlotFolder();
  const env = launcher ? { ...workerEnvironment(), [guessedLauncherVariable]: JSON.stringify(launcher(workspaces)) } : workerEnvironment();
  // node:child_process, not execa: its import alone cost 55-65 ms on the path of a sandboxed run.
  // detached: the slot leads its own process group, bwrap's init in its pid namespace included (see kill).
  const worker = spawn(bwrap, [...namespaces, ...workerCommand()], { detached: true, stdio: 'pipe', env });
  // A failed spawn is reported as an 'error' event; it is answered below by the missing pid.
  worker.on('error', () => undefined);
  const pid = worker.pid;
  if (pid === undefined) {
    removeTrackedFolder(workspaces);
    throw new Error('could not start a sandbox slot');
  }
  trackGroup(pid);
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));

  const waiting: ((message: FromWorker | undefined) => void)[] = [];
  let boot: ((result: TrialResult) => void) | undefined;
  const booted = new Promise<TrialResult>((resolve) => (boot = resolve));
  const lines = lineEvents(worker.stdout);
  lines.on('line', (line) => {
    if (!boot) return void waiting.shift()?.(decodeLine<FromWorker>(line));
    boot(line === bootLine ? { ok: true } : { ok: false, why: `its first line was ${JSON.stringify(line.slice(0, 80))}` });
    boot = undefined;
  });
  lines.on('close', () => {
    for (const resolve of waiting.splice(0)) resolve(undefined);
  });
  // Gone before its first line: what bwrap said (its first line), once every pipe is read.
  worker.once('close', (code, signal) => boot?.({ ok: false, why: stderr.trim().split('\n')[0] || `exit code ${code ?? signal}` }));
  // A worker that died before reading its stdin makes writes fail (EPIPE): the closed stdout answers.
  worker.stdin.on('error', () => undefined);
  // The pipes to a child are sockets: unref'd, like the child, they no longer keep the event loop alive.
  const pipes = [worker.stdin, worker.stdout, worker.stderr] as unknown as Socket[];
  worker.unref();
  for (const pipe of pipes) pipe.unref();

  return {
    pid,
    workspaces,
    booted,
    ask: (message) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        worker.stdin.write(encodeLine(message));
      }),
    died: () => new Error(`sandbox slot stopped unexpectedly${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`),
    hold: () => {
      worker.ref();
      for (const pipe of pipes) pipe.ref();
    },
    kill: () => {
      // The group holds bwrap's init of the slot's pid namespace (bwrap's child): the kernel ends every process
      // of a namespace with its init, so no tree is walked (/proc, ~3 ms at the end of every run), and the
      // init is gone only once they all are.
      const [init] = childrenOf(pid);
      signalProcess(-pid, 'SIGKILL');
      untrackGroup(pid);
      removeTrackedFolder(workspaces);
      return init === undefined ? Promise.resolve() : waitUntilEnded(init, namespaceEndMs);
    },
  };
}

// The harness's environment, less what only slows the worker's start. It opens no TLS connection, and Node
// parses the CA bundle NODE_EXTRA_CA_CERTS names at every start: ~38 ms where it names the system's bundle.
export function workerEnvironment(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _caBundle, ...environment } = process.env;
  return environment;
}

// The worker runs the same code as the harness, beside this module's: the TypeScript source under tests,
// dist/harness/workers/worker.js, or the bundled CLI's dist/bundle/worker.cjs (scripts/bundle.mjs).
const workerEntry = { '.ts': './worker.ts', '.js': './worker.js', '.cjs': './worker.cjs' } as const;

function workerCommand(): string[] {
  const code = fileURLToPath(import.meta.url);
  const fromSource = code.endsWith('.ts');
  const worker = fileURLToPath(new URL(workerEntry[extname(code) as keyof typeof workerEntry], import.meta.url));
  // No V8 flag here: see ./serve.ts, which caps the worker's optimizing tier once its first submission is graded.
  return fromSource ? [process.execPath, '--import', tsxLoaderUrl(), worker] : [process.execPath, worker];
}
