import { prepareRun, withoutDisposal } from '../shared/prepare-run.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pTimeout from 'p-timeout';
import type { Submission } from '../../discovery/submission.js';
import { readSendLog } from '../../launch/send-log.js';
import { type LaunchSpec, type StudentProcess, startStudentProcess } from '../../launch/student-process.js';
import type { RunOutput } from '../../launch/run-output.js';
import { listenUdp } from '../../probes/udp-listener.js';
import { deathOf, outputOf } from '../shared/launch.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import type { ScenarioContext } from '../shared/context.js';
import type { ClientEnd, ClientRun, UdpClientObservations } from './observations.js';

// What every run of one submission needs to know.
interface RunContext {
  readonly rubric: RubricFor<'udp-client'>;
  readonly entryName: string;
  readonly spec: LaunchSpec;
  readonly workspaceDir: string;
  readonly mappedPort: number;
  readonly signal?: AbortSignal;
}

// Runs one UDP client submission twice with the grader as its server, and records what happened:
// first against a server that answers each datagram with the rubric's reply, then, if a datagram came,
// against a server that never answers (the lab's client then waits on recv until it is killed).
// The grader's socket listens on 127.0.0.1 at the free port the lab's port is mapped to; sandboxed, this
// code runs in the slot worker, in the same network namespace as the client.
export async function observeUdpClient(submission: Submission, context: ScenarioContext): Promise<UdpClientObservations> {
  const rubric = rubricFor(context.rubric, 'udp-client');
  await using prepared = await prepareRun(submission, { ...rubric.program, launch: rubric.launch }, context);
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

  const exitMs = rubric.timeouts.replyMs;
  const first = await runClient(run, Buffer.from(rubric.program.reply), exitMs);
  const otherDestinations = (await readSendLog(workspace.bindLog)).filter((send) => send.port !== rubric.program.port);
  const answered = { ...first.run, exitMs, otherDestinations };
  const ran = { kind: 'ran', entry, source, labPort: rubric.program.port, mappedPort, answered, output: first.output } as const;
  if (answered.datagrams.length === 0) return ran;
  const silent = await runClient(run, undefined, rubric.program.silenceMs);
  return { ...ran, silent: silent.run };
}

// One run of the client: wait for its first datagram (the startup deadline), then for its exit, at most
// `endMs` after that datagram arrived. A client still running at a deadline is killed.
async function runClient(run: RunContext, answer: Buffer | undefined, endMs: number): Promise<{ run: ClientRun; output: RunOutput }> {
  const { startupMs } = run.rubric.timeouts;
  await using server = await listenUdp('127.0.0.1', run.mappedPort, answer);
  await using client = startStudentProcess(run.spec, run.signal);

  const started = await pTimeout(
    Promise.race([server.first.then(() => 'datagram' as const), client.exited.then(() => 'exited' as const)]),
    { milliseconds: startupMs, fallback: () => 'timeout' as const },
  );
  // A datagram sent just before the exit is still read: one turn of the event loop.
  if (started === 'exited') await nextTurn();
  const first = server.datagrams[0];
  let end: ClientEnd;
  if (first) {
    const remainingMs = Math.max(0, endMs - (performance.now() - first.at));
    const finished = await pTimeout(client.exited.then(() => true), { milliseconds: remainingMs, fallback: () => false });
    if (finished) await nextTurn();
    end = finished ? exitedEnd(client, run.entryName) : await killedEnd(client, endMs);
  } else {
    end = client.exitStatus() ? exitedEnd(client, run.entryName) : await killedEnd(client, startupMs);
  }
  const datagrams = server.datagrams.map(({ payload, fromAddress, fromPort }) => ({ payload, fromAddress, fromPort }));
  return { run: { datagrams, startupMs, end }, output: outputOf(client, run.workspaceDir) };
}

function exitedEnd(client: StudentProcess, entryName: string): ClientEnd {
  return { kind: 'exited', death: deathOf(client, entryName) };
}

async function killedEnd(client: StudentProcess, deadlineMs: number): Promise<ClientEnd> {
  await client.kill();
  return { kind: 'killed', deadlineMs };
}
