import type { Submission } from '../../discovery/submission.js';
import { entryPath } from '../../discovery/entry-file.js';
import { message, type Message } from '../../messages/translate.js';
import { fail } from '../../scoring/outcome.js';
import type { SubmissionResult } from '../../scoring/result.js';
import { scoreChecks } from '../../scoring/score.js';
import type { ScenarioContext } from '../shared/context.js';
import { type RubricFor, rubricFor } from '../shared/rubric.js';
import { isUdpRttClientCheckId } from './check-ids.js';
import { udpRttClientChecks } from './checks.js';
import type { UdpRttClientObservations } from './observations.js';
import { observeUdpRttClient } from './scenario.js';

// submission -> observations -> verdicts -> score, for one RTT client submission.
export async function gradeUdpRttClient(submission: Submission, context: ScenarioContext): Promise<SubmissionResult> {
  const started = performance.now();
  const rubric = rubricFor(context.rubric, 'udp-rtt-client');
  const observed = await observeUdpRttClient(submission, context);
  return udpRttClientResult(submission, rubric, observed, performance.now() - started);
}

export function udpRttClientResult(
  submission: Submission,
  rubric: RubricFor<'udp-rtt-client'>,
  observed: UdpRttClientObservations,
  durationMs: number,
): SubmissionResult {
  const scored = scoreChecks(rubric, (id) =>
    isUdpRttClientCheckId(id) ? udpRttClientChecks[id](observed, rubric) : fail(message('skipped.no-entry')),
  );
  const base = { id: submission.id, notes: notesOf(observed, rubric), ...scored, durationMs };
  if (observed.kind === 'no-entry') return base;
  const withEntry = { ...base, entry: observed.entry.name, entryPath: entryPath(submission, observed.entry.name) };
  // The report shows the measured run's output; the late-echo run is summed up in its check's message.
  return observed.kind === 'ran' ? { ...withEntry, output: observed.output } : withEntry;
}

function notesOf(observed: UdpRttClientObservations, rubric: RubricFor<'udp-rtt-client'>): Message[] {
  if (observed.kind === 'no-entry' || observed.entry.kind !== 'substitute') return [];
  return [message(`entry.substitute.${observed.entry.why}`, { name: observed.entry.name, expected: rubric.program.entry })];
}
