import { message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { errorText, statusText } from '../shared/launch.js';
import type { RubricFor } from '../shared/rubric.js';
import type { RttClientRun } from './observations.js';
import { lostPings, measuredRunPlan } from './relay-plan.js';

type Rubric = RubricFor<'udp-rtt-client'>;

// After each lost echo the client waits about timeoutMs, then sends the next ping.
export function judgeLosses(run: RttClientRun, rubric: Rubric): CheckOutcome {
  const { timeoutMs, tolerances, relay } = rubric.program;
  const lost = lostPings(measuredRunPlan(rubric.program), run.pings.length);
  const firstDropped = Math.min(...relay.droppedPings);
  if (lost.length === 0) return blocked(message('rtt.loss.none-reached', { ping: firstDropped }));
  const atLoss = stoppedAtLoss(run, rubric);
  if (atLoss !== undefined) return stoppedAt(run, atLoss);
  // Measured waits never show in a message, only the bounds: the same client always gets the same sentence.
  const earliest = timeoutMs - tolerances.timeoutEarlyMs;
  const latest = timeoutMs + tolerances.timeoutLateMs;
  for (const ping of lost) {
    const waitedMs = run.pings[ping]!.atMs - run.pings[ping - 1]!.atMs;
    if (waitedMs < earliest) return fail(message('rtt.loss.too-early', { ping, bound: earliest / 1000, expected: timeoutMs / 1000 }));
    if (waitedMs > latest) return fail(message('rtt.loss.too-late', { ping, bound: latest / 1000, expected: timeoutMs / 1000 }));
  }
  return pass(message('rtt.loss.ok', { pings: lost.join(', '), seconds: timeoutMs / 1000 }));
}

// How the client stopped at a lost echo: hung (and was stopped), crashed, or exited.
function stoppedAt(run: RttClientRun, ping: number): CheckOutcome {
  const { end } = run;
  if (end.kind === 'stalled' || end.kind === 'overtime' || end.kind === 'no-ping') {
    const ms = end.kind === 'stalled' ? end.stallMs : end.deadlineMs;
    return fail(message('rtt.loss.hangs', { ping, seconds: ms / 1000 }));
  }
  return end.death.error
    ? fail(message('rtt.loss.crashed', { ping, status: statusText(end.death), error: errorText(end.death) }), {
        kind: 'python-error',
        error: end.death.error,
      })
    : fail(message('rtt.loss.gave-up', { ping, status: statusText(end.death) }));
}

// The ping whose lost echo the client stopped at (hung, crashed or gave up there), if it did.
export function stoppedAtLoss(run: RttClientRun, rubric: Rubric): number | undefined {
  const last = run.pings.length;
  const endedWell = run.end.kind === 'exited' && run.end.death.status.code === 0 && last === rubric.program.count;
  if (last === 0 || endedWell) return undefined;
  return measuredRunPlan(rubric.program).fateOf(last).kind === 'drop' ? last : undefined;
}
