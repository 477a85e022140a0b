import pTimeout from 'p-timeout';
import type { Submission } from '../discovery/submission.js';
import type { SandboxSupport } from '../sandbox/support.js';
import type { SubmissionResult } from '../scoring/result.js';
import type { WorkerSetup } from './protocol.js';
import type { SlotProcess } from './slot-process.js';
import { takeSlotProcess } from './spare-slot.js';

// A fixed set of slots, each a long-lived worker in its own network and pid namespace. A slot grades
// one submission at a time; killing it (deadline, Ctrl+C) kills everything it started.
export interface SlotPool extends AsyncDisposable {
  // Resolves once every slot has its setup; rejects when one could not start.
  ready(): Promise<void>;
  grade(submission: Submission): Promise<SubmissionResult>;
}

const setupDeadlineMs = 30_000;

// The slots boot at once; each gets its setup when `setups` resolves (it needs the rubric and Python,
// which are still being read while the slots boot). `stop`: when it fires (Ctrl+C, a save in --watch),
// every slot is killed with all it runs.
export function openSlotPool(
  count: number,
  support: SandboxSupport & { kind: 'bwrap' },
  setups: Promise<(slot: number) => WorkerSetup>,
  stop?: AbortSignal,
): SlotPool {
  const boot = () => {
    const slot = takeSlotProcess(support.bwrap);
    slot.hold();
    return slot;
  };
  const slots = Array.from({ length: count }, boot);
  const killAll = () => {
    for (const slot of slots) slot.kill();
  };
  stop?.addEventListener('abort', killAll, { once: true });
  let setupFor: ((slot: number) => WorkerSetup) | undefined;
  const setUp = (index: number) => sendSetup(slots[index]!, setupFor!(index));
  const ready = setups.then(async (found) => {
    setupFor = found;
    await Promise.all(slots.map((_, index) => setUp(index)));
  });
  ready.catch(() => undefined); // Seen by ready() and grade(); never an unhandled rejection.
  const free = slots.map((_, index) => index);
  return {
    ready: () => ready,
    async grade(submission) {
      await ready;
      const index = free.pop();
      if (index === undefined) throw new Error('more submissions in flight than slots');
      const deadlineMs = setupFor!(index).sandbox.limits.submissionSeconds * 1000;
      try {
        return await request(slots[index]!, submission, deadlineMs);
      } catch (error) {
        // A slot that failed may hold anything: replace it before the next submission (unless stopping).
        slots[index]!.kill();
        if (!stop?.aborted) {
          slots[index] = boot();
          await setUp(index);
        }
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

async function sendSetup(slot: SlotProcess, setup: WorkerSetup): Promise<void> {
  const ready = await pTimeout(slot.ask({ kind: 'setup', setup, workspaces: slot.workspaces }), { milliseconds: setupDeadlineMs });
  if (ready?.kind === 'fault') throw new Error(`sandbox slot could not start: ${ready.message}`);
  if (ready?.kind !== 'ready') throw slot.died();
}

async function request(slot: SlotProcess, submission: Submission, deadlineMs: number): Promise<SubmissionResult> {
  const answer = await pTimeout(slot.ask({ kind: 'grade', submission }), {
    milliseconds: deadlineMs,
    message: `grading took longer than ${deadlineMs / 1000} s (limits.submissionSeconds)`,
  });
  if (answer?.kind === 'result') return answer.result;
  if (answer?.kind === 'fault') throw new Error(answer.message);
  throw slot.died();
}
