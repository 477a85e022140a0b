import { prepareRun, withoutDisposal } from '../shared/prepare-run.js';
import type { Submission } from '../../discovery/submission.js';
import { readSendLog } from '../../launch/send-log.js';
import { type LaunchSpec, startStudentProcess } from '../../launch/student-process.js';
import type { RunOutput } from '../../launch/run-output.js';
import { listenUdp } from '../../probes/udp-listener.js';
import { watchClient } from '../shared/client-run.js';
import { outputOf } from '../shared/launch.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import type { ScenarioContext } from '../shared/context.js';
import type { ClientRun, UdpClientObservations } from './observations.js';

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

  const first = await runClient(run, Buffer.from(rubric.program.reply), rubric.timeouts.replyMs);
  const otherDestinations = (await readSendLog(workspace.bindLog)).filter((send) => send.port !== rubric.program.port);
  const answered = { ...first.run, otherDestinations };
  const ran = { kind: 'ran', entry, source, labPort: rubric.program.port, mappedPort, answered, output: first.output } as const;
  if (answered.datagrams.length === 0) return ran;
  const silent = await runClient(run, undefined, rubric.program.silenceMs);
  return { ...ran, silent: silent.run };
}

// One run of the client against a UDP server that answers with `answer` (or never, when undefined).
async function runClient(run: RunContext, answer: Buffer | undefined, endMs: number): Promise<{ run: ClientRun; output: RunOutput }> {
  const { startupMs } = run.rubric.timeouts;
  await using server = await listenUdp('127.0.0.1', run.mappedPort, answer);
  await using client = startStudentProcess(run.spec, run.signal);
  const first = { arrived: server.first, arrivedAt: () => server.datagrams[0]?.at };
  const end = await watchClient(client, first, { startupMs, endMs }, run.entryName);
  const datagrams = server.datagrams.map(({ payload, fromAddress, fromPort }) => ({ payload, fromAddress, fromPort }));
  return { run: { datagrams, startupMs, end }, output: outputOf(client, run.workspaceDir) };
}
