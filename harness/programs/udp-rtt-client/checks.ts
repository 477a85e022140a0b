import { message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { errorText, statusText } from '../shared/launch.js';
import { judgeShebang, withLines, quote } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import type { UdpRttClientCheckId } from './check-ids.js';
import type { RttClientRun, UdpRttClientObservations } from './observations.js';
import { lateEchoRunPlan, lostPings, measuredRunPlan } from './relay-plan.js';
import { judgeCounts } from './judge-counts.js';
import { judgeLosses, stoppedAtLoss } from './judge-losses.js';
import { judgePings } from './judge-pings.js';
import { judgeRttFigures } from './judge-rtt.js';
import { readSummary } from './summary.js';

type Rubric = RubricFor<'udp-rtt-client'>;
type Ran = UdpRttClientObservations & { kind: 'ran' };
type Judge = (observed: UdpRttClientObservations, rubric: Rubric) => CheckOutcome;

// The lines of a client's file a failed check is about, when the failure is not a crash with its own line.
const involvedCall: Partial<Record<UdpRttClientCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  pings: [/\.(sendto|connect)\s*\(/],
  'handles-loss': [/\.settimeout\s*\(/, /\.recv(from)?\s*\(/],
  counts: [/\bprint\s*\(.*(Envoy|Re[\u00e7c]u|Perte)/i],
  rtt: [/\bprint\s*\(.*RTT/i],
  'late-echo': [/\.recv(from)?\s*\(/],
};

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const udpRttClientChecks: Record<UdpRttClientCheckId, Judge> = withLines(judgeVerdicts(), involvedCall);

function judgeVerdicts(): Record<UdpRttClientCheckId, Judge> {
  return {
    shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),
    pings: judgePings,
    'handles-loss': (observed, rubric) => withPings(observed, (ran) => judgeLosses(ran.measured, rubric)),
    counts: (observed, rubric) => withFinishedRun(observed, rubric, (ran) => judgeCounts(ran.measured, rubric, ran.source)),
    rtt: (observed, rubric) =>
      withFinishedRun(observed, rubric, (ran) => judgeRttFigures(ran.measured, rubric, measuredRunPlan(rubric.program))),
    finishes: (observed, rubric) => withFinishedRun(observed, rubric, (ran) => judgeEnd(ran.measured)),
    'late-echo': (observed, rubric) => withPings(observed, (ran) => judgeLateEcho(ran, rubric)),
  };
}

// The client ended by itself with code 0 after its last ping.
function judgeEnd(run: RttClientRun): CheckOutcome {
  const { end } = run;
  switch (end.kind) {
    case 'exited':
      if (end.death.status.code === 0) return pass(message('rtt.finishes.ok'));
      return end.death.error
        ? fail(message('rtt.finishes.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
            kind: 'python-error',
            error: end.death.error,
          })
        : fail(message('rtt.finishes.status', { status: statusText(end.death) }));
    case 'stalled':
      return fail(message('rtt.finishes.stalled', { ping: run.pings.length, seconds: end.stallMs / 1000 }));
    case 'overtime':
      return fail(message('rtt.finishes.overtime', { seconds: end.deadlineMs / 1000 }));
    case 'no-ping':
      return blocked(message('skipped.no-datagram'));
  }
}

// Second run: a late echo must not be taken for the next ping's reply, so the losses stay right.
function judgeLateEcho(ran: Ran, rubric: Rubric): CheckOutcome {
  const plan = rubric.program.lateEcho;
  if (!plan) return blocked(message('rtt.late.not-configured'));
  const run = ran.lateEcho;
  if (!run) return blocked(message('rtt.late.not-run'));
  const params = { late: plan.latePing, next: plan.latePing + 1, dropped: plan.droppedPing, label: rubric.program.labels.lost };
  if (run.end.kind !== 'exited' || run.end.death.status.code !== 0) {
    return fail(message('rtt.late.stopped', { ...params, why: endText(run) }));
  }
  const { lost } = readSummary(run.stdout, rubric.program.labels);
  if (lost === undefined) return blocked(message('rtt.late.no-count', { label: quote(rubric.program.labels.lost) }));
  const expected = lostPings(lateEchoRunPlan(rubric.program, plan), run.pings.length).length;
  if (lost === expected) return pass(message('rtt.late.ok', { ...params, lost }));
  if (lost === expected - 1) return fail(message('rtt.late.taken', { ...params, printed: lost, expected }));
  return fail(message('rtt.late.wrong', { ...params, printed: lost, expected }));
}

// How a run that did not exit with code 0 ended, in the words of the finishes check.
function endText(run: RttClientRun) {
  return judgeEnd(run).reason;
}

// Checks about the whole run need pings, and a run that did not stop at a lost echo (handles-loss says why).
function withFinishedRun(observed: UdpRttClientObservations, rubric: Rubric, judge: (ran: Ran) => CheckOutcome): CheckOutcome {
  return withPings(observed, (ran) => {
    const atLoss = stoppedAtLoss(ran.measured, rubric);
    return atLoss === undefined ? judge(ran) : blocked(message('rtt.skipped.stopped-at-loss', { ping: atLoss }));
  });
}

function withPings(observed: UdpRttClientObservations, judge: (ran: Ran) => CheckOutcome): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind !== 'ran' || observed.measured.pings.length === 0) return blocked(message('skipped.no-datagram'));
  return judge(observed);
}
