import { pythonBytesLiteral } from '../../format/bytes.js';
import { message } from '../../messages/translate.js';
import { firstLineMatching } from '../../python/source-lines.js';
import { atLine, blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { errorText, statusText } from '../shared/launch.js';
import { judgeShebang, pointingAtLine as lineOfFailure, quote } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import type { UdpRttClientCheckId } from './check-ids.js';
import type { RttClientRun, UdpRttClientObservations } from './observations.js';
import { lateEchoRunPlan, lostPings, measuredRunPlan } from './relay-plan.js';
import { judgeRttFigures } from './rtt-figures.js';
import { readSummary } from './summary.js';

type Rubric = RubricFor<'udp-rtt-client'>;
type Ran = UdpRttClientObservations & { kind: 'ran' };
type Judge = (observed: UdpRttClientObservations, rubric: Rubric) => CheckOutcome;

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const udpRttClientChecks: Record<UdpRttClientCheckId, Judge> = Object.fromEntries(
  Object.entries(judgeVerdicts()).map(([id, judge]) => [id, pointingAtLine(id as UdpRttClientCheckId, judge)]),
) as Record<UdpRttClientCheckId, Judge>;

// The lines of a client's file a failed check is about, when the failure is not a crash with its own line.
const involvedCall: Partial<Record<UdpRttClientCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  pings: [/\.(sendto|connect)\s*\(/],
  'handles-loss': [/\.settimeout\s*\(/, /\.recv(from)?\s*\(/],
  counts: [/\bprint\s*\(.*(Envoy|Re[çc]u|Perte)/i],
  rtt: [/\bprint\s*\(.*RTT/i],
  'late-echo': [/\.recv(from)?\s*\(/],
};

// A verdict that found its own line (the print of the wrong count) keeps it.
function pointingAtLine(id: UdpRttClientCheckId, judge: Judge): Judge {
  return (observed, rubric) => {
    const outcome = judge(observed, rubric);
    return outcome.line === undefined ? lineOfFailure(outcome, observed, involvedCall[id] ?? []) : outcome;
  };
}

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

function judgePings(observed: UdpRttClientObservations, rubric: Rubric): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
  const { pings } = observed.measured;
  const { count } = rubric.program;
  if (pings.length === 0) return noPing(observed, rubric);
  const payloads = pings.map((ping) => ping.payload);
  const second = payloads.findIndex((payload, i) => payloads.findIndex((other) => other.equals(payload)) < i);
  if (second >= 0) {
    const first = payloads.findIndex((other) => other.equals(payloads[second]!));
    return fail(message('rtt.pings.same', { first: first + 1, second: second + 1, payload: pythonBytesLiteral(payloads[second]!) }));
  }
  const unnumbered = firstUnnumbered(payloads);
  if (unnumbered !== undefined) {
    return fail(message('rtt.pings.unnumbered', { ping: unnumbered + 1, payload: pythonBytesLiteral(payloads[unnumbered]!) }));
  }
  if (pings.length === count) return pass(message('rtt.pings.ok', { count }));
  if (stoppedAtLoss(observed.measured, rubric) !== undefined) return pass(message('rtt.pings.until-loss', { sent: pings.length, count }));
  return fail(message('rtt.pings.count', { sent: pings.length, count }));
}

// Why no ping reached the server: a crash, a wrong port, an exit, or nothing within the startup deadline.
function noPing(observed: Ran, rubric: Rubric): CheckOutcome {
  const { end } = observed.measured;
  if (end.kind === 'exited' && end.death.error) {
    return fail(message('sends.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
      kind: 'python-error',
      error: end.death.error,
    });
  }
  const wrongPort = observed.otherDestinations[0];
  if (wrongPort) return fail(message('sends.wrong-port', { requested: wrongPort.port, expected: rubric.program.port }));
  if (end.kind === 'exited') return fail(message('sends.exited', { status: statusText(end.death) }));
  return fail(message('sends.none', { seconds: rubric.timeouts.startupMs / 1000 }));
}

// The index of the first payload without its sequence number (counted from 1, or from 0 for the whole
// run) as a number of its own; undefined when every payload has it.
function firstUnnumbered(payloads: readonly Buffer[]): number | undefined {
  const numbersOf = (payload: Buffer) => (payload.toString('latin1').match(/\d+/g) ?? []).map(Number);
  const missing = (base: number) => payloads.findIndex((payload, index) => !numbersOf(payload).includes(base + index));
  const fromOne = missing(1);
  if (fromOne < 0 || missing(0) < 0) return undefined;
  return fromOne;
}

// After each lost echo the client waits about timeoutMs, then sends the next ping.
function judgeLosses(run: RttClientRun, rubric: Rubric): CheckOutcome {
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
function stoppedAtLoss(run: RttClientRun, rubric: Rubric): number | undefined {
  const last = run.pings.length;
  const endedWell = run.end.kind === 'exited' && run.end.death.status.code === 0 && last === rubric.program.count;
  if (last === 0 || endedWell) return undefined;
  return measuredRunPlan(rubric.program).fateOf(last).kind === 'drop' ? last : undefined;
}

// The printed sent/received/lost counts equal what the grader's server did.
function judgeCounts(run: RttClientRun, rubric: Rubric, source: Buffer): CheckOutcome {
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
  return firstLineMatching(source, new RegExp(`print\\s*\\(.*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'));
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
