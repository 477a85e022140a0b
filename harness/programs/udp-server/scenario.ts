import { prepareRun, withoutDisposal } from '../shared/prepare-run.js';
import type { Submission } from '../../discovery/submission.js';
import { canHold } from '../../launch/command.js';
import { type LaunchSpec, type StudentProcess, startStudentProcess } from '../../launch/student-process.js';
import type { Workspace } from '../../launch/workspace.js';
import { loopbackTarget, reuseAddrProbe } from '../../probes/udp.js';
import type { RunOutput } from '../../launch/run-output.js';
import type { Rubric } from '../../rubric/schema.js';
import type { ScenarioContext } from '../shared/context.js';
import type { LiveObservations, RestartObservation, StartObservation, UdpServerObservations } from './observations.js';
import { payloads } from './payloads.js';
import { outputOf } from '../shared/launch.js';
import { rubricFor } from '../shared/rubric.js';
import { prestartRestart, restartServer } from '../shared/restart.js';
import { interruptServer, observeStart, type ServingRun, traffic } from '../shared/serving.js';

// What every step of one submission's run needs to know.
interface RunContext extends ServingRun {
  readonly rubric: Rubric;
  readonly entryName: string;
  readonly spec: LaunchSpec;
  readonly workspace: Workspace;
  readonly mappedPort: number;
  readonly signal?: AbortSignal;
  // The launch runs Python with the grader's hook: its restart can be started ahead, held (shared/restart.ts).
  readonly holdable: boolean;
}

// Runs one UDP server submission through the lab's whole story and records what happened.
// Order matters: the SO_REUSEADDR bind-probe runs first, while no probe datagram can be in flight.
export async function observeUdpServer(submission: Submission, context: ScenarioContext): Promise<UdpServerObservations> {
  const { rubric } = context;
  await using prepared = await prepareRun(submission, { ...rubric.program, launch: rubric.launch }, context);
  if (prepared.kind !== 'ready') return withoutDisposal(prepared);
  const { entry, source, workspace, spec, mappedPort } = prepared;
  const run: RunContext = {
    rubric,
    entryName: entry.name,
    spec,
    workspace,
    mappedPort,
    bindAddresses: rubricFor(rubric, 'udp-server').program.bindAddresses,
    holdable: canHold(rubric.launch, entry.name),
    ...(context.signal ? { signal: context.signal } : {}),
  };
  const ran = { kind: 'ran', entry, source, labPort: rubric.program.port, mappedPort } as const;

  await using server = startStudentProcess(spec, context.signal);
  const start = await observeStart(server, run);
  if (start.kind !== 'bound') {
    await server.kill();
    return { ...ran, start, output: outputOf(server, workspace.dir) };
  }
  const live = await probeLiveServer(server, start, run);
  const output = outputOf(server, workspace.dir);
  return live.restartOutput
    ? { ...ran, start, live: live.observations, output, restartOutput: live.restartOutput }
    : { ...ran, start, live: live.observations, output };
}

async function probeLiveServer(
  server: StudentProcess,
  start: StartObservation & { kind: 'bound' },
  run: RunContext,
): Promise<{ observations: LiveObservations; restartOutput?: RunOutput }> {
  const { replyMs, interruptGraceMs, startupMs } = run.rubric.timeouts;
  // Only a server that bound gets here: its restart will most likely be needed.
  await using held = prestartRestart(run.spec, run.holdable, run.signal);
  const target = loopbackTarget(start.socket)!;
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
    return { observations: { reuseAddr, reply, manyClients, printedPayload, printedClient, interrupt, restart } };
  }
  await using again = await restartServer(held, run.spec, startupMs, run.signal);
  const restartStart = await observeStart(again, run);
  const restartTarget = restartStart.kind === 'bound' ? loopbackTarget(restartStart.socket) : undefined;
  const restartReply = restartTarget && (await traffic(again, run.entryName, restartTarget, [[payloads.restart]], replyMs));
  const restart: RestartObservation = restartReply
    ? { kind: 'ran', start: restartStart, reply: restartReply }
    : { kind: 'ran', start: restartStart };
  await interruptServer(again, interruptGraceMs, run.entryName);
  return {
    observations: { reuseAddr, reply, manyClients, printedPayload, printedClient, interrupt, restart },
    restartOutput: outputOf(again, run.workspace.dir),
  };
}
