import { readFile } from 'node:fs/promises';
import pTimeout from 'p-timeout';
import type { Submission } from '../../discovery/submission.js';
import { chooseEntryFile, entryPath } from '../../discovery/entry-file.js';
import { readBindLog, type RequestedBind } from '../../launch/bind-log.js';
import { setTimeout as delay } from 'node:timers/promises';
import { type Toolchain, launchSpec } from '../../launch/command.js';
import { leasePort } from '../../launch/ports.js';
import { type LaunchSpec, type StudentProcess, startStudentProcess } from '../../launch/student-process.js';
import { waitForBind } from '../../launch/wait-bound.js';
import { waitUntilIdle } from '../../launch/idle.js';
import { createWorkspace, type Workspace } from '../../launch/workspace.js';
import { exchangeDatagrams, loopbackTarget, reuseAddrProbe, type UdpTarget } from '../../probes/udp.js';
import { parsePythonError } from '../../python/traceback.js';
import type { OutputExcerpt, RunOutput } from '../../launch/run-output.js';
import { type Limits, limitedLaunch } from '../../sandbox/limits.js';
import { giveWorkspaceTo, sandboxedLaunch, type StudentSandbox } from '../../sandbox/student-sandbox.js';
import type { Rubric } from '../../rubric/schema.js';
import type {
  Death,
  InterruptObservation,
  LiveObservations,
  RestartObservation,
  StartObservation,
  TrafficObservation,
  UdpServerObservations,
} from './observations.js';
import { payloads } from './payloads.js';

export interface ScenarioContext {
  readonly rubric: Rubric;
  readonly tools: Toolchain;
  // Absent: programs run unsandboxed (plain mode), in their own process group.
  readonly sandbox?: StudentSandbox;
  // Plain mode's resource limits, when prlimit exists.
  readonly plainLimits?: { readonly prlimit: string; readonly limits: Limits };
  // Fires when this submission must stop now (its deadline, or the user's Ctrl+C): programs are killed.
  readonly signal?: AbortSignal;
}

// What every step of one submission's run needs to know.
interface RunContext {
  readonly rubric: Rubric;
  readonly entryName: string;
  readonly spec: LaunchSpec;
  readonly workspace: Workspace;
  readonly mappedPort: number;
  readonly signal?: AbortSignal;
}

