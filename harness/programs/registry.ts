import type { Submission } from '../discovery/submission.js';
import type { SubmissionResult } from '../scoring/result.js';
import type { ProgramKind } from './configs.js';
import type { TimeoutName } from '../rubric/schema.js';
import { udpServerCheckIds } from './udp-server/check-ids.js';
import { udpServerChecks } from './udp-server/checks.js';
import { observeUdpServer } from './udp-server/scenario.js';
import type { ScenarioContext } from './shared/context.js';
import { programGrader } from './shared/program-result.js';
import { udpClientCheckIds } from './udp-client/check-ids.js';
import { udpClientChecks } from './udp-client/checks.js';
import { observeUdpClient } from './udp-client/scenario.js';
import { udpEchoCheckIds } from './udp-echo/check-ids.js';
import { udpEchoChecks } from './udp-echo/checks.js';
import { observeUdpEcho } from './udp-echo/scenario.js';
import { udpRttClientCheckIds } from './udp-rtt-client/check-ids.js';
import { udpRttClientChecks } from './udp-rtt-client/checks.js';
import { observeUdpRttClient } from './udp-rtt-client/scenario.js';
import { tcpServerCheckIds } from './tcp-server/check-ids.js';
import { tcpServerChecks } from './tcp-server/checks.js';
import { observeTcpServer } from './tcp-server/scenario.js';
import { tcpClientCheckIds } from './tcp-client/check-ids.js';
import { tcpClientChecks } from './tcp-client/checks.js';
import { observeTcpClient } from './tcp-client/scenario.js';
import { httpServerCheckIds } from './http-server/check-ids.js';
import { httpServerChecks } from './http-server/checks.js';
import { observeHttpServer } from './http-server/scenario.js';

// What the harness knows of each kind of program: the checks a rubric may list, the timeouts its scenario
// reads (a rubric setting another one would expect an effect it never has), and how to grade one.
interface ProgramGrader {
  readonly checkIds: readonly string[];
  readonly timeouts: readonly TimeoutName[];
  grade(submission: Submission, context: ScenarioContext): Promise<SubmissionResult>;
}

export const programGraders: Record<ProgramKind, ProgramGrader> = {
  'udp-server': { checkIds: udpServerCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: programGrader('udp-server', observeUdpServer, udpServerChecks) },
  'udp-client': { checkIds: udpClientCheckIds, timeouts: ['startupMs', 'replyMs'], grade: programGrader('udp-client', observeUdpClient, udpClientChecks) },
  'udp-echo': { checkIds: udpEchoCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: programGrader('udp-echo', observeUdpEcho, udpEchoChecks) },
  'udp-rtt-client': { checkIds: udpRttClientCheckIds, timeouts: ['startupMs'], grade: programGrader('udp-rtt-client', observeUdpRttClient, udpRttClientChecks) },
  'tcp-server': { checkIds: tcpServerCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: programGrader('tcp-server', observeTcpServer, tcpServerChecks) },
  'tcp-client': { checkIds: tcpClientCheckIds, timeouts: ['startupMs', 'replyMs'], grade: programGrader('tcp-client', observeTcpClient, tcpClientChecks) },
  'http-server': { checkIds: httpServerCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: programGrader('http-server', observeHttpServer, httpServerChecks) },
};

// Grades a submission against its rubric, whatever kind of program the rubric describes.
export function gradeProgram(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  return programGraders[context.rubric.program.kind].grade(submission, context);
}
