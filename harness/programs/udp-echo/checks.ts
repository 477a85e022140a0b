import { explainDifference } from '../../format/byte-difference.js';
import { type Message, message } from '../../messages/translate.js';
import { calls } from '../../python/source-lines.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { RubricFor } from '../shared/rubric.js';
import {
  judgeBinds,
  judgeSingleReply,
  judgeStarts,
  skipped,
  startFailure,
  withDifference,
} from '../shared/server-verdicts.js';
import { judgeShebang, quote, withLines } from '../shared/program-verdicts.js';
import { type Death, errorText, statusText } from '../shared/launch.js';
import type { TrafficObservation } from '../shared/serving-observations.js';
import type { UdpEchoCheckId } from './check-ids.js';
import type { EchoLiveObservations, ProbeObservation, StopObservation, UdpEchoObservations } from './observations.js';

type Judge = (observed: UdpEchoObservations, rubric: RubricFor<'udp-echo'>) => CheckOutcome;

// The call of the student's file a failed check is about, when the failure is not a crash with its own line.
const involvedCall: Record<UdpEchoCheckId, readonly RegExp[]> = {
  shebang: [/^/],
  starts: [],
  binds: [calls.bind],
  echo: [calls.sendto],
  // A datagram cut short is recvfrom's buffer size.
  'echo-sizes': [calls.recvfrom],
  'echo-binary': [/\.(?:decode|encode)\s*\(/, calls.sendto],
  'many-clients': [calls.sendto],
  'stops-cleanly': [/\bKeyboardInterrupt\b/],
};

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
const judges: Record<UdpEchoCheckId, Judge> = {
  shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),

  starts: (observed) => judgeStarts(observed),

  binds: (observed, rubric) => judgeBinds(observed, rubric.program.port, rubric.program.bindAddresses),

  echo: (observed) =>
    withProbe(observed, (live) => live.echo, (traffic) => judgeSingleReply(traffic, traffic.clients[0]?.sent[0] ?? Buffer.alloc(0))),

  'echo-sizes': (observed, rubric) => withProbe(observed, (live) => live.sizes, (traffic) => judgeSizes(traffic, rubric.program.maxPayload)),

  'echo-binary': (observed) => withProbe(observed, (live) => live.binary, judgeBinary),

  'many-clients': (observed) => withProbe(observed, (live) => live.manyClients, judgeManyClients),

  'stops-cleanly': (observed, rubric) => {
    if (observed.kind !== 'ran') return blocked(skipped(observed));
    if (observed.start.kind === 'unreachable') return blocked(message('skipped.unreachable'));
    if (!observed.live) return blocked(message('skipped.not-started'));
    return judgeStop(observed.live.stop, rubric.program.stopLine);
  },
};

export const udpEchoChecks: Record<UdpEchoCheckId, Judge> = withLines(judges, involvedCall);

// Each size came back whole; otherwise how many bytes came back for each, and the likely cause.
function judgeSizes(traffic: TrafficObservation, maxPayload: number): CheckOutcome {
  const results = traffic.clients.map((client) => ({ sent: client.sent[0] ?? Buffer.alloc(0), received: client.replies[0] }));
  const sizes = results.map(({ sent }) => sent.length).join(', ');
  if (results.every(({ sent, received }) => received?.equals(sent))) return pass(message('echo-sizes.ok', { sizes }));
  const lengths = results.map(({ sent, received }) => `${sent.length} → ${received ? received.length : '—'}`).join(', ');
  if (traffic.death?.error && results.some(({ received }) => !received)) {
    return fail(message('echo-sizes.died', { lengths, status: statusText(traffic.death), error: errorText(traffic.death) }), {
      kind: 'python-error',
      error: traffic.death.error,
    });
  }
  const failing = results.filter(({ sent, received }) => !received?.equals(sent));
  const cut = failing.map(({ sent, received }) => (received && received.length < sent.length && sent.subarray(0, received.length).equals(received) ? received.length : -1));
  // Every datagram that came back wrong came back cut to one same length, and nothing shorter was cut:
  // the buffer size given to recvfrom.
  const cutTo = cut[0]!;
  const shorterOnesWhole = results.every(({ sent, received }) => sent.length > cutTo || received?.equals(sent));
  if (cutTo > 0 && cut.every((length) => length === cutTo) && shorterOnesWhole) {
    return fail(message('echo-sizes.wrong-because', { lengths, why: message('echo-sizes.truncated', { got: cutTo, max: maxPayload }) }));
  }
  if (failing.some(({ received }) => !received)) {
    return fail(message('echo-sizes.wrong-because', { lengths, why: message('echo-sizes.no-reply', { ms: traffic.deadlineMs }) }));
  }
  const first = failing[0]!;
  const difference = first.received && explainDifference(first.sent, first.received);
  return difference ? fail(message('echo-sizes.wrong-because', { lengths, why: difference })) : fail(message('echo-sizes.wrong', { lengths }));
}

