import type { ResultPromise } from 'execa';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pTimeout from 'p-timeout';
import type { Submission } from '../discovery/submission.js';
import { trackGroup, untrackGroup } from '../launch/cleanup-registry.js';
import { killTree } from '../launch/student-process.js';
import type { SandboxSupport } from '../sandbox/support.js';
import type { SubmissionResult } from '../scoring/result.js';
import type { FromWorker, WorkerSetup } from './protocol.js';
import { decodeLine, encodeLine } from './wire.js';

// A fixed set of slots, each a long-lived worker in its own network and pid namespace. A slot grades
// one submission at a time; killing it (deadline, Ctrl+C) kills everything it started.
export interface SlotPool extends AsyncDisposable {
  grade(submission: Submission): Promise<SubmissionResult>;
}

interface Slot {
  readonly pid: number;
  request(submission: Submission, deadlineMs: number): Promise<SubmissionResult>;
  kill(): void;
}

// `stop`: when it fires (Ctrl+C, a save in --watch), every slot is killed with all it runs.
export async function startSlotPool(
  count: number,
  support: SandboxSupport & { kind: 'bwrap' },
  setupFor: (slot: number) => WorkerSetup,
  stop?: AbortSignal,
): Promise<SlotPool> {
  const start = (index: number) => startSlot(support, setupFor(index));
  const slots = await Promise.all(Array.from({ length: count }, (_, index) => start(index)));
  const free = slots.map((_, index) => index);
  const killAll = () => {
    for (const slot of slots) slot.kill();
  };
  stop?.addEventListener('abort', killAll, { once: true });
  return {
    async grade(submission) {
      const index = free.pop();
      if (index === undefined) throw new Error('more submissions in flight than slots');
      const deadlineMs = setupFor(index).sandbox.limits.submissionSeconds * 1000;
      try {
        return await slots[index]!.request(submission, deadlineMs);
      } catch (error) {
        // A slot that failed may hold anything: replace it before the next submission (unless stopping).
        slots[index]!.kill();
        if (!stop?.aborted) slots[index] = await start(index);
        throw error;
      } finally {
        free.push(index);
      }
    },
    [Symbol.asyncDispose]: async () => {
      stop?.removeEventListener('abort', killAll);
      killAll();
    },
  };
}

async function startSlot(support: SandboxSupport & { kind: 'bwrap' }, setup: WorkerSetup): Promise<Slot> {
  // --dev-bind / /: the worker itself sees the machine as the harness does; only the network and pids are its own.
  const namespaces = ['--dev-bind', '/', '/', '--unshare-net', '--unshare-pid', '--proc', '/proc', '--die-with-parent', '--'];
  // Loaded here, not at start-up: an unsandboxed run never needs it.
  const { execa } = await import('execa');
  const worker: ResultPromise = execa(support.bwrap, [...namespaces, ...workerCommand()], {
    detached: true,
    buffer: false,
    reject: false,
    cleanup: true,
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const pid = worker.pid;
  if (pid === undefined) throw new Error('could not start a sandbox slot');
  trackGroup(pid);
  let stderr = '';
  worker.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));

  // Answers arrive in order, one per request.
  const waiting: ((message: FromWorker | undefined) => void)[] = [];
  const lines = createInterface({ input: worker.stdout! });
  lines.on('line', (line) => waiting.shift()?.(decodeLine<FromWorker>(line)));
  lines.on('close', () => {
    for (const resolve of waiting.splice(0)) resolve(undefined);
  });
  const ask = (message: unknown) =>
    new Promise<FromWorker | undefined>((resolve) => {
      waiting.push(resolve);
      worker.stdin!.write(encodeLine(message));
    });
  const died = () => new Error(`sandbox slot stopped unexpectedly${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`);

  const ready = await pTimeout(ask({ kind: 'setup', setup }), { milliseconds: 30_000 });
  if (ready?.kind !== 'ready') throw died();

  return {
    pid,
    async request(submission, deadlineMs) {
      const answer = await pTimeout(ask({ kind: 'grade', submission }), {
        milliseconds: deadlineMs,
        message: `grading took longer than ${deadlineMs / 1000} s (limits.submissionSeconds)`,
      });
      if (answer?.kind === 'result') return answer.result;
      if (answer?.kind === 'fault') throw new Error(answer.message);
      throw died();
    },
    kill() {
      killTree(pid, 'SIGKILL');
      untrackGroup(pid);
    },
  };
}

// The worker runs the same code as the harness: compiled JS from dist, or the TypeScript source under tests.
function workerCommand(): string[] {
  const self = fileURLToPath(import.meta.url);
  const fromSource = self.endsWith('.ts');
  const worker = self.replace(/slot-pool\.(ts|js)$/, `worker.${fromSource ? 'ts' : 'js'}`);
  return fromSource ? [process.execPath, '--import', import.meta.resolve('tsx'), worker] : [process.execPath, worker];
}
