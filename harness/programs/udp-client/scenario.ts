import type { Submission } from '../../discovery/submission.js';
import { startStudentProcess } from '../../launch/student-process.js';
import { listenUdp } from '../../probes/udp-listener.js';
import { observeClientTwice, type RunClient } from '../shared/client-scenario.js';
import { watchClient } from '../shared/client-run.js';
import type { ScenarioContext } from '../shared/context.js';
import { outputOf } from '../shared/launch.js';
import type { ClientRun, UdpClientObservations } from './observations.js';

// A UDP client against the grader's UDP server: answered, then (if a datagram came) silent.
export function observeUdpClient(submission: Submission, context: ScenarioContext): Promise<UdpClientObservations> {
  return observeClientTwice(submission, context, 'udp-client', runClient, (run) => run.datagrams.length > 0);
}

// One run of the client against a UDP server that answers with `answer` (or never, when undefined).
const runClient: RunClient<ClientRun> = async (run, answer, endMs) => {
  const { startupMs } = run;
  await using server = await listenUdp('127.0.0.1', run.mappedPort, answer);
  await using client = await startStudentProcess(run.spec, run.signal);
  const first = { arrived: server.first, arrivedAt: () => server.datagrams[0]?.at };
  const end = await watchClient(client, first, { startupMs, endMs }, run.entryName);
  const datagrams = server.datagrams.map(({ payload, fromAddress, fromPort }) => ({ payload, fromAddress, fromPort }));
  return { run: { datagrams, startupMs, end }, output: outputOf(client, run.workspaceDir) };
};
