import pTimeout from 'p-timeout';
import type { Submission } from '../discovery/submission.js';
import type { SandboxSupport } from '../sandbox/support.js';
import type { SubmissionResult } from '../scoring/result.js';
import type { FromWorker, WorkerSetup } from './protocol.js';
import type { SlotProcess } from './slot-process.js';
import { takeSlotProcess } from './spare-slot.js';

// A fixed set of slots, each a long-lived worker in its own network and pid namespace. A slot grades
// one submission at a time; killing it (deadline, Ctrl+C) kills everything it started.
export interface SlotPool extends AsyncDisposable {
  // Resolves once a slot has answered its setup; rejects when none could start (a fault of the run).
  ready(): Promise<void>;
  grade(submission: Submission): Promise<SubmissionResult>;
}

const setupDeadlineMs = 30_000;

// `count` slots boot at once; each gets its setup when `setups` resolves (it needs the rubric and Python,
// which are still being read while the slots boot). A slot takes its first submission as soon as its setup
// is sent: the worker answers in order, so the request waits in its input instead of a round trip away.
// A submission that finds every slot busy boots one more, up to `maxCount` (the caller grades more at a time
// while some wait on their deadlines: ../concurrency.ts). `stop`: when it fires (Ctrl+C, a save in --watch),
// every slot is killed with all it runs.
export function openSlotPool(
  count: number,
  support: SandboxSupport & { kind: 'bwrap' },
  setups: Promise<(slot: number) => WorkerSetup>,
  stop?: AbortSignal,
  maxCount = count,
): SlotPool {
  const boot = () => {
    const slot = takeSlotProcess(support.bwrap);
    slot.hold();
    return slot;
  };
  const slots = Array.from({ length: count }, boot);
  // Slots grading now; and the end of those killed meanwhile, which the pool waits for before it is done: what
  // their programs started is then gone too (an idle slot runs no program, and ends on its own time).
  const busy = new Set<number>();
  const ending: Promise<void>[] = [];
  const kill = (index: number) => {
    const ended = slots[index]!.kill();
    if (busy.has(index)) ending.push(ended);
  };
  const killAll = () => slots.forEach((_, index) => kill(index));
  stop?.addEventListener('abort', killAll, { once: true });
  let setupFor: ((slot: number) => WorkerSetup) | undefined;
  // Each slot's answer to its current setup.
  const setUpAnswers: Promise<void>[] = [];
  const setUp = (index: number) => {
    const answered = sendSetup(slots[index]!, setupFor!(index));
    answered.catch(() => undefined); // Seen by ready() and grade(); never an unhandled rejection.
    setUpAnswers[index] = answered;
    return answered;
  };
  const idle = idleSlots();
  // Every setup leaves at once, when `setups` resolves: from then on a slot can take a submission.
  const sent = setups.then((found) => {
    setupFor = found;
    slots.forEach((_, index) => {
      setUp(index);
      idle.release(index);
    });
  });
  sent.catch(() => undefined); // Seen by ready() and grade(); never an unhandled rejection.
  const ready = sent.then(() => Promise.any(setUpAnswers)).catch((error: unknown) => {
    throw error instanceof AggregateError ? error.errors[0] : error;
  });
  ready.catch(() => undefined);
  // A setup that failed fails every submission after it: no slot is booted again for each of them.
  let broken: Error | undefined;
  // A slot that failed may hold anything: replaced before its next submission (unless stopping).
  const replace = (index: number) => {
    kill(index);
    if (!stop?.aborted && !broken) {
      slots[index] = boot();
      setUp(index);
    }
  };
  const another = () => {
    const index = slots.push(boot()) - 1;
    setUp(index);
    return index;
  };
  const gradeOnSlot = async (submission: Submission): Promise<Answer> => {
    const index = idle.count() === 0 && slots.length < maxCount ? another() : await idle.take();
    busy.add(index);
    const deadlineMs = setupFor!(index).sandbox.limits.submissionSeconds * 1000;
    const answer = request(slots[index]!, submission, deadlineMs);
    answer.catch(() => undefined); // A failed setup is reported instead (below).
    try {
      await setUpAnswers[index]!.catch((error: unknown) => {
        broken ??= error instanceof Error ? error : new Error(String(error));
        throw error;
      });
      const answered = await answer;
      if (answered.kind === 'refused') replace(index);
      return answered;
    } catch (error) {
      replace(index);
      throw error;
    } finally {
      busy.delete(index);
      idle.release(index);
    }
  };
  return {
    ready: () => ready,
    async grade(submission) {
      await sent;
      if (broken) throw broken;
      // Refused before it started, for what the one before left: it goes to another slot, once (a fresh slot
      // has nothing to refuse for).
      for (let attempt = 1; ; attempt++) {
        const answer = await gradeOnSlot(submission);
        if (answer.kind === 'result') return answer.result;
        if (attempt === 2 || stop?.aborted || broken) throw new Error(answer.message);
      }
    },
    [Symbol.asyncDispose]: async () => {
      stop?.removeEventListener('abort', killAll);
      killAll();
      await Promise.all(ending);
    },
  };
}

// Slots with their setup sent and nothing to grade, and gradings waiting for one (never more than the slots:
// the harness grades at most as many submissions at a time as the pool may boot).
function idleSlots(): { count(): number; take(): Promise<number>; release(index: number): void } {
  const idle: number[] = [];
  const waiting: ((index: number) => void)[] = [];
  return {
    count: () => idle.length,
    take: () => (idle.length > 0 ? Promise.resolve(idle.pop()!) : new Promise((resolve) => waiting.push(resolve))),
    release: (index) => {
      const next = waiting.shift();
      if (next) next(index);
      else idle.push(index);
    },
  };
}

async function sendSetup(slot: SlotProcess, setup: WorkerSetup): Promise<void> {
  const ready = await pTimeout(slot.ask({ kind: 'setup', setup, workspaces: slot.workspaces }), { milliseconds: setupDeadlineMs });
  if (ready?.kind === 'fault') throw new Error(`sandbox slot could not start: ${ready.message}`);
  if (ready?.kind !== 'ready') throw slot.died();
}

// A slot's answer to a submission; a fault, a deadline or a death rejects.
type Answer = Extract<FromWorker, { kind: 'result' | 'refused' }>;

async function request(slot: SlotProcess, submission: Submission, deadlineMs: number): Promise<Answer> {
  const answer = await pTimeout(slot.ask({ kind: 'grade', submission }), {
    milliseconds: deadlineMs,
    message: `grading took longer than ${deadlineMs / 1000} s (limits.submissionSeconds)`,
  });
  if (answer?.kind === 'result' || answer?.kind === 'refused') return answer;
  if (answer?.kind === 'fault') throw new Error(answer.message);
  throw slot.died();
}
