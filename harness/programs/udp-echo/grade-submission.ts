import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isUdpEchoCheckId } from './check-ids.js';
import { udpEchoChecks } from './checks.js';
import { observeUdpEcho } from './scenario.js';

// submission -> observations -> verdicts -> score, for one UDP echo server submission.
export async function gradeUdpEcho(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'udp-echo');
  const observed = await observeUdpEcho(submission, context);
  const judge = (id: string) => (isUdpEchoCheckId(id) ? udpEchoChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
