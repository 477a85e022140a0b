import type { Submission } from '../discovery/submission.js';
import type { SubmissionResult } from '../scoring/result.js';
import type { ProgramKind } from './configs.js';
import type { TimeoutName } from '../rubric/schema.js';
import type { ScenarioContext } from './shared/context.js';
import { programGrader } from './shared/program-result.js';
import { udpServerCheckIds } from './udp-server/check-ids.js';
import { udpClientCheckIds } from './udp-client/check-ids.js';
import { udpEchoCheckIds } from './udp-echo/check-ids.js';
import { udpRttClientCheckIds } from './udp-rtt-client/check-ids.js';
import { tcpServerCheckIds } from './tcp-server/check-ids.js';
import { tcpClientCheckIds } from './tcp-client/check-ids.js';
import { httpServerCheckIds } from './http-server/check-ids.js';

type Grade = (submission: Submission, context: ScenarioContext) => Promise<SubmissionResult>;

// What the harness knows of each kind of program: the checks a rubric may list, the timeouts its scenario
// reads (a rubric setting another one would expect an effect it never has), and how to grade one.
interface ProgramGrader {
  readonly checkIds: readonly string[];
  readonly timeouts: readonly TimeoutName[];
  // Its scenario and checks (and the probes they use), loaded on first use: a run grades one or two kinds, and
  // evaluating all seven cost every start of the CLI and of each slot ~2 ms.
  readonly load: () => Promise<Grade>;
}

export const programGraders: Record<ProgramKind, ProgramGrader> = {
  'udp-server': {
    checkIds: udpServerCheckIds,
    timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'],
    load: once(async () => programGrader('udp-server', (await import('./udp-server/scenario.js')).observeUdpServer, (await import('./udp-server/checks.js')).udpServerChecks)),
  },
  'udp-client': {
    checkIds: udpClientCheckIds,
    timeouts: ['startupMs', 'replyMs'],
    load: once(async () => programGrader('udp-client', (await import('./udp-client/scenario.js')).observeUdpClient, (await import('./udp-client/checks.js')).udpClientChecks)),
  },
  'udp-echo': {
    checkIds: udpEchoCheckIds,
    timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'],
    load: once(async () => programGrader('udp-echo', (await import('./udp-echo/scenario.js')).observeUdpEcho, (await import('./udp-echo/checks.js')).udpEchoChecks)),
  },
  'udp-rtt-client': {
    checkIds: udpRttClientCheckIds,
    timeouts: ['startupMs'],
    load: once(async () =>
      programGrader('udp-rtt-client', (await import('./udp-rtt-client/scenario.js')).observeUdpRttClient, (await import('./udp-rtt-client/checks.js')).udpRttClientChecks),
    ),
  },
  'tcp-server': {
    checkIds: tcpServerCheckIds,
    timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'],
    load: once(async () => programGrader('tcp-server', (await import('./tcp-server/scenario.js')).observeTcpServer, (await import('./tcp-server/checks.js')).tcpServerChecks)),
  },
  'tcp-client': {
    checkIds: tcpClientCheckIds,
    timeouts: ['startupMs', 'replyMs'],
    load: once(async () => programGrader('tcp-client', (await import('./tcp-client/scenario.js')).observeTcpClient, (await import('./tcp-client/checks.js')).tcpClientChecks)),
  },
  'http-server': {
    checkIds: httpServerCheckIds,
    timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'],
    load: once(async () => programGrader('http-server', (await import('./http-server/scenario.js')).observeHttpServer, (await import('./http-server/checks.js')).httpServerChecks)),
  },
};

// Grades a submission against its rubric, whatever kind of program the rubric describes.
export async function gradeProgram(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const grade = await programGraders[context.rubric.program.kind].load();
  return grade(submission, context);
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
