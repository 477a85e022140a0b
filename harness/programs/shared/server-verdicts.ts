import { explainDifference } from '../../format/byte-difference.js';
import { pythonBytesLiteral } from '../../format/bytes.js';
import { type Message, message } from '../../messages/translate.js';
import { firstLineMatching } from '../../python/source-lines.js';
import { atLine, blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { Death } from './launch.js';
import type { StartObservation, TrafficObservation } from './serving-observations.js';

// Verdicts every kind of UDP server shares (the lab's server, the echo server): pure functions of observations.

// What any UDP server's observations hold: which file ran, and how the server started.
export type ServerRunObservations =
  | { readonly kind: 'no-entry'; readonly expected: string; readonly candidates: readonly string[] }
  | { readonly kind: 'no-launcher'; readonly entry: { readonly name: string }; readonly source: Buffer }
  | {
      readonly kind: 'ran';
      readonly source: Buffer;
      // The port the lab asks for, and the free port it was mapped to for this run.
      readonly labPort: number;
      readonly mappedPort: number;
      readonly start: StartObservation;
    };

// The file starts with the line the handout asks for.
export function judgeShebang(observed: ServerRunObservations, expected: string): CheckOutcome {
  if (observed.kind === 'no-entry') return fail(noEntry(observed));
  const text = observed.source.toString('utf8');
  if (text.length === 0) return fail(message('shebang.empty'));
  const line = text.split('\n')[0]!;
  return line === expected
    ? pass(message('shebang.ok', { line: quote(line) }))
    : fail(message('shebang.wrong', { line: quote(line), expected: quote(expected) }));
}

// The program ran and bound a UDP socket before the startup deadline.
export function judgeStarts(observed: ServerRunObservations): CheckOutcome {
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
}

// The socket is bound to the lab's port, as the student's code sees it, and to an accepted address.
export function judgeBinds(observed: ServerRunObservations, expectedPort: number, bindAddresses: readonly string[]): CheckOutcome {
  if (observed.kind !== 'ran') return blocked(skipped(observed));
  const start = observed.start;
  if (start.kind !== 'bound' && start.kind !== 'unreachable') return blocked(message('skipped.not-started'));
  if (start.socket.port !== observed.mappedPort) {
    return start.requested
      ? fail(message('binds.wrong-port', { requested: start.requested.port, expected: expectedPort }))
      : fail(message('binds.port-unknown', { expected: expectedPort }));
  }
  if (!acceptedAddresses(bindAddresses).includes(start.socket.address)) {
    const address = start.requested?.host ? `${start.socket.address} (${quote(start.requested.host)})` : start.socket.address;
    return fail(message('binds.wrong-address', { address, expected: bindAddresses.join(', ') }));
  }
  return pass(message('binds.ok', { address: start.socket.address, port: expectedPort }));
}

// The first client's first datagram got exactly `expected` back.
export function judgeSingleReply(traffic: TrafficObservation, expected: Buffer): CheckOutcome {
  const received = traffic.clients[0]?.replies[0];
  if (received) {
    const params = { received: pythonBytesLiteral(received), expected: pythonBytesLiteral(expected) };
    return received.equals(expected)
      ? pass(message('reply.ok', params))
      : fail(message('reply.wrong', params), withDifference(expected, received));
  }
  if (traffic.death) return diedOnDatagram(traffic.death);
  return fail(message('reply.none', { ms: traffic.deadlineMs }), { kind: 'bytes', expected, received: undefined });
}

// The server died on what the harness sent it: the Python error and its line when there is one.
export function diedOnDatagram(death: Death): CheckOutcome {
  const reason = message('reply.died', { status: statusText(death), error: errorText(death) });
  return death.error ? fail(reason, { kind: 'python-error', error: death.error }) : fail(reason);
}

export function withDifference(expected: Buffer, received: Buffer) {
  const difference = explainDifference(expected, received);
  return difference ? { kind: 'bytes' as const, expected, received, difference } : { kind: 'bytes' as const, expected, received };
}

// A failed verdict points at the line of the student's file involved: the crash's own line, else the first
// line that makes one of `calls` (the bind, the sendto…).
export function pointingAtLine(outcome: CheckOutcome, observed: ServerRunObservations, calls: readonly RegExp[]): CheckOutcome {
  if (outcome.passed || outcome.blocked || observed.kind === 'no-entry') return outcome;
  if (outcome.evidence?.kind === 'python-error') return atLine(outcome, outcome.evidence.error.line);
  const line = calls.map((pattern) => firstLineMatching(observed.source, pattern)).find((found) => found !== undefined);
  return atLine(outcome, line);
}

export function skipped(observed: ServerRunObservations): Message {
  return observed.kind === 'no-entry' ? message('skipped.no-entry') : message('skipped.not-started');
}

function noEntry(observed: ServerRunObservations & { kind: 'no-entry' }): Message {
  const candidates = observed.candidates.length > 0 ? message('entry.candidates', { names: observed.candidates.join(', ') }) : '';
  return message('entry.missing', { expected: observed.expected, candidates });
}

// Why a (re)started server is not serving, in one sentence.
export function startFailure(start: StartObservation): Message {
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

export function errorText(death: Death): Message | string {
  const error = death.error;
  if (!error) return '';
  return error.line === undefined ? error.summary : message('error.at-line', { summary: error.summary, line: error.line });
}

// 'localhost' in a rubric means what an AF_INET or AF_INET6 socket gets for it.
export function acceptedAddresses(addresses: readonly string[]): string[] {
  return addresses.flatMap((address) => (address === 'localhost' ? ['127.0.0.1', '::1'] : [address]));
}

// A port the student's code asked for, as they wrote it (the hook's log), else the real one.
function portAsWritten(observed: ServerRunObservations, port: number): number {
  return observed.kind === 'ran' && port === observed.mappedPort ? observed.labPort : port;
}

export function quote(text: string): string {
  return JSON.stringify(text);
}
