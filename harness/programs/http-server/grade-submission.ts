import type { Submission } from '../../discovery/submission.js';
import type { SubmissionResult } from '../../scoring/result.js';
import type { ScenarioContext } from '../shared/context.js';
import { programResult } from '../shared/program-result.js';
import { rubricFor } from '../shared/rubric.js';
import { isHttpServerCheckId } from './check-ids.js';
import { httpServerChecks } from './checks.js';
import { observeHttpServer } from './scenario.js';

// submission -> observations -> verdicts -> score, for one HTTP server submission.
export async function gradeHttpServer(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'http-server');
  const observed = await observeHttpServer(submission, context);
  const judge = (id: string) => (isHttpServerCheckId(id) ? httpServerChecks[id](observed, rubric) : undefined);
  return programResult(submission, rubric, observed, judge, performance.now() - started);
}
