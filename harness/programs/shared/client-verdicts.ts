import { pythonBytesLiteral } from '../../format/bytes.js';
import type { OutputExcerpt } from '../../launch/run-output.js';
import type { RequestedSend } from '../../launch/send-log.js';
import { message } from '../../messages/translate.js';
import { type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { ClientEnd } from './client-observations.js';
import { type Death, errorText, statusText } from './launch.js';
import { quote } from './program-verdicts.js';

// Verdicts every kind of client shares (UDP, TCP; the harness plays the server): pure functions of observations.

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

// The reply shows in the output after the prefix, as the handout's print("Message du serveur : ", …) writes it.
export function judgePrintsReply(stdout: OutputExcerpt, end: ClientEnd, prefix: string, reply: string): CheckOutcome {
  const printed = printedReply(stdout, prefix, reply);
  const params = { prefix: quote(prefix), reply: quote(reply) };
  if (printed === 'reply') return pass(message('prints-reply.ok', params));
  const death = end.kind === 'exited' ? end.death : undefined;
  if (death?.error) {
    return fail(message('prints-reply.crashed', { status: statusText(death), error: errorText(death) }), {
      kind: 'python-error',
      error: death.error,
    });
  }
  if (printed === 'bytes') return fail(message('prints-reply.bytes-repr', { printed: pythonBytesLiteral(Buffer.from(reply)) }));
  if (printed === 'without-prefix') return fail(message('prints-reply.no-prefix', params));
  return fail(message('prints-reply.missing', params));
}

// Exit code 0 within the deadline after the server's reply.
export function judgeExits(end: ClientEnd): CheckOutcome {
  if (end.kind === 'killed') return fail(message('exits.timeout', { seconds: end.deadlineMs / 1000 }));
  if (end.death.status.code === 0) return pass(message('exits.ok'));
  return end.death.error
    ? fail(message('exits.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
        kind: 'python-error',
        error: end.death.error,
      })
    : fail(message('exits.status', { status: statusText(end.death) }));
}

// Against a server that never answers: giving up by itself, cleanly, is the good practice this check hints at.
export function judgeSilence(end: ClientEnd): CheckOutcome {
  if (end.kind === 'killed') return fail(message('handles-silence.hangs', { seconds: end.deadlineMs / 1000 }));
  if (end.death.status.code === 0) return pass(message('handles-silence.ok'));
  return end.death.error
    ? fail(message('handles-silence.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
        kind: 'python-error',
        error: end.death.error,
      })
    : fail(message('handles-silence.exited', { status: statusText(end.death) }));
}

// How the reply shows in the client's output: after the prefix on one line, as the handout prints it;
// as Python's bytes repr (b'…', data printed without decode()); without the prefix; or not at all.
function printedReply(stdout: OutputExcerpt, prefix: string, reply: string): 'reply' | 'bytes' | 'without-prefix' | 'nothing' {
  // Joining the head and the tail across a cut would invent text the program never printed.
  const parts = stdout.cutBytes === 0 ? [Buffer.concat([stdout.head, stdout.tail])] : [stdout.head, stdout.tail];
  const lines = parts.flatMap((part) => part.toString('utf8').split('\n'));
  const afterPrefix = lines.flatMap((line) => {
    const at = line.indexOf(prefix);
    return at < 0 ? [] : [line.slice(at + prefix.length)];
  });
  const bytesRepr = [`b'${reply}'`, `b"${reply}"`];
  if (afterPrefix.some((rest) => rest.includes(reply) && !bytesRepr.some((repr) => rest.includes(repr)))) return 'reply';
  if (afterPrefix.some((rest) => bytesRepr.some((repr) => rest.includes(repr)))) return 'bytes';
  return lines.some((line) => line.includes(reply)) ? 'without-prefix' : 'nothing';
}
