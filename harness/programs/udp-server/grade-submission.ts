import { message, type Message } from '../../messages/translate.js';
import { isUdpServerCheckId } from './check-ids.js';
import type { Rubric } from '../../rubric/schema.js';
import { fail } from '../../scoring/outcome.js';
import type { SubmissionResult } from '../../scoring/result.js';
import { scoreChecks } from '../../scoring/score.js';
import type { Submission } from '../../discovery/submission.js';
import { entryPath } from '../../discovery/entry-file.js';
import { udpServerChecks } from './checks.js';
import type { UdpServerObservations } from './observations.js';
import type { ScenarioContext } from '../shared/context.js';
import { observeUdpServer } from './scenario.js';
import { rubricFor } from '../shared/rubric.js';

// submission -> observations -> verdicts -> score, for one UDP server submission.
export async function gradeUdpServer(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const observed = await observeUdpServer(submission, context);
  return resultFromObservations(submission, context.rubric, observed, performance.now() - started);
}

export function resultFromObservations(
  submission: Submission,
  rubric: Rubric,
  observed: UdpServerObservations,
  durationMs: number,
): SubmissionResult {
  const serverRubric = rubricFor(rubric, 'udp-server');
  const scored = scoreChecks(rubric, (id) =>
    isUdpServerCheckId(id) ? udpServerChecks[id](observed, serverRubric) : fail(message('skipped.no-entry')),
  );
  const base = { id: submission.id, notes: notesOf(observed, rubric), ...scored, durationMs };
  if (observed.kind === 'no-entry') return base;
  const withEntry = { ...base, entry: observed.entry.name, entryPath: entryPath(submission, observed.entry.name) };
  if (observed.kind !== 'ran') return withEntry;
  return observed.restartOutput
    ? { ...withEntry, output: observed.output, restartOutput: observed.restartOutput }
    : { ...withEntry, output: observed.output };
}

function notesOf(observed: UdpServerObservations, rubric: Rubric): Message[] {
  if (observed.kind === 'no-entry' || observed.entry.kind !== 'substitute') return [];
  return [message(`entry.substitute.${observed.entry.why}`, { name: observed.entry.name, expected: rubric.program.entry })];
}
