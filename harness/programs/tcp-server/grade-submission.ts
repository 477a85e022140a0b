import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isTcpServerCheckId } from './check-ids.js';
import { tcpServerChecks } from './checks.js';
import { observeTcpServer } from './scenario.js';

// submission -> observations -> verdicts -> score, for one TCP server submission.
export async function gradeTcpServer(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'tcp-server');
  const observed = await observeTcpServer(submission, context);
  const judge = (id: string) => (isTcpServerCheckId(id) ? tcpServerChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
