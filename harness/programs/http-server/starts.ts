import { message } from '../../messages/translate.js';
import { type CheckOutcome, fail } from '../../scoring/outcome.js';
import type { PythonError } from '../../python/traceback.js';
import { errorText, statusText } from '../shared/launch.js';
import { judgeStarts, type ServerRunObservations, type StartWording } from '../shared/server-verdicts.js';

// The start of an HTTP server: a TCP socket listening before the startup deadline, told in its own words.
export const httpStartWording: StartWording = {
  ok: 'http.starts.ok',
  crashed: 'http.starts.crashed',
  exited: 'http.starts.exited',
  timeout: 'http.starts.timeout',
  timeoutOtherProtocol: 'http.starts.timeout-udp',
  unreachable: 'http.starts.unreachable',
};

// As every server's start, but a crash in accept() names the forgotten listen().
export function judgeListens(observed: ServerRunObservations): CheckOutcome {
  if (observed.kind === 'ran' && observed.start.kind === 'died') {
    const { death } = observed.start;
    if (death.error && acceptsWithoutListening(death.error, observed.source)) {
      const reason = message('http.starts.accept-without-listen', { status: statusText(death), error: errorText(death) });
      return fail(reason, { kind: 'python-error', error: death.error });
    }
  }
  return judgeStarts(observed, httpStartWording);
}

// accept() on a socket that never called listen() raises EINVAL: the classic forgotten listen().
function acceptsWithoutListening(error: PythonError, source: Buffer): boolean {
  if (error.line === undefined || !/\[Errno 22\]/.test(error.summary)) return false;
  const line = source.toString('utf8').split('\n')[error.line - 1] ?? '';
  return /\.accept\s*\(/.test(line);
}
