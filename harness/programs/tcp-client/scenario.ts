import type { Submission } from '../../discovery/submission.js';
import { startStudentProcess } from '../../launch/student-process.js';
import { listenTcp } from '../../probes/tcp-listener.js';
import { observeClientTwice, type RunClient } from '../shared/client-scenario.js';
import { watchClient } from '../shared/client-run.js';
import type { ScenarioContext } from '../shared/context.js';
import { outputOf } from '../shared/launch.js';
import type { ClientRun, TcpClientObservations } from './observations.js';

// A TCP client against the grader's TCP server, which answers a connection's first bytes with the rubric's
// reply and closes it; then (if bytes came) against one that accepts but never answers.
export function observeTcpClient(submission: Submission, context: ScenarioContext): Promise<TcpClientObservations> {
  return observeClientTwice(submission, context, 'tcp-client', runClient, (run) =>
    run.connections.some((connection) => connection.received.length > 0),
  );
}

// One run of the client against a TCP server that answers with `answer` (or never, when undefined).
const runClient: RunClient<ClientRun> = async (run, answer, endMs) => {
  const { startupMs } = run;
  await using server = await listenTcp('127.0.0.1', run.mappedPort, answer);
  await using client = await startStudentProcess(run.spec, run.signal);
  const first = { arrived: server.firstData, arrivedAt: () => server.firstDataAt() };
  const end = await watchClient(client, first, { startupMs, endMs }, run.entryName);
  const connections = server.connections.map(({ fromAddress, fromPort, received }) => ({ fromAddress, fromPort, received: received() }));
  return { run: { connections, startupMs, end }, output: outputOf(client, run.workspaceDir) };
};
