import type { Submission } from '../../discovery/submission.js';
import { entryPath } from '../../discovery/entry-file.js';
import { message, type Message } from '../../messages/translate.js';
import { fail } from '../../scoring/outcome.js';
import type { SubmissionResult } from '../../scoring/result.js';
import { scoreChecks } from '../../scoring/score.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import type { ScenarioContext } from '../shared/context.js';
import { isHttpServerCheckId } from './check-ids.js';
import { httpServerChecks } from './checks.js';
import type { HttpServerObservations } from './observations.js';
import { observeHttpServer } from './scenario.js';

// submission -> observations -> verdicts -> score, for one HTTP server submission.
export async function gradeHttpServer(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'http-server');
  const observed = await observeHttpServer(submission, context);
  return httpServerResult(submission, rubric, observed, performance.now() - started);
}

export function httpServerResult(
  submission: Submission,
  rubric: RubricFor<'http-server'>,
  observed: HttpServerObservations,
  durationMs: number,
): SubmissionResult {
  const scored = scoreChecks(rubric, (id) => (isHttpServerCheckId(id) ? httpServerChecks[id](observed, rubric) : fail(message('skipped.no-entry'))));
  const base = { id: submission.id, notes: notesOf(observed, rubric), ...scored, durationMs };
  if (observed.kind === 'no-entry') return base;
  const withEntry = { ...base, entry: observed.entry.name, entryPath: entryPath(submission, observed.entry.name) };
  if (observed.kind !== 'ran') return withEntry;
  // restartOutput: the second run, started for Ctrl+C when the first one had stopped during the requests.
  return observed.restartOutput
    ? { ...withEntry, output: observed.output, restartOutput: observed.restartOutput }
    : { ...withEntry, output: observed.output };
}

function notesOf(observed: HttpServerObservations, rubric: RubricFor<'http-server'>): Message[] {
  if (observed.kind === 'no-entry' || observed.entry.kind !== 'substitute') return [];
  return [message(`entry.substitute.${observed.entry.why}`, { name: observed.entry.name, expected: rubric.program.entry })];
}
