import { pythonBytesLiteral } from '../../format/bytes.js';
import { type Message, message } from '../../messages/translate.js';
import type { UdpServerCheckId } from './check-ids.js';
import type { Rubric } from '../../rubric/schema.js';
import { atLine, blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { explainDifference } from '../../format/byte-difference.js';
import { calls, firstLineMatching } from '../../python/source-lines.js';
import type { Death, LiveObservations, StartObservation, TrafficObservation, UdpServerObservations } from './observations.js';

type Judge = (observed: UdpServerObservations, rubric: Rubric) => CheckOutcome;

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const udpServerChecks: Record<UdpServerCheckId, Judge> = Object.fromEntries(
  Object.entries(judgeVerdicts()).map(([id, judge]) => [id, pointingAtLine(id as UdpServerCheckId, judge)]),
) as Record<UdpServerCheckId, Judge>;

// The call of the student's file a failed check is about, when the failure is not a crash with its own line.
const involvedCall: Partial<Record<UdpServerCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  binds: [calls.bind],
  reply: [calls.sendto],
  'prints-message': [calls.recvfrom],
  'prints-client': [calls.recvfrom],
  'many-clients': [calls.sendto],
  reuseaddr: [calls.setsockopt, calls.bind],
};

function pointingAtLine(id: UdpServerCheckId, judge: Judge): Judge {
  return (observed, rubric) => {
    const outcome = judge(observed, rubric);
    if (outcome.passed || outcome.blocked || observed.kind === 'no-entry') return outcome;
    if (outcome.evidence?.kind === 'python-error') return atLine(outcome, outcome.evidence.error.line);
    const patterns = involvedCall[id] ?? [];
    const line = patterns.map((pattern) => firstLineMatching(observed.source, pattern)).find((found) => found !== undefined);
    return atLine(outcome, line);
  };
}

function judgeVerdicts(): Record<UdpServerCheckId, Judge> {
  return {
    shebang: (observed, rubric) => {
      if (observed.kind === 'no-entry') return fail(noEntry(observed));
      const text = observed.source.toString('utf8');
      if (text.length === 0) return fail(message('shebang.empty'));
      const line = text.split('\n')[0]!;
      const expected = rubric.program.shebang;
      return line === expected
        ? pass(message('shebang.ok', { line: quote(line) }))
        : fail(message('shebang.wrong', { line: quote(line), expected: quote(expected) }));
    },

    starts: (observed) => {
      if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
      if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
      const start = observed.start;
      switch (start.kind) {
        case 'bound':
          return pass(message('starts.ok'));
        case 'unreachable':
          return pass(message('starts.unreachable', { address: start.socket.address }));
        case 'died':
          return start.death.error
            ? fail(message('starts.crashed', { status: statusText(start.death), error: errorText(start.death) }), {
                kind: 'python-error',
                error: start.death.error,
              })
            : fail(message('starts.exited', { status: statusText(start.death) }));
        case 'timeout': {
          const seconds = start.deadlineMs / 1000;
          const tcp = start.otherSockets[0];
          return tcp
            ? fail(message('starts.timeout-tcp', { seconds, port: portAsWritten(observed, tcp.port) }))
            : fail(message('starts.timeout', { seconds }));
        }
      }
    },

    binds: (observed, rubric) => {
      if (observed.kind !== 'ran') return blocked(skipped(observed));
      const start = observed.start;
      if (start.kind !== 'bound' && start.kind !== 'unreachable') return blocked(message('skipped.not-started'));
      const expectedPort = rubric.program.port;
      if (start.socket.port !== observed.mappedPort) {
        return start.requested
          ? fail(message('binds.wrong-port', { requested: start.requested.port, expected: expectedPort }))
          : fail(message('binds.port-unknown', { expected: expectedPort }));
      }
      const allowed = acceptedAddresses(rubric.program.bindAddresses);
      if (!allowed.includes(start.socket.address)) {
        const address = start.requested?.host ? `${start.socket.address} (${quote(start.requested.host)})` : start.socket.address;
        return fail(message('binds.wrong-address', { address, expected: rubric.program.bindAddresses.join(', ') }));
      }
      return pass(message('binds.ok', { address: start.socket.address, port: expectedPort }));
    },

    reply: (observed, rubric) =>
      withLive(observed, (live) => {
        const expected = Buffer.from(rubric.program.reply);
        return judgeSingleReply(live.reply, expected);
      }),

    'prints-message': (observed) =>
      withLive(observed, (live) =>
        live.printedPayload
          ? pass(message('prints-message.ok'))
          : fail(message('prints-message.missing', { payload: quote(live.reply.clients[0]?.sent[0]?.toString() ?? '') })),
      ),

    'prints-client': (observed) =>
      withLive(observed, (live) => {
        const client = live.reply.clients[0];
        return live.printedClient || !client
          ? pass(message('prints-client.ok'))
          : fail(message('prints-client.missing', { address: client.localAddress }));
      }),

    'many-clients': (observed) =>
      withLive(observed, (live) => {
        const { clients } = live.manyClients;
        const each = Math.max(...clients.map((client) => client.sent.length));
        const complete = clients.every((client) => client.replies.length >= client.sent.length);
        return complete
          ? pass(message('many-clients.ok', { clients: clients.length, each }))
          : fail(message('many-clients.missing', { counts: clients.map((client) => client.replies.length).join(', '), each }));
      }),

    reuseaddr: (observed) =>
      withLive(observed, (live) => (live.reuseAddr ? pass(message('reuseaddr.ok')) : fail(message('reuseaddr.missing')))),

    restart: (observed, rubric) =>
      withLive(observed, (live) => {
        const { interrupt, restart } = live;
        if (interrupt.kind === 'already-dead') return fail(message('restart.already-dead', { status: statusText(interrupt.death) }));
        if (interrupt.kind === 'ignored') return fail(message('restart.ignored', { seconds: interrupt.graceMs / 1000 }));
        if (restart.kind !== 'ran') return fail(message('restart.no-rebind', { why: message('skipped.not-started') }));
        if (restart.start.kind !== 'bound') return fail(message('restart.no-rebind', { why: startFailure(restart.start) }));
        // Any answer counts: the exact bytes are the reply check's business, not this one's.
        return restart.reply?.clients[0]?.replies[0]
          ? pass(message('restart.ok'))
          : fail(message('restart.no-reply', { ms: restart.reply?.deadlineMs ?? rubric.timeouts.replyMs }));
      }),
  };
}

