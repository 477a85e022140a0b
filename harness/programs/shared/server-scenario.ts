import type { Submission } from '../../discovery/submission.js';
import { canHold } from '../../launch/command.js';
import type { RunOutput } from '../../launch/run-output.js';
import { type HeldProcess, type LaunchSpec, type StudentProcess, startHeldProcess, startStudentProcess } from '../../launch/student-process.js';
import type { Workspace } from '../../launch/workspace.js';
import type { ScenarioContext } from './context.js';
import { outputOf } from './launch.js';
import type { ProgramObservations } from './observations.js';
import { prepareRun, withoutDisposal } from './prepare-run.js';
import { type RubricFor, rubricFor } from './rubric.js';
import { observeStart, type ServingRun } from './serving.js';
import type { BoundStart, StartObservation } from './serving-observations.js';

// A server's story, whatever it serves: prepared, started, its socket waited for, then probed by its kind.

type ServerKind = 'udp-server' | 'udp-echo' | 'tcp-server' | 'http-server';

// What every step of one server submission's run needs to know (ServingRun: what the shared steps need).
export interface ServerRun<K extends ServerKind> extends ServingRun {
  readonly rubric: RubricFor<K>;
  readonly spec: LaunchSpec;
  readonly workspace: Workspace;
  readonly signal?: AbortSignal;
  // Kinds that restart the server: its restart, started with the first run and held (shared/restart.ts);
  // undefined when the launch cannot be held (restartServer then starts one).
  readonly heldRestart: HeldProcess | undefined;
}

// What a kind's probes of a server that started saw, and the output of a second run when there was one.
export interface Probed<Live> {
  readonly live: Live;
  readonly restartOutput?: RunOutput;
}

// A kind's probes of its server once it is bound and reachable over loopback (start.target).
export type ServerProbe<K extends ServerKind, Live> = (server: StudentProcess, start: BoundStart, run: ServerRun<K>) => Promise<Probed<Live>>;

export type ServerObservations<Live> = ProgramObservations<{
  readonly start: StartObservation;
  // Present only when the server's socket was reachable over loopback and the probes ran.
  readonly live?: Live;
  readonly output: RunOutput;
  readonly restartOutput?: RunOutput;
}>;

// TCP kinds wait for a listening socket, and get ports no TCP socket is left on.
const tcpKinds: readonly ServerKind[] = ['tcp-server', 'http-server'];
// Kinds whose story restarts the server after its Ctrl+C.
const restartingKinds: readonly ServerKind[] = ['udp-server', 'tcp-server'];

export async function observeServer<K extends ServerKind, Live>(
  submission: Submission,
  context: ScenarioContext,
  kind: K,
  probe: ServerProbe<K, Live>,
): Promise<ServerObservations<Live>> {
  const rubric = rubricFor(context.rubric, kind);
  // What every server's rubric has (its port, its bind addresses), read through the union of the kinds.
  const { program } = rubricFor<ServerKind>(context.rubric, kind);
  const tcp = tcpKinds.includes(kind);
  await using prepared = await prepareRun(submission, { ...program, launch: rubric.launch, ...(tcp ? { tcp } : {}) }, context);
  if (prepared.kind !== 'ready') return withoutDisposal(prepared);
  const { entry, source, workspace, spec, mappedPort } = prepared;
  await using server = await startStudentProcess(spec, context.signal);
  // Started right after the first run, so that the two interpreters' start-ups overlap; killed unless used.
  const holdable = restartingKinds.includes(kind) && canHold(rubric.launch, entry.name);
  await using heldRestart = holdable ? await startHeldProcess(spec, context.signal) : undefined;
  const run: ServerRun<K> = {
    ...(tcp ? { protocol: 'tcp' as const } : {}),
    rubric,
    entryName: entry.name,
    spec,
    workspace,
    mappedPort,
    bindAddresses: program.bindAddresses,
    heldRestart,
    ...(context.signal ? { signal: context.signal } : {}),
  };
  const ran = { kind: 'ran', entry, source, labPort: program.port, mappedPort } as const;

  const start = await observeStart(server, run);
  if (start.kind !== 'bound') {
    await server.kill();
    return { ...ran, start, output: outputOf(server, workspace.dir) };
  }
  const { live, restartOutput } = await probe(server, start, run);
  const output = outputOf(server, workspace.dir);
  return restartOutput ? { ...ran, start, live, output, restartOutput } : { ...ran, start, live, output };
}

// The first run had stopped during the probes, and its second run did not bind: nothing to press Ctrl+C on.
export interface NoRelaunch {
  readonly kind: 'no-relaunch';
  readonly start: StartObservation;
}

// Ctrl+C on the server, or on a second run of it when the first one stopped during the probes: what a
// server does on Ctrl+C is judged apart from what stopped it before. `interrupt`: the kind's Ctrl+C and
// what it reads of it.
export async function stopOrRelaunch<K extends ServerKind, Stop>(
  server: StudentProcess,
  run: ServerRun<K>,
  interrupt: (target: StudentProcess, relaunched: boolean) => Promise<Stop>,
): Promise<{ stop: Stop | NoRelaunch; restartOutput?: RunOutput }> {
  if (!server.exitStatus()) return { stop: await interrupt(server, false) };
  await using again = await startStudentProcess(run.spec, run.signal);
  const start = await observeStart(again, run);
  if (start.kind !== 'bound') {
    await again.kill();
    return { stop: { kind: 'no-relaunch', start }, restartOutput: outputOf(again, run.workspace.dir) };
  }
  return { stop: await interrupt(again, true), restartOutput: outputOf(again, run.workspace.dir) };
}
