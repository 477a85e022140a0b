import type { Submission } from '../../discovery/submission.js';
import { reuseAddrProbe } from '../../probes/udp.js';
import type { ScenarioContext } from '../shared/context.js';
import type { LiveObservations, RestartObservation, UdpServerObservations } from './observations.js';
import { payloads } from './payloads.js';
import { outputOf } from '../shared/launch.js';
import { restartServer } from '../shared/restart.js';
import { interruptServer, observeStart, traffic } from '../shared/serving.js';
import { observeServer, type ServerProbe } from '../shared/server-scenario.js';

// Runs one UDP server submission through the lab's whole story and records what happened.
// Order matters: the SO_REUSEADDR bind-probe runs first, while no probe datagram can be in flight.
export function observeUdpServer(submission: Submission, context: ScenarioContext): Promise<UdpServerObservations> {
  return observeServer(submission, context, 'udp-server', probeLiveServer);
}

const probeLiveServer: ServerProbe<'udp-server', LiveObservations> = async (server, start, run) => {
  const { replyMs, interruptGraceMs, startupMs } = run.rubric.timeouts;
  const { target } = start;
  const reuseAddr = await reuseAddrProbe(start.socket);

  const clientAddress = target.family === 6 ? '::1' : '127.0.0.1';
  const watch = (text: string) => {
    server.stdout.watchFor(text);
    server.stderr.watchFor(text);
  };
  const seen = (text: string) => server.stdout.hasSeen(text) || server.stderr.hasSeen(text);
  watch(payloads.reply.toString());
  watch(clientAddress);
  const reply = await traffic(server, run.entryName, target, [[payloads.reply]], replyMs, (port) => watch(String(port)));
  const manyClients = await traffic(server, run.entryName, target, payloads.manyClients, replyMs);
  const replyPort = reply.clients[0]?.localPort;
  const printedPayload = seen(payloads.reply.toString());
  const printedClient = replyPort !== undefined && seen(String(replyPort)) && seen(clientAddress);

  const interrupt = await interruptServer(server, interruptGraceMs, run.entryName);
  if (interrupt.kind !== 'stopped') {
    const restart: RestartObservation = { kind: 'not-attempted' };
    return { live: { reuseAddr, reply, manyClients, printedPayload, printedClient, interrupt, restart } };
  }
  await using again = await restartServer(run.heldRestart, run.spec, startupMs, run.signal);
  const restartStart = await observeStart(again, run);
  const restartTarget = restartStart.kind === 'bound' ? restartStart.target : undefined;
  const restartReply = restartTarget && (await traffic(again, run.entryName, restartTarget, [[payloads.restart]], replyMs));
  const restart: RestartObservation = restartReply
    ? { kind: 'ran', start: restartStart, reply: restartReply }
    : { kind: 'ran', start: restartStart };
  await interruptServer(again, interruptGraceMs, run.entryName);
  return {
    live: { reuseAddr, reply, manyClients, printedPayload, printedClient, interrupt, restart },
    restartOutput: outputOf(again, run.workspace.dir),
  };
};
