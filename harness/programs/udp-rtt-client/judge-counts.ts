import { escapeRegExp } from '../../format/regexp.js';
import { message } from '../../messages/translate.js';
import { firstLineMatching } from '../../python/source-lines.js';
import { atLine, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { quote } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import type { RttClientRun } from './observations.js';
import { lostPings, measuredRunPlan } from './relay-plan.js';
import { readSummary } from './summary.js';

type Rubric = RubricFor<'udp-rtt-client'>;

// The printed sent/received/lost counts equal what the grader's server did.
export function judgeCounts(run: RttClientRun, rubric: Rubric, source: Buffer): CheckOutcome {
  const { labels } = rubric.program;
  const summary = readSummary(run.stdout, labels);
  const sent = run.pings.length;
  const lost = lostPings(measuredRunPlan(rubric.program), sent).length;
  const expected = { sent, received: sent - lost, lost };
  const missing = (['sent', 'received', 'lost'] as const).filter((key) => summary[key] === undefined);
  if (missing.length > 0) return fail(message('rtt.summary.missing', { labels: missing.map((key) => quote(labels[key])).join(', ') }));
  const shown = (values: Partial<Record<'sent' | 'received' | 'lost', number>>) =>
    `${labels.sent} ${values.sent}, ${labels.received} ${values.received}, ${labels.lost} ${values.lost}`;
  const wrong = (['sent', 'received', 'lost'] as const).find((key) => summary[key] !== expected[key]);
  if (wrong) {
    const dropped = lostPings(measuredRunPlan(rubric.program), sent).join(', ');
    const outcome = fail(message('rtt.counts.wrong', { printed: shown(summary), expected: shown(expected), dropped }));
    return atLine(outcome, printOf(source, labels[wrong]));
  }
  const percent = (100 * lost) / sent;
  if (summary.lostPercent !== undefined && Math.abs(summary.lostPercent - percent) >= 1) {
    const outcome = fail(message('rtt.counts.percent', { printed: summary.lostPercent, expected: Number(percent.toFixed(1)) }));
    return atLine(outcome, printOf(source, labels.lost));
  }
  return pass(message('rtt.counts.ok', expected));
}

// The line that prints a summary label, when the code writes the label as the rubric does.
function printOf(source: Buffer, label: string): number | undefined {
  return firstLineMatching(source, new RegExp(`print\\s*\\(.*${escapeRegExp(label)}`, 'i'));
}
