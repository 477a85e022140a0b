import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isUdpRttClientCheckId } from './check-ids.js';
import { udpRttClientChecks } from './checks.js';
import { observeUdpRttClient } from './scenario.js';

// submission -> observations -> verdicts -> score, for one RTT client submission.
export async function gradeUdpRttClient(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'udp-rtt-client');
  const observed = await observeUdpRttClient(submission, context);
  const judge = (id: string) => (isUdpRttClientCheckId(id) ? udpRttClientChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
