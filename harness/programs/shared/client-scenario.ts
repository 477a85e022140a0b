import type { Submission } from '../../discovery/submission.js';
import type { RunOutput } from '../../launch/run-output.js';
import { type RequestedSend, readSendLog } from '../../launch/send-log.js';
import type { LaunchSpec } from '../../launch/student-process.js';
import type { ScenarioContext } from './context.js';
import type { ProgramObservations } from './observations.js';
import { prepareRun, withoutDisposal } from './prepare-run.js';
import { rubricFor } from './rubric.js';

// A client's story, UDP or TCP alike: the grader plays the server, twice.

// What every run of one client submission needs to know.
export interface ClientRunContext {
  readonly entryName: string;
  readonly spec: LaunchSpec;
  readonly workspaceDir: string;
  readonly mappedPort: number;
  // How long the grader's server waits for the client's first datagram or bytes.
  readonly startupMs: number;
  readonly signal?: AbortSignal;
}

// One run against the grader's server answering with `answer` (never, when undefined), ended after `endMs`.
export type RunClient<Run> = (run: ClientRunContext, answer: Buffer | undefined, endMs: number) => Promise<{ run: Run; output: RunOutput }>;

export type ClientObservations<Run> = ProgramObservations<{
  // The run against a server that answered with the rubric's reply; where else the code sent feeds messages only.
  readonly answered: Run & { readonly otherDestinations: readonly RequestedSend[] };
  // Run again against a server that never answers; only when something of the first run reached the server.
  readonly silent?: Run;
  readonly output: RunOutput;
}>;

// Runs one client submission twice with the grader as its server, and records what happened: first against a
// server that answers with the rubric's reply, then, if something reached it (`reached`), against a server that
// never answers (the lab's client then waits on recv until it is killed). The grader listens on 127.0.0.1 at the
// free port the lab's port is mapped to; sandboxed, this code runs in the slot worker, in the client's network
// namespace. The report shows the first run's output; the second run's end is in its check's message.
export async function observeClientTwice<Run extends object>(
  submission: Submission,
  context: ScenarioContext,
  kind: 'udp-client' | 'tcp-client',
  runClient: RunClient<Run>,
  reached: (run: Run) => boolean,
): Promise<ClientObservations<Run>> {
  const rubric = rubricFor(context.rubric, kind);
  const program = { ...rubric.program, launch: rubric.launch, ...(kind === 'tcp-client' ? { tcp: true } : {}) };
  await using prepared = await prepareRun(submission, program, context);
  if (prepared.kind !== 'ready') return withoutDisposal(prepared);
  const { entry, source, workspace, spec, mappedPort } = prepared;
  const run: ClientRunContext = {
    entryName: entry.name,
    spec,
    workspaceDir: workspace.dir,
    mappedPort,
    startupMs: rubric.timeouts.startupMs,
    ...(context.signal ? { signal: context.signal } : {}),
  };

  const first = await runClient(run, Buffer.from(rubric.program.reply), rubric.timeouts.replyMs);
  const otherDestinations = (await readSendLog(workspace.bindLog)).filter((send) => send.port !== rubric.program.port);
  const answered = { ...first.run, otherDestinations };
  const ran = { kind: 'ran', entry, source, labPort: rubric.program.port, mappedPort, answered, output: first.output } as const;
  if (!reached(first.run)) return ran;
  const silent = await runClient(run, undefined, rubric.program.silenceMs);
  return { ...ran, silent: silent.run };
}
