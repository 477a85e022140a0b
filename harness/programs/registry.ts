import type { Submission } from '../discovery/submission.js';
import type { SubmissionResult } from '../scoring/result.js';
import type { ProgramKind } from './configs.js';
import type { TimeoutName } from '../rubric/schema.js';
import { udpServerCheckIds } from './udp-server/check-ids.js';
import { gradeUdpServer } from './udp-server/grade-submission.js';
import type { ScenarioContext } from './shared/context.js';
import { udpClientCheckIds } from './udp-client/check-ids.js';
import { gradeUdpClient } from './udp-client/grade-submission.js';
import { udpEchoCheckIds } from './udp-echo/check-ids.js';
import { gradeUdpEcho } from './udp-echo/grade-submission.js';
import { udpRttClientCheckIds } from './udp-rtt-client/check-ids.js';
import { gradeUdpRttClient } from './udp-rtt-client/grade-submission.js';
import { tcpServerCheckIds } from './tcp-server/check-ids.js';
import { gradeTcpServer } from './tcp-server/grade-submission.js';
import { tcpClientCheckIds } from './tcp-client/check-ids.js';
import { gradeTcpClient } from './tcp-client/grade-submission.js';
import { httpServerCheckIds } from './http-server/check-ids.js';
import { gradeHttpServer } from './http-server/grade-submission.js';

// What the harness knows of each kind of program: the checks a rubric may list, the timeouts its scenario
// reads (a rubric setting another one would expect an effect it never has), and how to grade one.
interface ProgramGrader {
  readonly checkIds: readonly string[];
  readonly timeouts: readonly TimeoutName[];
  grade(submission: Submission, context: ScenarioContext): Promise<SubmissionResult>;
}

export const programGraders: Record<ProgramKind, ProgramGrader> = {
  'udp-server': { checkIds: udpServerCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: gradeUdpServer },
  'udp-client': { checkIds: udpClientCheckIds, timeouts: ['startupMs', 'replyMs'], grade: gradeUdpClient },
  'udp-echo': { checkIds: udpEchoCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: gradeUdpEcho },
  'udp-rtt-client': { checkIds: udpRttClientCheckIds, timeouts: ['startupMs'], grade: gradeUdpRttClient },
  'tcp-server': { checkIds: tcpServerCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: gradeTcpServer },
  'tcp-client': { checkIds: tcpClientCheckIds, timeouts: ['startupMs', 'replyMs'], grade: gradeTcpClient },
  'http-server': { checkIds: httpServerCheckIds, timeouts: ['startupMs', 'replyMs', 'interruptGraceMs'], grade: gradeHttpServer },
};

// Grades a submission against its rubric, whatever kind of program the rubric describes.
export function gradeProgram(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  return programGraders[context.rubric.program.kind].grade(submission, context);
}
