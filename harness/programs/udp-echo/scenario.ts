import type { Submission } from '../../discovery/submission.js';
import type { CapturedOutput } from '../../launch/captured-output.js';
import type { StudentProcess } from '../../launch/student-process.js';
import type { UdpTarget } from '../../probes/udp.js';
import { deathOf } from '../shared/launch.js';
import { interruptServer, settle, traffic } from '../shared/serving.js';
import type { ScenarioContext } from '../shared/context.js';
import type { EchoLiveObservations, ProbeObservation, StopObservation, UdpEchoObservations } from './observations.js';
import { echoSizes, payloads, sizedPayload } from './payloads.js';
import { observeServer, type ServerProbe, type ServerRun, stopOrRelaunch } from '../shared/server-scenario.js';

type RunContext = ServerRun<'udp-echo'>;

// Runs one UDP echo server submission and records what happened: it binds, echoes a text datagram, serves
// three clients, echoes each size up to the rubric's maximum, echoes binary bytes, then gets Ctrl+C.
// The probes go from the least to the most likely to kill a server (binary bytes crash a server that decodes
// text), so each probe tests one thing; Ctrl+C goes to a second run when the first has stopped.
export function observeUdpEcho(submission: Submission, context: ScenarioContext): Promise<UdpEchoObservations> {
  return observeServer(submission, context, 'udp-echo', probeEchoes);
}

const probeEchoes: ServerProbe<'udp-echo', EchoLiveObservations> = async (server, start, run) => {
  const { target } = start;
  const probe = (clientPayloads: readonly (readonly Buffer[])[]) => probeServer(server, run, target, clientPayloads);
  const echo = await probe([[payloads.echo]]);
  const manyClients = await probe(payloads.manyClients);
  const sizes = await probe(echoSizes(run.rubric.program.maxPayload).map((size) => [sizedPayload(size)]));
  const binary = await probe([[payloads.binary]]);
  const stopped = await stopOrRelaunch(server, run, (running, relaunched) => interruptAndWatch(running, run, relaunched));
  const live: EchoLiveObservations = { echo, manyClients, sizes, binary, stop: stopped.stop };
  return stopped.restartOutput ? { live, restartOutput: stopped.restartOutput } : { live };
};

// One probe: its datagrams, unless the server has already stopped.
async function probeServer(
  server: StudentProcess,
  run: RunContext,
  target: UdpTarget,
  clientPayloads: readonly (readonly Buffer[])[],
): Promise<ProbeObservation> {
  if (server.exitStatus()) return { kind: 'server-gone', death: deathOf(server, run.entryName) };
  const exchanged = await traffic(server, run.entryName, target, clientPayloads, run.rubric.timeouts.replyMs);
  await settle(server);
  return { kind: 'exchanged', traffic: exchanged };
}

// Ctrl+C, and what the server wrote from that moment on.
async function interruptAndWatch(server: StudentProcess, run: RunContext, relaunched: boolean): Promise<StopObservation> {
  let marks = { stdout: server.stdout.totalBytes, stderr: server.stderr.totalBytes };
  const markOutput = () => {
    marks = { stdout: server.stdout.totalBytes, stderr: server.stderr.totalBytes };
  };
  const interrupt = await interruptServer(server, run.rubric.timeouts.interruptGraceMs, run.entryName, markOutput);
  switch (interrupt.kind) {
    case 'already-dead':
      return { kind: 'already-dead', relaunched, death: interrupt.death };
    case 'ignored':
      return { kind: 'ignored', relaunched, graceMs: interrupt.graceMs };
    case 'stopped': {
      const afterInterrupt = Buffer.concat([outputSince(server.stdout, marks.stdout), outputSince(server.stderr, marks.stderr)]);
      return { kind: 'stopped', relaunched, death: deathOf(server, run.entryName), afterInterrupt, afterMs: interrupt.afterMs };
    }
  }
}

// The bytes a stream received after its first `offset` bytes, as far as they were kept.
function outputSince(output: CapturedOutput, offset: number): Buffer {
  const { head, tail, cutBytes } = output.snapshot();
  const tailStart = head.length + cutBytes;
  if (offset >= tailStart) return tail.subarray(offset - tailStart);
  // Never joined across a cut, which would invent text the program never printed: the end is what is left.
  return cutBytes === 0 ? Buffer.concat([head, tail]).subarray(offset) : tail;
}
