import pTimeout from 'p-timeout';
import { readBindLog, type RequestedBind } from '../../launch/bind-log.js';
import { watchFileChanges } from '../../launch/file-changes.js';
import { waitUntilIdle } from '../../launch/idle.js';
import type { BoundSocket } from '../../launch/proc-sockets.js';
import type { StudentProcess } from '../../launch/student-process.js';
import { waitForBind } from '../../launch/wait-bound.js';
import { waitAtMost } from '../../launch/wait-at-most.js';
import { exchangeDatagrams, loopbackTarget, type UdpTarget } from '../../probes/udp.js';
import { deathOf } from './launch.js';
import { acceptedAddresses } from './server-verdicts.js';
import type { InterruptObservation, StartObservation, TrafficObservation } from './serving-observations.js';
import { now } from '../../clock.js';

// The steps every server's scenario takes: wait for its socket, exchange datagrams (UDP), Ctrl+C.

// What those steps need to know of one run.
export interface ServingRun {
  // What the server's socket must be: an unconnected UDP socket (the default), or a listening TCP socket.
  readonly protocol?: 'udp' | 'tcp';
  readonly rubric: { readonly timeouts: { readonly startupMs: number } };
  readonly entryName: string;
  // The free port the lab's port is mapped to for this run.
  readonly mappedPort: number;
  readonly workspace: { readonly bindLog: string };
  // Where the rubric wants the socket bound. A socket on the mapped port but elsewhere gets a report that
  // names the host the code wrote, so the hook's log line is waited for (see requestedBind).
  readonly bindAddresses?: readonly string[];
}

// Waits for the server's socket: bound (reachable over loopback or not), died, or the startup deadline.
export async function observeStart(server: StudentProcess, run: ServingRun): Promise<StartObservation> {
  const deadlineMs = run.rubric.timeouts.startupMs;
  // The hooks log each bind just after it: their log wakes the wait, instead of reading /proc every 2 ms.
  const wait = await waitForBind(server, run.protocol ?? 'udp', deadlineMs, run.workspace.bindLog);
  if (wait.kind === 'exited') return { kind: 'died', death: deathOf(server, run.entryName) };
  if (wait.kind === 'timeout') return { kind: 'timeout', deadlineMs, otherSockets: wait.otherSockets };
  // Prefer the socket on the mapped port: that is the one the lab's port became.
  const socket = wait.sockets.find((candidate) => candidate.port === run.mappedPort) ?? wait.sockets[0]!;
  const requested = await requestedBind(run, socket);
  const base = requested ? { socket, requested } : { socket };
  const target = loopbackTarget(socket);
  return target ? { kind: 'bound', ...base, target, afterMs: wait.afterMs } : { kind: 'unreachable', ...base };
}

// What the code asked bind() for. The hook logs it just after bind() returns, so /proc can show the socket
// a moment before the line exists: wait for the line when a report will show it (another port, or the
// mapped port at an address the rubric does not accept), so the message never depends on timing. On the
// mapped port at an accepted address nothing needs it (and a program without the Python hook writes none).
async function requestedBind(run: ServingRun, socket: BoundSocket): Promise<RequestedBind | undefined> {
  const needed =
    socket.port !== run.mappedPort || (run.bindAddresses !== undefined && !acceptedAddresses(run.bindAddresses).includes(socket.address));
  const started = now();
  // Watched before the first read: a line written in between still wakes the wait.
  using written = needed ? watchFileChanges(run.workspace.bindLog) : undefined;
  for (;;) {
    const found = (await readBindLog(run.workspace.bindLog)).findLast((bind) => bind.actual === socket.port);
    const leftMs = bindLogDeadlineMs - (now() - started);
    if (found || !needed || leftMs <= 0) return found;
    await waitAtMost(Math.min(written ? unwatchedReadMs : 2, leftMs), ...(written ? [written.next()] : []));
  }
}

const bindLogDeadlineMs = 1000;
// With the log watched, a read this often only covers a change the watch could miss.
const unwatchedReadMs = 50;

// Sends each client's datagrams and notes if the server died on the way.
export async function traffic(
  server: StudentProcess,
  entryName: string,
  target: UdpTarget,
  clientPayloads: readonly (readonly Buffer[])[],
  deadlineMs: number,
  onClientPorts?: (port: number) => void,
): Promise<TrafficObservation> {
  const clients = await exchangeDatagrams(
    target,
    clientPayloads.map((list) => ({ payloads: list })),
    deadlineMs,
    server.exited,
    onClientPorts,
  );
  return server.exitStatus() ? { clients, deadlineMs, death: deathOf(server, entryName) } : { clients, deadlineMs };
}

// How long a server may take, after an exchange, to block for its next request or to finish exiting.
const settleDeadlineMs = 500;

// After an exchange the server either waits for its next request or is on its way out (a server that
// exits after one reply): wait for one of the two, so whether the next probe finds it running never
// depends on timing. Only the program's first process counts: a helper it started (tsx's esbuild, for the
// reference) may block in a call that is not a wait for requests.
export async function settle(server: StudentProcess): Promise<void> {
  await waitUntilIdle(() => server.programPids().slice(0, 1), settleDeadlineMs);
  if (!server.exitStatus() && server.programPids().length === 0) await server.exited;
}

// How long Ctrl+C may wait for the server to finish what it is doing and block again.
const idleDeadlineMs = 200;

// Ctrl+C, then the grace period; a server still running after it is killed.
// `onInterrupt` runs just before the signal is sent (to mark where the output after Ctrl+C begins).
export async function interruptServer(
  server: StudentProcess,
  graceMs: number,
  entryName: string,
  onInterrupt?: () => void,
): Promise<InterruptObservation> {
  if (server.exitStatus()) return { kind: 'already-dead', death: deathOf(server, entryName) };
  await waitUntilIdle(() => server.programPids(), idleDeadlineMs);
  onInterrupt?.();
  const sentAt = now();
  server.interrupt();
  try {
    // The grace ends with the program's own exit; reading what it printed last is not its time.
    await pTimeout(server.processGone, { milliseconds: graceMs });
    const status = await server.exited;
    return { kind: 'stopped', status, afterMs: now() - sentAt };
  } catch {
    await server.kill();
    return { kind: 'ignored', graceMs };
  }
}
