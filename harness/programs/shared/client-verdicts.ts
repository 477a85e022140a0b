import type { RequestedSend } from '../../launch/send-log.js';
import { message } from '../../messages/translate.js';
import { type CheckOutcome, fail } from '../../scoring/outcome.js';
import { type Death, errorText, statusText } from './launch.js';

// Verdicts every kind of client shares (the harness plays the server): pure functions of observations.

// Why no datagram from the client reached the grader's server: the crash and its line, the port the code
// sent to instead, an exit, or nothing before the startup deadline. `death`: how it ended, if by itself.
export function judgeNothingSent(
  death: Death | undefined,
  otherDestinations: readonly RequestedSend[],
  labPort: number,
  startupMs: number,
): CheckOutcome {
  if (death?.error) {
    return fail(message('sends.crashed', { status: statusText(death), error: errorText(death) }), { kind: 'python-error', error: death.error });
  }
  const wrongPort = otherDestinations[0];
  if (wrongPort) return fail(message('sends.wrong-port', { requested: wrongPort.port, expected: labPort }));
  return death ? fail(message('sends.exited', { status: statusText(death) })) : fail(message('sends.none', { seconds: startupMs / 1000 }));
}
