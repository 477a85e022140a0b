import { discoverSubmissions } from './discovery/discover.js';
import type { Submission } from './discovery/submission.js';
import { mapKeepingBusy } from './concurrency.js';
import { toolchain } from './launch/command.js';
import { warmUpPorts } from './launch/ports.js';
import { message } from './messages/translate.js';
import type { GradeOptions } from './options.js';
import type { ProgramKind } from './programs/configs.js';
import type { ScenarioContext } from './programs/shared/context.js';
import { choosePython } from './python/choice.js';
import type { PythonInterpreter } from './python/resolve.js';
import { heldUntil, speculate, type Attempt } from './python/speculate.js';
import { loadRubric } from './rubric/load.js';
import type { Rubric } from './rubric/schema.js';
import { fail } from './scoring/outcome.js';
import type { SubmissionResult } from './scoring/result.js';
import type { Limits } from './sandbox/limits.js';
import { ownNamespaceConfinement, plainConfinement } from './sandbox/confinement.js';
import { inOwnNamespace } from './sandbox/own-namespace.js';
import { mountPlan, type StudentSandbox } from './sandbox/student-sandbox.js';
import { detectSandbox, type SandboxSupport } from './sandbox/support.js';
import type { WorkerSetup } from './workers/protocol.js';
import { takeOwnSlotFolder } from './workers/sandboxed-ahead.js';
import { openSlotPool } from './workers/slot-pool.js';
import { harnessFingerprint } from './classroom/harness-version.js';
import { openResultCache } from './classroom/result-cache.js';
import { inShard } from './classroom/shard.js';
import { scoreChecks } from './scoring/score.js';
import { now } from './clock.js';

// The outcome of one grading run: what every report is rendered from.
export interface GradeRun {
  readonly rubric: Rubric;
  readonly python: PythonInterpreter;
  readonly sandbox: SandboxSupport;
  readonly submissions: readonly SubmissionResult[];
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly interrupted: boolean;
}

// discover -> run each submission (in parallel) -> results. Never prints, never exits.
// With the last identical run's Python at hand, grading starts with it while --python resolves again; graded
// again, from scratch, in the rare case the answer changed (./python/speculate.ts).
export function grade(options: GradeOptions): Promise<GradeRun> {
  const choice = options.pythonChoice ?? choosePython(options.python);
  return speculate(choice, options.signal, (attempt) =>
    gradeWith({ ...options, signal: attempt.signal, onProgress: heldUntil(attempt.confirmed, options.onProgress) }, attempt),
  );
}

async function gradeWith(options: GradeOptions, attempt: Attempt): Promise<GradeRun> {
  const startedAt = new Date();
  const started = now();
  // Child processes (Python, a bwrap trial) run while the rubric and the folders are read; awaited in order.
  const pending = [attempt.python, detectSandbox(options.sandbox)] as const;
  for (const promise of pending) promise.catch(() => undefined);
  const rubric = typeof options.rubric === 'string' ? await loadRubric(options.rubric) : options.rubric;
  const discovered = options.submissions ?? (await discoverSubmissions(options.paths, options.outDir));
  const shard = options.shard;
  const submissions = shard ? discovered.filter((submission) => inShard(submission.id, shard)) : discovered;
  // In its own namespace, a lone submission is graded here: the probes load and a port is leased while the sandbox
  // detection waits for its trial, the start of the launcher ahead (./workers/sandboxed-ahead.ts).
  if (inOwnNamespace && submissions.length === 1 && options.sandbox !== 'off') prepareToGradeHere(rubric.program.kind);
  const support = await pending[1].catch(async (error: unknown) => {
    await pending[0]; // A missing Python is reported before a missing sandbox, as when it was awaited first.
    throw error;
  });
  const limits = { ...rubric.limits, ...options.limits };
  const jobs = Math.max(1, Math.min(options.jobs, submissions.length));
  // A submission waiting on its deadlines (a server that never answers: 3 s, idle) lets another start beside it.
  // Sandboxed, the slots booted for them are numbered after the first `jobs` (a uid each): runs graded side by
  // side (./grade-programs.ts) have a slot per submission from the start, so they never boot one more.
  const maxJobs = Math.max(jobs, Math.min(2 * options.jobs, submissions.length));

  options.onProgress?.({ kind: 'start', total: submissions.length, sandbox: support });
  // In the grader's own namespace (./sandbox/own-namespace.ts), a lone submission is graded by this process, its
  // programs confined as a slot's: no slot worker to start.
  const gradedHere = support.kind === 'bwrap' && support.asRoot && inOwnNamespace && submissions.length === 1 ? support : undefined;
  // Sandboxed: each slot is a worker in its own network namespace, booting while Python still resolves
  // (its setup follows, and its first submission right behind). Plain: programs run from this process.
  await using slots =
    support.kind === 'bwrap' && submissions.length > 0 && !gradedHere
      ? openSlotPool(jobs, support, pending[0].then((python) => slotSetups(rubric, limits, options, support, python)), options.signal, maxJobs)
      : undefined;
  // Plain mode leases ports and loads the probes here, while Python still resolves.
  if (!slots && submissions.length > 0) prepareToGradeHere(rubric.program.kind);
  const python = await pending[0];
  const tools = toolchain(python);
  // Sandboxed, the slots grade; plain or in its own namespace, this process does, its programs started by the run's
  // launcher (started now, unless it was ahead of need).
  const slot = options.firstSlot ?? 0;
  await using confinement = slots
    ? undefined
    : gradedHere
      ? ownNamespaceConfinement(studentSandbox(gradedHere, limits, options, python, slot), takeOwnSlotFolder(slot), python.executable)
      : plainConfinement(python.executable, limits);
  const gradeSubmission = (submission: Submission) =>
    confinement ? gradePlain(submission, { rubric, tools, confinement }, limits, options.signal) : slots!.grade(submission);

  const cache = openResultCache(options.outDir, { rubric, limits }, harnessFingerprint);
  let done = 0;
  // Results are stored while the next submission is graded: a job waits for nothing but its next program.
  const stores: Promise<void>[] = [];
  const results = await mapKeepingBusy(submissions, { jobs, maxJobs, patienceMs: waitingAfterMs }, async (submission) => {
    const reused = options.changedOnly ? await cache.lookup(submission) : undefined;
    const result = reused ?? (await gradeOne(submission, rubric, () => gradeSubmission(submission), options.signal));
    if (!reused && !result.fault) {
      const stored = attempt.confirmed.then((confirmed) => (confirmed ? cache.store(submission, result) : undefined));
      stored.catch(() => undefined); // Seen by the Promise.all below; never an unhandled rejection.
      stores.push(stored);
    }
    done++;
    const { id, score, maxScore } = result;
    options.onProgress?.({ kind: 'graded', id, score, maxScore, done, total: submissions.length, reused: reused !== undefined });
    return result;
  });
  await Promise.all(stores);
  // Slots that could not even start are a fault of the run (each submission also says it was not graded).
  await slots?.ready();
  return {
    rubric,
    python,
    sandbox: support,
    submissions: results,
    startedAt,
    durationMs: now() - started,
    interrupted: options.signal?.aborted ?? false,
  };
}

