import { explainDifference } from '../../format/byte-difference.js';
import { pythonBytesLiteral } from '../../format/bytes.js';
import type { MessageKey } from '../../messages/catalog.js';
import { type Message, message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { type Death, errorText, statusText } from './launch.js';
import type { ProgramObservations } from './observations.js';
import { quote } from './program-verdicts.js';
import type { StartObservation, TrafficObservation } from './serving-observations.js';

// What any UDP server's observations hold: which file ran, and how the server started.
export type ServerRunObservations = ProgramObservations<{ readonly start: StartObservation }>;

// Verdicts every kind of server shares (UDP servers; TCP servers with tcpStartWording): pure functions of observations.

// How a start is told, by the kind of socket the server must have.
export interface StartWording {
  readonly ok: MessageKey;
  // The program ended before its socket was ready: with a Python error ({status}, {error}), or without one.
  readonly crashed: MessageKey;
  readonly exited: MessageKey;
  readonly timeout: MessageKey;
  // The deadline passed, but a socket of the other protocol was bound: {port} names it.
  readonly timeoutOtherProtocol: MessageKey;
  readonly unreachable: MessageKey;
}

export const udpStartWording: StartWording = {
  ok: 'starts.ok',
  crashed: 'starts.crashed',
  exited: 'starts.exited',
  timeout: 'starts.timeout',
  timeoutOtherProtocol: 'starts.timeout-tcp',
  unreachable: 'starts.unreachable',
};

export const tcpStartWording: StartWording = {
  ok: 'starts.listening',
  crashed: 'starts.crashed-listen',
  exited: 'starts.exited-listen',
  timeout: 'starts.timeout-listen',
  timeoutOtherProtocol: 'starts.timeout-udp',
  unreachable: 'starts.unreachable-tcp',
};

// The program ran and bound its socket (a listening one for TCP) before the startup deadline.
export function judgeStarts(observed: ServerRunObservations, wording: StartWording = udpStartWording): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
  const start = observed.start;
  switch (start.kind) {
    case 'bound':
      return pass(message(wording.ok));
    case 'unreachable':
      return pass(message(wording.unreachable, { address: start.socket.address }));
    case 'died':
      return start.death.error
        ? fail(message(wording.crashed, { status: statusText(start.death), error: errorText(start.death) }), {
            kind: 'python-error',
            error: start.death.error,
          })
        : fail(message(wording.exited, { status: statusText(start.death) }));
    case 'timeout': {
      const seconds = start.deadlineMs / 1000;
      const other = start.otherSockets[0];
      return other
        ? fail(message(wording.timeoutOtherProtocol, { seconds, port: portAsWritten(observed, other.port) }))
        : fail(message(wording.timeout, { seconds }));
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

export function skipped(observed: ServerRunObservations): Message {
  return observed.kind === 'no-entry' ? message('skipped.no-entry') : message('skipped.not-started');
}

// Why a (re)started server is not serving, in one sentence.
export function startFailure(start: StartObservation, wording: StartWording = udpStartWording): Message {
  switch (start.kind) {
    case 'died':
      return start.death.error
        ? message(wording.crashed, { status: statusText(start.death), error: errorText(start.death) })
        : message(wording.exited, { status: statusText(start.death) });
    case 'timeout':
      return message(wording.timeout, { seconds: start.deadlineMs / 1000 });
    case 'unreachable':
      return message(wording.unreachable, { address: start.socket.address });
    case 'bound':
      return message(wording.ok);
  }
}

// 'localhost' in a rubric means what an AF_INET or AF_INET6 socket gets for it.
export function acceptedAddresses(addresses: readonly string[]): string[] {
  return addresses.flatMap((address) => (address === 'localhost' ? ['127.0.0.1', '::1'] : [address]));
}

// A port the student's code asked for, as they wrote it (the hook's log), else the real one.
function portAsWritten(observed: ServerRunObservations, port: number): number {
  return observed.kind === 'ran' && port === observed.mappedPort ? observed.labPort : port;
}

