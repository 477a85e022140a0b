import type { Submission } from '../../discovery/submission.js';
import type { StudentProcess } from '../../launch/student-process.js';
import { exchangeHttp } from '../../probes/http.js';
import type { LoopbackTarget } from '../../probes/loopback.js';
import type { ScenarioContext } from '../shared/context.js';
import { deathOf } from '../shared/launch.js';
import { interruptServer, settle } from '../shared/serving.js';
import type { HttpLiveObservations, HttpServerObservations, RequestObservation, StopObservation } from './observations.js';
import { emptyRequest, garbageRequest, getRequest } from './requests.js';
import { observeServer, type ServerProbe, type ServerRun, stopOrRelaunch } from '../shared/server-scenario.js';
import type { InterruptObservation } from '../shared/serving-observations.js';

type RunContext = ServerRun<'http-server'>;

// Runs one HTTP server submission and records what happened: it listens, serves the page, answers an
// unknown path, gets two requests that are not HTTP and then the page again, then Ctrl+C. The requests go
// from the least to the most likely to kill a server; Ctrl+C goes to a second run when the first stopped.
export function observeHttpServer(submission: Submission, context: ScenarioContext): Promise<HttpServerObservations> {
  return observeServer(submission, context, 'http-server', serveRequests);
}

const serveRequests: ServerProbe<'http-server', HttpLiveObservations> = async (server, start, run) => {
  const { target } = start;
  const send = (request: Buffer, endAfterRequest = false) => requestOnce(server, run, target, request, endAfterRequest);
  const { homePath, missingPath } = run.rubric.program;
  const home = await send(getRequest(homePath));
  const missing = await send(getRequest(missingPath));
  const garbage = await send(garbageRequest);
  const empty = await send(emptyRequest, true);
  const after = await send(getRequest(homePath));
  // Whether Ctrl+C stops the server is judged apart from what stopped it during the requests.
  const stopped = await stopOrRelaunch(server, run, async (running, relaunched) =>
    stopOf(await interruptServer(running, run.rubric.timeouts.interruptGraceMs, run.entryName), relaunched),
  );
  const live: HttpLiveObservations = { home, missing, malformed: { garbage, empty, after }, stop: stopped.stop };
  return stopped.restartOutput ? { live, restartOutput: stopped.restartOutput } : { live };
};

// One connection and its request, unless the server has already stopped; then a wait until the server
// blocks again or has exited, so whether the next request finds it running never depends on timing.
async function requestOnce(
  server: StudentProcess,
  run: RunContext,
  target: LoopbackTarget,
  request: Buffer,
  endAfterRequest: boolean,
): Promise<RequestObservation> {
  if (server.exitStatus()) return { kind: 'server-gone', death: deathOf(server, run.entryName) };
  const { replyMs: deadlineMs } = run.rubric.timeouts;
  const exchange = await exchangeHttp(target, { request, endAfterRequest, deadlineMs, maxBytes: run.rubric.program.maxResponseBytes });
  await settle(server);
  return server.exitStatus() ? { kind: 'exchanged', exchange, death: deathOf(server, run.entryName) } : { kind: 'exchanged', exchange };
}

function stopOf(interrupt: InterruptObservation, relaunched: boolean): StopObservation {
  switch (interrupt.kind) {
    case 'stopped':
      return { kind: 'stopped', relaunched, afterMs: interrupt.afterMs };
    case 'ignored':
      return { kind: 'ignored', relaunched, graceMs: interrupt.graceMs };
    case 'already-dead':
      return { kind: 'already-dead', relaunched, death: interrupt.death };
  }
}
