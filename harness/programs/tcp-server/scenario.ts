import type { Submission } from '../../discovery/submission.js';
import type { RunOutput } from '../../launch/run-output.js';
import type { StudentProcess } from '../../launch/student-process.js';
import type { LoopbackTarget } from '../../probes/loopback.js';
import { type Conversation, type ConversationOptions, converse, converseAtOnce, converseInTurn } from '../../probes/tcp.js';
import { ensureTimeWait } from '../../probes/time-wait.js';
import type { ScenarioContext } from '../shared/context.js';
import { deathOf, outputOf } from '../shared/launch.js';
import { restartServer } from '../shared/restart.js';
import { interruptServer, observeStart, settle } from '../shared/serving.js';
import type { BoundStart } from '../shared/serving-observations.js';
import type {
  ConnectionObservation,
  CtrlCObservation,
  LiveObservations,
  ManyClientsObservation,
  RestartObservation,
  TcpServerObservations,
} from './observations.js';
import { payloads } from './payloads.js';
import { observeServer, type ServerProbe, type ServerRun } from '../shared/server-scenario.js';

type RunContext = ServerRun<'tcp-server'>;

// How long making a TIME_WAIT on the port may take (a few milliseconds on loopback).
const timeWaitDeadlineMs = 2000;

// Runs one TCP server submission through the lab's story and records what happened: it listens, answers a
// connection and closes it, serves clients one after the other and queued at once, stops on Ctrl+C, and is
// restarted at once while a connection on its port is in TIME_WAIT (what fails without SO_REUSEADDR).
export function observeTcpServer(submission: Submission, context: ScenarioContext): Promise<TcpServerObservations> {
  return observeServer(submission, context, 'tcp-server', probeLiveServer);
}

const probeLiveServer: ServerProbe<'tcp-server', LiveObservations> = async (server, start, run) => {
  const { target } = start;
  const watch = (text: string) => {
    server.stdout.watchFor(text);
    server.stderr.watchFor(text);
  };
  const seen = (text: string) => server.stdout.hasSeen(text) || server.stderr.hasSeen(text);
  watch(payloads.reply.toString());
  const reply = await connectOnce(server, run, target, payloads.reply, (local) => {
    watch(local.address);
    watch(String(local.port));
  });
  const manyClients = await serveManyClients(server, run, target);
  const firstCtrlC = server.exitStatus() ? undefined : await interruptServer(server, run.rubric.timeouts.interruptGraceMs, run.entryName);

  // The first run has ended, so its output is read to the end: what it printed no longer depends on timing.
  const local = reply.conversation.local;
  const printedPayload = seen(payloads.reply.toString());
  const printedClient = local !== undefined && seen(String(local.port)) && seen(local.address);

  const restarted = await restartWithTimeWait(start, run, firstCtrlC === undefined);
  const ctrlC: CtrlCObservation = firstCtrlC
    ? { relaunched: false, interrupt: firstCtrlC }
    : (restarted.ctrlC ?? { relaunched: false, interrupt: { kind: 'already-dead', death: deathOf(server, run.entryName) } });
  const live = { reply, printedPayload, printedClient, manyClients, ctrlC, restart: restarted.restart };
  return restarted.output ? { live, restartOutput: restarted.output } : { live };
};

// One client: connects, sends its message, reads until the server closes (or the deadline).
async function connectOnce(
  server: StudentProcess,
  run: RunContext,
  target: LoopbackTarget,
  payload: Buffer,
  onConnected: ConversationOptions['onConnected'],
): Promise<ConnectionObservation> {
  const deadlineMs = run.rubric.timeouts.replyMs;
  const conversation = await converse(target, payload, { deadlineMs, serverExited: server.exited, ...(onConnected ? { onConnected } : {}) });
  await settle(server);
  return server.exitStatus() ? { conversation, deadlineMs, death: deathOf(server, run.entryName) } : { conversation, deadlineMs };
}

// Clients one after the other, then as many at once. Each stops reading once a reply's worth of bytes came:
// whether the server closes is closes-connection's business, so a server that never closes costs no deadlines here.
async function serveManyClients(server: StudentProcess, run: RunContext, target: LoopbackTarget): Promise<ManyClientsObservation> {
  if (server.exitStatus()) return { kind: 'server-gone', death: deathOf(server, run.entryName) };
  const { clients, reply } = run.rubric.program;
  const deadlineMs = run.rubric.timeouts.replyMs;
  const options = { deadlineMs, serverExited: server.exited, enough: (received: Buffer) => received.length >= Buffer.byteLength(reply) };
  const numbers = Array.from({ length: clients }, (_, i) => i + 1);
  const inTurn: Conversation[] = await converseInTurn(target, numbers.map(payloads.inTurn), options);
  await settle(server);
  const atOnce = await converseAtOnce(target, numbers.map(payloads.atOnce), options);
  await settle(server);
  const conversed = { kind: 'conversed', inTurn, atOnce, deadlineMs } as const;
  return server.exitStatus() ? { ...conversed, death: deathOf(server, run.entryName) } : conversed;
}

// The restart on the lab's port, at once, once a connection on it is in TIME_WAIT: left by the server's own
// close when it closed first, else made by the grader. `interrupt`: the first run had stopped before Ctrl+C,
// so Ctrl+C goes to this run.
async function restartWithTimeWait(
  start: BoundStart,
  run: RunContext,
  interrupt: boolean,
): Promise<{ restart: RestartObservation; ctrlC?: CtrlCObservation; output?: RunOutput }> {
  if (start.socket.port !== run.mappedPort) return { restart: { kind: 'other-port' } };
  const timeWait = await ensureTimeWait(start.target, timeWaitDeadlineMs);
  if (timeWait === 'missing') return { restart: { kind: 'no-time-wait' } };
  await using again = await restartServer(run.heldRestart, run.spec, run.rubric.timeouts.startupMs, run.signal);
  const restartStart = await observeStart(again, run);
  const restart = { kind: 'ran', timeWait, start: restartStart } as const;
  if (!interrupt || restartStart.kind !== 'bound') {
    await again.kill();
    return { restart, output: outputOf(again, run.workspace.dir) };
  }
  const ctrlC = { relaunched: true, interrupt: await interruptServer(again, run.rubric.timeouts.interruptGraceMs, run.entryName) };
  return { restart, ctrlC, output: outputOf(again, run.workspace.dir) };
}
