import type { Submission } from '../../discovery/submission.js';
import type { RunOutput } from '../../launch/run-output.js';
import { readSendLog } from '../../launch/send-log.js';
import { type LaunchSpec, startStudentProcess } from '../../launch/student-process.js';
import { listenTcp } from '../../probes/tcp-listener.js';
import { watchClient } from '../shared/client-run.js';
import type { ScenarioContext } from '../shared/context.js';
import { outputOf } from '../shared/launch.js';
import { prepareRun, withoutDisposal } from '../shared/prepare-run.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import type { ClientRun, TcpClientObservations } from './observations.js';

// What every run of one submission needs to know.
interface RunContext {
  readonly rubric: RubricFor<'tcp-client'>;
  readonly entryName: string;
  readonly spec: LaunchSpec;
  readonly workspaceDir: string;
  readonly mappedPort: number;
  readonly signal?: AbortSignal;
}

// Runs one TCP client submission twice with the grader as its server, and records what happened: first
// against a server that answers a connection's first bytes with the rubric's reply and closes it, then, if
// bytes came, against a server that accepts but never answers (the lab's client then waits on recv until
// it is killed). The grader listens on 127.0.0.1 at the free port the lab's port is mapped to; sandboxed,
// this code runs in the slot worker, in the same network namespace as the client.
export async function observeTcpClient(submission: Submission, context: ScenarioContext): Promise<TcpClientObservations> {
  const rubric = rubricFor(context.rubric, 'tcp-client');
  await using prepared = await prepareRun(submission, { ...rubric.program, launch: rubric.launch, tcp: true }, context);
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
  if (!answered.connections.some((connection) => connection.received.length > 0)) return ran;
  const silent = await runClient(run, undefined, rubric.program.silenceMs);
  return { ...ran, silent: silent.run };
}

// One run of the client against a TCP server that answers with `answer` (or never, when undefined).
async function runClient(run: RunContext, answer: Buffer | undefined, endMs: number): Promise<{ run: ClientRun; output: RunOutput }> {
  const { startupMs } = run.rubric.timeouts;
  await using server = await listenTcp('127.0.0.1', run.mappedPort, answer);
  await using client = startStudentProcess(run.spec, run.signal);
  const first = { arrived: server.firstData, arrivedAt: () => server.firstDataAt() };
  const end = await watchClient(client, first, { startupMs, endMs }, run.entryName);
  const connections = server.connections.map(({ fromAddress, fromPort, received }) => ({ fromAddress, fromPort, received: received() }));
  return { run: { connections, startupMs, end }, output: outputOf(client, run.workspaceDir) };
}
