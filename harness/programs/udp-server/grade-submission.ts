import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isUdpServerCheckId } from './check-ids.js';
import { udpServerChecks } from './checks.js';
import { observeUdpServer } from './scenario.js';

// submission -> observations -> verdicts -> score, for one UDP server submission.
export async function gradeUdpServer(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'udp-server');
  const observed = await observeUdpServer(submission, context);
  const judge = (id: string) => (isUdpServerCheckId(id) ? udpServerChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