// Runs one UDP server submission through the lab's whole story and records what happened.
// Order matters: the SO_REUSEADDR bind-probe runs first, while no probe datagram can be in flight.
export async function observeUdpServer(submission: Submission, context: ScenarioContext): Promise<UdpServerObservations> {
  const { rubric } = context;
  const entry = await chooseEntryFile(submission, rubric.program.entry, Object.keys(rubric.launch));
  if (entry.kind === 'missing') return { kind: 'no-entry', expected: rubric.program.entry, candidates: entry.candidates };
  const source = await readFile(submission.file ?? entryPath(submission, entry.name));

  using lease = await leasePort();
  await using workspace = await createWorkspace(submission);
  const plain = launchSpec(rubric.launch, entry.name, workspace, new Map([[rubric.program.port, lease.port]]), context.tools);
  if (!plain) return { kind: 'no-launcher', entry, source };
  const spec = context.sandbox
    ? await confine(plain, workspace, context.sandbox)
    : context.plainLimits
      ? limitedLaunch(plain, context.plainLimits.prlimit, context.plainLimits.limits)
      : plain;
  const run: RunContext = { rubric, entryName: entry.name, spec, workspace, mappedPort: lease.port, ...(context.signal ? { signal: context.signal } : {}) };
  const ran = { kind: 'ran', entry, source, labPort: rubric.program.port, mappedPort: lease.port } as const;

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

async function confine(spec: LaunchSpec, workspace: Workspace, sandbox: StudentSandbox): Promise<LaunchSpec> {
  if (sandbox.uid !== undefined) await giveWorkspaceTo(workspace, sandbox.uid);
  return sandboxedLaunch(spec, workspace, sandbox);
}

async function observeStart(server: StudentProcess, run: RunContext): Promise<StartObservation> {
  const deadlineMs = run.rubric.timeouts.startupMs;
  const wait = await waitForBind(server, 'udp', deadlineMs);
  if (wait.kind === 'exited') return { kind: 'died', death: deathOf(server, run.entryName) };
  if (wait.kind === 'timeout') return { kind: 'timeout', deadlineMs, otherSockets: wait.otherSockets };
  // Prefer the socket on the mapped port: that is the one the lab's port became.
  const socket = wait.sockets.find((candidate) => candidate.port === run.mappedPort) ?? wait.sockets[0]!;
  const requested = await requestedBind(run, socket.port);
  const base = requested ? { socket, requested } : { socket };
  return loopbackTarget(socket) ? { kind: 'bound', ...base, afterMs: wait.afterMs } : { kind: 'unreachable', ...base };
}

// What the code asked bind() for. The hook logs it just after bind() returns, so /proc can show the socket
// a moment before the line exists: on the mapped port the answer is known, elsewhere wait for the line.
async function requestedBind(run: RunContext, port: number): Promise<RequestedBind | undefined> {
  const started = performance.now();
  for (;;) {
    const found = (await readBindLog(run.workspace.bindLog)).findLast((bind) => bind.actual === port);
    if (found || port === run.mappedPort || performance.now() - started > bindLogDeadlineMs) return found;
    await delay(2);
  }
}

const bindLogDeadlineMs = 1000;

async function probeLiveServer(
  server: StudentProcess,
  start: StartObservation & { kind: 'bound' },
  run: RunContext,
): Promise<{ observations: LiveObservations; restartOutput?: RunOutput }> {
  const { replyMs, interruptGraceMs } = run.rubric.timeouts;
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
  await using again = startStudentProcess(run.spec, run.signal);
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

// Sends each client's datagrams and notes if the server died on the way.
async function traffic(
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

// How long Ctrl+C may wait for the server to finish what it is doing and block again.
const idleDeadlineMs = 200;

// Ctrl+C, then the grace period; a server still running after it is killed.
async function interruptServer(server: StudentProcess, graceMs: number, entryName: string): Promise<InterruptObservation> {
  if (server.exitStatus()) return { kind: 'already-dead', death: deathOf(server, entryName) };
  await waitUntilIdle(() => server.programPids(), idleDeadlineMs);
  const sentAt = performance.now();
  server.interrupt();
  try {
    const status = await pTimeout(server.exited, { milliseconds: graceMs });
    return { kind: 'stopped', status, afterMs: performance.now() - sentAt };
  } catch {
    await server.kill();
    return { kind: 'ignored', graceMs };
  }
}

function deathOf(server: StudentProcess, entryName: string): Death {
  const status = server.exitStatus() ?? { code: null, signal: null };
  const { head, tail } = server.stderr.snapshot();
  const error = parsePythonError(`${head.toString('utf8')}\n${tail.toString('utf8')}`, entryName);
  return error ? { status, error } : { status };
}

// Tracebacks name the private copy (/tmp/grade-XXXX/work/...): shown relative, as in the student's own folder.
function outputOf(server: StudentProcess, workspaceDir: string): RunOutput {
  const relative = (excerpt: OutputExcerpt): OutputExcerpt => ({
    head: withoutPrefix(excerpt.head, `${workspaceDir}/`),
    tail: withoutPrefix(excerpt.tail, `${workspaceDir}/`),
    cutBytes: excerpt.cutBytes,
  });
  return { stdout: relative(server.stdout.snapshot()), stderr: relative(server.stderr.snapshot()) };
}

function withoutPrefix(bytes: Buffer, prefix: string): Buffer {
  const needle = Buffer.from(prefix);
  if (!bytes.includes(needle)) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
