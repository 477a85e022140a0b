import { setImmediate as nextTurn } from 'node:timers/promises';
import pTimeout from 'p-timeout';
import type { Submission } from '../../discovery/submission.js';
import type { OutputExcerpt, RunOutput } from '../../launch/run-output.js';
import { readSendLog } from '../../launch/send-log.js';
import { type LaunchSpec, type StudentProcess, startStudentProcess } from '../../launch/student-process.js';
import { startEchoRelay, type UdpEchoRelay } from '../../probes/udp-echo-relay.js';
import type { ScenarioContext } from '../shared/context.js';
import { deathOf, outputOf } from '../shared/launch.js';
import { prepareRun, withoutDisposal } from '../shared/prepare-run.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import type { RttClientEnd, RttClientRun, UdpRttClientObservations } from './observations.js';
import { echoDelays, lateEchoRunPlan, lostPings, measuredRunPlan, type RelayPlan } from './relay-plan.js';
import { now } from '../../clock.js';

// What every run of one submission needs to know.
interface RunContext {
  readonly rubric: RubricFor<'udp-rtt-client'>;
  readonly entryName: string;
  readonly spec: LaunchSpec;
  readonly workspaceDir: string;
  readonly mappedPort: number;
  readonly signal?: AbortSignal;
}

// Runs one RTT client with the grader as its echo server, and records every ping and the client's output:
// first with the rubric's drops and delays, then (if the rubric asks and the first run ended with code 0) with
// one late echo. The grader's socket listens on 127.0.0.1 at the free port the lab's port is mapped to;
// sandboxed, this code runs in the slot worker, in the same network namespace as the client.
export async function observeUdpRttClient(submission: Submission, context: ScenarioContext): Promise<UdpRttClientObservations> {
  const rubric = rubricFor(context.rubric, 'udp-rtt-client');
  const { program } = rubric;
  await using prepared = await prepareRun(submission, { ...program, launch: rubric.launch }, context);
  if (prepared.kind !== 'ready') return withoutDisposal(prepared);
  const { entry, source, workspace, spec, mappedPort } = prepared;
  const run: RunContext = {
    rubric,
    entryName: entry.name,
    spec,
    workspaceDir: workspace.dir,
    mappedPort,
    ...(context.signal ? { signal: context.signal } : {}),
  };

  const first = await runClient(run, measuredRunPlan(program));
  const otherDestinations = (await readSendLog(workspace.bindLog)).filter((send) => send.port !== program.port);
  const ran = { kind: 'ran', entry, source, labPort: program.port, mappedPort, otherDestinations } as const;
  const measured = { ...ran, measured: first.run, output: first.output };
  const endedWell = first.run.end.kind === 'exited' && first.run.end.death.status.code === 0 && first.run.pings.length > 0;
  if (!program.lateEcho || !endedWell) return measured;
  const late = await runClient(run, lateEchoRunPlan(program, program.lateEcho));
  return { ...measured, lateEcho: late.run };
}

// One run: wait for the first ping (the startup deadline), then follow the client ping by ping until it
// exits. A client that sends nothing for stallMs, or is still running long after the run should have
// ended, is killed: every wait is bounded.
async function runClient(run: RunContext, plan: RelayPlan): Promise<{ run: RttClientRun; output: RunOutput }> {
  const { startupMs } = run.rubric.timeouts;
  await using relay = await startEchoRelay('127.0.0.1', run.mappedPort, (index) => plan.fateOf(index + 1));
  await using client = await startStudentProcess(run.spec, run.signal);

  const started = await pTimeout(
    Promise.race([relay.arrivalAfter(0).then(() => 'ping' as const), client.exited.then(() => 'exited' as const)]),
    { milliseconds: startupMs, fallback: () => 'timeout' as const },
  );
  let end: RttClientEnd;
  if (started === 'ping') end = await followClient(run, relay, client, runDeadlineMs(run, plan));
  else if (started === 'exited') end = { kind: 'exited', death: deathOf(client, run.entryName) };
  else {
    await client.kill();
    end = { kind: 'no-ping', deadlineMs: startupMs };
  }
  // A datagram sent just before the exit is still read: one turn of the event loop.
  await nextTurn();

  const firstAt = relay.datagrams[0]?.at ?? 0;
  const pings = relay.datagrams.map(({ payload, at }) => ({ payload, atMs: at - firstAt }));
  const output = outputOf(client, run.workspaceDir);
  return { run: { pings, end, stdout: textOf(output.stdout) }, output };
}

// Waits for each next ping or the exit, at most stallMs each time, and at most until the run's deadline.
async function followClient(
  run: RunContext,
  relay: UdpEchoRelay,
  client: StudentProcess,
  deadlineMs: number,
): Promise<RttClientEnd> {
  const { stallMs } = run.rubric.program;
  const deadlineAt = relay.datagrams[0]!.at + deadlineMs;
  for (;;) {
    const leftMs = deadlineAt - now();
    const waitMs = Math.max(0, Math.min(stallMs, leftMs));
    const next = await pTimeout(
      Promise.race([relay.arrivalAfter(relay.datagrams.length).then(() => 'ping' as const), client.exited.then(() => 'exited' as const)]),
      { milliseconds: waitMs, fallback: () => 'quiet' as const },
    );
    if (next === 'exited') return { kind: 'exited', death: deathOf(client, run.entryName) };
    if (next === 'quiet') {
      await client.kill();
      return waitMs < stallMs ? { kind: 'overtime', deadlineMs } : { kind: 'stalled', stallMs };
    }
  }
}

// How long a run may last from its first ping: what the plan makes the client wait, plus two stalls.
function runDeadlineMs(run: RunContext, plan: RelayPlan): number {
  const { count, timeoutMs, stallMs } = run.rubric.program;
  const waited = echoDelays(plan, count).reduce((sum, delay) => sum + delay, 0) + lostPings(plan, count).length * timeoutMs;
  return waited + 2 * stallMs;
}

// The output as text; when it was cut, only the end, where the summary is (joining across a cut would invent lines).
function textOf(excerpt: OutputExcerpt): string {
  const kept = excerpt.cutBytes === 0 ? Buffer.concat([excerpt.head, excerpt.tail]) : excerpt.tail;
  return kept.toString('utf8');
}
