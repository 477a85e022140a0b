import type { Submission } from '../../discovery/submission.js';
import { entryPath } from '../../discovery/entry-file.js';
import { message, type Message } from '../../messages/translate.js';
import { fail } from '../../scoring/outcome.js';
import type { SubmissionResult } from '../../scoring/result.js';
import { scoreChecks } from '../../scoring/score.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import type { ScenarioContext } from '../shared/context.js';
import { isUdpClientCheckId } from './check-ids.js';
import { udpClientChecks } from './checks.js';
import type { UdpClientObservations } from './observations.js';
import { observeUdpClient } from './scenario.js';

// submission -> observations -> verdicts -> score, for one UDP client submission.
export async function gradeUdpClient(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'udp-client');
  const observed = await observeUdpClient(submission, context);
  return udpClientResult(submission, rubric, observed, performance.now() - started);
}

export function udpClientResult(
  submission: Submission,
  rubric: RubricFor<'udp-client'>,
  observed: UdpClientObservations,
  durationMs: number,
): SubmissionResult {
  const scored = scoreChecks(rubric, (id) =>
    isUdpClientCheckId(id) ? udpClientChecks[id](observed, rubric) : fail(message('skipped.no-entry')),
  );
  const base = { id: submission.id, notes: notesOf(observed, rubric), ...scored, durationMs };
  if (observed.kind === 'no-entry') return base;
  const withEntry = { ...base, entry: observed.entry.name, entryPath: entryPath(submission, observed.entry.name) };
  // The report shows the run against the answering server; the silent run's end is in handles-silence's message.
  return observed.kind === 'ran' ? { ...withEntry, output: observed.output } : withEntry;
}

function notesOf(observed: UdpClientObservations, rubric: RubricFor<'udp-client'>): Message[] {
  if (observed.kind === 'no-entry' || observed.entry.kind !== 'substitute') return [];
  return [message(`entry.substitute.${observed.entry.why}`, { name: observed.entry.name, expected: rubric.program.entry })];
}
