import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isTcpClientCheckId } from './check-ids.js';
import { tcpClientChecks } from './checks.js';
import { observeTcpClient } from './scenario.js';

// submission -> observations -> verdicts -> score, for one TCP client submission. The report shows the run
// against the answering server; the silent run's end is in handles-silence's message.
export async function gradeTcpClient(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'tcp-client');
  const observed = await observeTcpClient(submission, context);
  const judge = (id: string) => (isTcpClientCheckId(id) ? tcpClientChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
