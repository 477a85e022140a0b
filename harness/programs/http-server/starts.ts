import { type Message, message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { PythonError } from '../../python/traceback.js';
import { errorText, statusText } from '../shared/launch.js';
import type { ServerRunObservations } from '../shared/server-verdicts.js';
import type { StartObservation } from '../shared/serving-observations.js';

// The start of a TCP server: a socket listening before the startup deadline (the UDP kinds' judgeStarts
// speaks of bound UDP sockets).

export function judgeListens(observed: ServerRunObservations): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
  const start = observed.start;
  if (start.kind === 'bound') return pass(message('http.starts.ok'));
  // It started; the checks that need to reach it say why they could not.
  if (start.kind === 'unreachable') return pass(startFailure(start));
  if (start.kind === 'died' && start.death.error) {
    const { error } = start.death;
    const reason = acceptsWithoutListening(error, observed.source)
      ? message('http.starts.accept-without-listen', { status: statusText(start.death), error: errorText(start.death) })
      : startFailure(start);
    return fail(reason, { kind: 'python-error', error });
  }
  if (start.kind === 'timeout') {
    // A UDP socket instead: the port as the code wrote it when it is the mapped one.
    const udp = start.otherSockets[0];
    if (udp) {
      const port = udp.port === observed.mappedPort ? observed.labPort : udp.port;
      return fail(message('http.starts.timeout-udp', { seconds: start.deadlineMs / 1000, port }));
    }
  }
  return fail(startFailure(start));
}

// accept() on a socket that never called listen() raises EINVAL: the classic forgotten listen().
function acceptsWithoutListening(error: PythonError, source: Buffer): boolean {
  if (error.line === undefined || !/\[Errno 22\]/.test(error.summary)) return false;
  const line = source.toString('utf8').split('\n')[error.line - 1] ?? '';
  return /\.accept\s*\(/.test(line);
}

// Why a (re)started server is not listening, in one sentence.
export function startFailure(start: StartObservation): Message {
  switch (start.kind) {
    case 'died':
      return start.death.error
        ? message('http.starts.crashed', { status: statusText(start.death), error: errorText(start.death) })
        : message('http.starts.exited', { status: statusText(start.death) });
    case 'timeout':
      return message('http.starts.timeout', { seconds: start.deadlineMs / 1000 });
    case 'unreachable':
      return message('http.starts.unreachable', { address: start.socket.address });
    case 'bound':
      return message('http.starts.ok');
  }
}