// Every byte value came back unchanged: a server that decodes and encodes text cannot do it.
function judgeBinary(traffic: TrafficObservation): CheckOutcome {
  const sent = traffic.clients[0]?.sent[0] ?? Buffer.alloc(0);
  const received = traffic.clients[0]?.replies[0];
  if (received?.equals(sent)) return pass(message('echo-binary.ok', { count: sent.length }));
  if (received) return fail(message('echo-binary.changed', { count: sent.length, got: received.length }), withDifference(sent, received));
  if (traffic.death) return stoppedOn(traffic.death);
  return fail(message('echo-binary.none', { count: sent.length, ms: traffic.deadlineMs }), { kind: 'bytes', expected: sent, received: undefined });
}

function stoppedOn(death: Death): CheckOutcome {
  return death.error
    ? fail(message('echo-binary.died', { status: statusText(death), error: errorText(death) }), { kind: 'python-error', error: death.error })
    : fail(message('echo-binary.exited', { status: statusText(death) }));
}

// Each client got as many datagrams as it sent, and none that another client sent. What the datagrams hold
// is the echo checks' business: this one is about answering each client at its own address.
function judgeManyClients(traffic: TrafficObservation): CheckOutcome {
  const { clients } = traffic;
  const each = Math.max(...clients.map((client) => client.sent.length));
  for (const [to, client] of clients.entries()) {
    for (const reply of client.replies) {
      if (client.sent.some((sent) => sent.equals(reply))) continue;
      const from = clients.findIndex((other, index) => index !== to && other.sent.some((sent) => sent.equals(reply)));
      if (from >= 0) return fail(message('many-clients.crossed', { to: to + 1, from: from + 1 }));
    }
  }
  const counts = clients.map((client) => client.replies.length).join(', ');
  if (clients.every((client) => client.replies.length >= client.sent.length)) return pass(message('many-clients.ok', { clients: clients.length, each }));
  if (traffic.death?.error) {
    return fail(message('many-clients.died', { counts, each, status: statusText(traffic.death), error: errorText(traffic.death) }), {
      kind: 'python-error',
      error: traffic.death.error,
    });
  }
  return fail(message('many-clients.missing', { counts, each }));
}

// Ctrl+C: the stop line, then exit code 0; an uncaught KeyboardInterrupt is named as such.
function judgeStop(stop: StopObservation, stopLine: string): CheckOutcome {
  if (stop.kind === 'no-relaunch') return fail(message('stops-cleanly.no-relaunch', { why: startFailure(stop.start) }));
  const again = stop.relaunched ? message('stops-cleanly.again') : '';
  if (stop.kind === 'already-dead') return fail(message('stops-cleanly.already-dead', { status: statusText(stop.death), again }));
  if (stop.kind === 'ignored') return fail(message('stops-cleanly.ignored', { seconds: stop.graceMs / 1000, again }));
  const { death } = stop;
  const line = quote(stopLine);
  const status = statusText(death);
  if (death.error?.type === 'KeyboardInterrupt') {
    return fail(message('stops-cleanly.traceback', { status, line, again }), { kind: 'python-error', error: death.error });
  }
  if (death.error) return fail(message('stops-cleanly.crashed', { status, error: errorText(death), again }), { kind: 'python-error', error: death.error });
  const printed = containsLoosely(stop.afterInterrupt.toString('utf8'), stopLine);
  const exitedZero = death.status.code === 0;
  if (printed && exitedZero) return pass(message('stops-cleanly.ok', { line, again }));
  if (exitedZero) return fail(message('stops-cleanly.no-stop-line', { line, again }));
  return printed ? fail(message('stops-cleanly.exit-status', { line, status, again })) : fail(message('stops-cleanly.wrong-exit', { line, status, again }));
}

// Case and accents aside: « arret du serveur » is the line the handout means by « Arrêt du serveur ».
function containsLoosely(text: string, needle: string): boolean {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return fold(text).includes(fold(needle));
}

// Checks that need a running server: anything else fails with the reason the probe could not run.
function withProbe(
  observed: UdpEchoObservations,
  pick: (live: EchoLiveObservations) => ProbeObservation,
  judge: (traffic: TrafficObservation) => CheckOutcome,
): CheckOutcome {
  if (observed.kind !== 'ran') return blocked(skipped(observed));
  if (observed.start.kind === 'unreachable') return blocked(message('skipped.unreachable'));
  if (!observed.live) return blocked(message('skipped.not-started'));
  const probe = pick(observed.live);
  if (probe.kind === 'server-gone') return blocked(serverGone(probe.death));
  return judge(probe.traffic);
}

function serverGone(death: Death): Message {
  return message('skipped.server-stopped', { status: statusText(death) });
}
