import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isUdpClientCheckId } from './check-ids.js';
import { udpClientChecks } from './checks.js';
import { observeUdpClient } from './scenario.js';

// submission -> observations -> verdicts -> score, for one UDP client submission.
export async function gradeUdpClient(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'udp-client');
  const observed = await observeUdpClient(submission, context);
  const judge = (id: string) => (isUdpClientCheckId(id) ? udpClientChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