function withDifference(expected: Buffer, received: Buffer) {
  const difference = explainDifference(expected, received);
  return difference ? { kind: 'bytes' as const, expected, received, difference } : { kind: 'bytes' as const, expected, received };
}

function judgeSingleReply(traffic: TrafficObservation, expected: Buffer): CheckOutcome {
  const received = traffic.clients[0]?.replies[0];
  if (received) {
    const params = { received: pythonBytesLiteral(received), expected: pythonBytesLiteral(expected) };
    return received.equals(expected)
      ? pass(message('reply.ok', params))
      : fail(message('reply.wrong', params), withDifference(expected, received));
  }
  if (traffic.death) {
    const reason = message('reply.died', { status: statusText(traffic.death), error: errorText(traffic.death) });
    return traffic.death.error ? fail(reason, { kind: 'python-error', error: traffic.death.error }) : fail(reason);
  }
  return fail(message('reply.none', { ms: traffic.deadlineMs }), { kind: 'bytes', expected, received: undefined });
}

// Checks that need a server that bound to loopback: anything else fails with the reason it could not run.
function withLive(observed: UdpServerObservations, judge: (live: LiveObservations) => CheckOutcome): CheckOutcome {
  if (observed.kind !== 'ran') return blocked(skipped(observed));
  if (observed.start.kind === 'unreachable') return blocked(message('skipped.unreachable'));
  if (!observed.live) return blocked(message('skipped.not-started'));
  return judge(observed.live);
}

function skipped(observed: UdpServerObservations): Message {
  return observed.kind === 'no-entry' ? message('skipped.no-entry') : message('skipped.not-started');
}

function noEntry(observed: UdpServerObservations & { kind: 'no-entry' }): Message {
  const candidates = observed.candidates.length > 0 ? message('entry.candidates', { names: observed.candidates.join(', ') }) : '';
  return message('entry.missing', { expected: observed.expected, candidates });
}

function startFailure(start: StartObservation): Message {
  switch (start.kind) {
    case 'died':
      return start.death.error
        ? message('starts.crashed', { status: statusText(start.death), error: errorText(start.death) })
        : message('starts.exited', { status: statusText(start.death) });
    case 'timeout':
      return message('starts.timeout', { seconds: start.deadlineMs / 1000 });
    case 'unreachable':
      return message('starts.unreachable', { address: start.socket.address });
    case 'bound':
      return message('starts.ok');
  }
}

export function statusText(death: Death): Message {
  return death.status.signal ? message('status.signal', { signal: death.status.signal }) : message('status.code', { code: death.status.code ?? '?' });
}

function errorText(death: Death): Message | string {
  const error = death.error;
  if (!error) return '';
  return error.line === undefined ? error.summary : message('error.at-line', { summary: error.summary, line: error.line });
}

// 'localhost' in a rubric means what an AF_INET or AF_INET6 socket gets for it.
function acceptedAddresses(addresses: readonly string[]): string[] {
  return addresses.flatMap((address) => (address === 'localhost' ? ['127.0.0.1', '::1'] : [address]));
}

// A port the student's code asked for, as they wrote it (the hook's log), else the real one.
function portAsWritten(observed: UdpServerObservations, port: number): number {
  return observed.kind === 'ran' && port === observed.mappedPort ? observed.labPort : port;
}

function quote(text: string): string {
  return JSON.stringify(text);
}