// A correct submission is graded in ~50-100 ms; one still running after this is most likely waiting on a deadline
// (the rubric's are a second or more) and leaves its core idle.
const waitingAfterMs = 500;

// The probes and scenarios, most of the grader's code, load only where programs run from this process:
// sandboxed, the slots have their own, and this process never compiles them.
let registry: Promise<typeof import('./programs/registry.js')> | undefined;
const loadRegistry = () => (registry ??= import('./programs/registry.js'));

// What grading in this process needs first (the probes and scenario of the rubric's kind of program), started ahead of
// it; and the harness's fingerprint, which the result cache asks for later.
function prepareToGradeHere(kind: ProgramKind): void {
  warmUpPorts();
  loadRegistry()
    .then(({ programGraders }) => programGraders[kind].load())
    .catch(() => undefined); // Seen by the grading.
  harnessFingerprint().catch(() => undefined); // The cache sees the error, if any.
}

// In-process grading with the same whole-submission deadline a slot has; Ctrl+C kills the programs too.
async function gradePlain(submission: Submission, context: ScenarioContext, limits: Limits, userStop?: AbortSignal): Promise<SubmissionResult> {
  const deadline = AbortSignal.timeout(limits.submissionSeconds * 1000);
  const signal = userStop ? AbortSignal.any([deadline, userStop]) : deadline;
  const { gradeProgram } = await loadRegistry();
  const result = await gradeProgram(submission, { ...context, signal });
  if (deadline.aborted) throw new Error(`grading took longer than ${limits.submissionSeconds} s (limits.submissionSeconds)`);
  return result;
}

// What each slot is told once: the rubric, the toolchain, and its sandbox (its own uid when root).
function slotSetups(
  rubric: Rubric,
  limits: Limits,
  options: GradeOptions,
  support: SandboxSupport & { kind: 'bwrap' },
  python: PythonInterpreter,
): (slot: number) => WorkerSetup {
  const tools = toolchain(python);
  return (slot) => ({ rubric, tools, sandbox: studentSandbox(support, limits, options, python, (options.firstSlot ?? 0) + slot) });
}

function studentSandbox(
  support: SandboxSupport & { kind: 'bwrap' },
  limits: Limits,
  options: GradeOptions,
  python: PythonInterpreter,
  slot: number,
): StudentSandbox {
  return { support, limits, ...mountPlan(options.paths, options.outDir, python.prefixes, support.asRoot ? slot : undefined) };
}

// A run cut short by the user is not a verdict: its processes were killed by us, not by their own fault.
async function gradeOne(
  submission: Submission,
  rubric: Rubric,
  run: () => Promise<SubmissionResult>,
  signal: AbortSignal | undefined,
): Promise<SubmissionResult> {
  const interrupted = () => faultResult(submission, rubric, 'interrupted before this submission was graded');
  if (signal?.aborted) return interrupted();
  const result = await run().catch((error: unknown) => faultResult(submission, rubric, describeFault(error)));
  return signal?.aborted ? interrupted() : result;
}

// A submission the harness could not grade still gets a report: every check failed, and why.
function faultResult(submission: Submission, rubric: Rubric, fault: string): SubmissionResult {
  const scored = scoreChecks(rubric, () => fail(message('fault.not-graded', { fault })));
  return { id: submission.id, notes: [], ...scored, fault, durationMs: 0 };
}

function describeFault(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
