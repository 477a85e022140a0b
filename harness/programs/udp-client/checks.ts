import { pythonBytesLiteral } from '../../format/bytes.js';
import type { OutputExcerpt } from '../../launch/run-output.js';
import { message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { errorText, statusText } from '../shared/launch.js';
import { judgeNothingSent } from '../shared/client-verdicts.js';
import { judgeShebang, pointingAtLine as lineOfFailure, quote } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import type { UdpClientCheckId } from './check-ids.js';
import type { AnsweredRun, ClientRun, UdpClientObservations } from './observations.js';

type Rubric = RubricFor<'udp-client'>;
type Ran = UdpClientObservations & { kind: 'ran' };
type Judge = (observed: UdpClientObservations, rubric: Rubric) => CheckOutcome;

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const udpClientChecks: Record<UdpClientCheckId, Judge> = Object.fromEntries(
  Object.entries(judgeVerdicts()).map(([id, judge]) => [id, pointingAtLine(id as UdpClientCheckId, judge)]),
) as Record<UdpClientCheckId, Judge>;

// The calls of a client's file a failed check is about, when the failure is not a crash with its own line.
const clientCalls = {
  sendto: /\.(sendto|connect)\s*\(/,
  print: /\bprint\s*\(/,
  recv: /\.recv(from)?\s*\(/,
} as const;

const involvedCall: Partial<Record<UdpClientCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  sends: [clientCalls.sendto],
  'prints-reply': [clientCalls.print, clientCalls.recv],
  'handles-silence': [clientCalls.recv],
};

function pointingAtLine(id: UdpClientCheckId, judge: Judge): Judge {
  return (observed, rubric) => lineOfFailure(judge(observed, rubric), observed, involvedCall[id] ?? []);
}

function judgeVerdicts(): Record<UdpClientCheckId, Judge> {
  return {
    shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),

    sends: (observed, rubric) => {
      if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
      if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
      const { datagrams, end, startupMs, otherDestinations } = observed.answered;
      const [first] = datagrams;
      if (first && datagrams.length === 1) return pass(message('sends.ok', { payload: pythonBytesLiteral(first.payload) }));
      if (first) return fail(message('sends.many', { count: datagrams.length, payload: pythonBytesLiteral(first.payload) }));
      return judgeNothingSent(end.kind === 'exited' ? end.death : undefined, otherDestinations, rubric.program.port, startupMs);
    },

    'prints-reply': (observed, rubric) =>
      withAnswer(observed, (answered, ran) => {
        const { printedPrefix, reply } = rubric.program;
        const printed = printedReply(ran.output.stdout, printedPrefix, reply);
        const params = { prefix: quote(printedPrefix), reply: quote(reply) };
        if (printed === 'reply') return pass(message('prints-reply.ok', params));
        const death = answered.end.kind === 'exited' ? answered.end.death : undefined;
        if (death?.error) {
          return fail(message('prints-reply.crashed', { status: statusText(death), error: errorText(death) }), {
            kind: 'python-error',
            error: death.error,
          });
        }
        if (printed === 'bytes') return fail(message('prints-reply.bytes-repr', { printed: pythonBytesLiteral(Buffer.from(reply)) }));
        if (printed === 'without-prefix') return fail(message('prints-reply.no-prefix', params));
        return fail(message('prints-reply.missing', params));
      }),

    exits: (observed) =>
      withAnswer(observed, (answered) => {
        const { end } = answered;
        if (end.kind === 'killed') return fail(message('exits.timeout', { seconds: end.deadlineMs / 1000 }));
        if (end.death.status.code === 0) return pass(message('exits.ok'));
        return end.death.error
          ? fail(message('exits.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
              kind: 'python-error',
              error: end.death.error,
            })
          : fail(message('exits.status', { status: statusText(end.death) }));
      }),

    'handles-silence': (observed) => {
      if (observed.kind !== 'ran') return blocked(message(observed.kind === 'no-entry' ? 'skipped.no-entry' : 'skipped.no-datagram'));
      if (!observed.silent) return blocked(message('skipped.no-datagram'));
      return judgeSilence(observed.silent);
    },
  };
}

// Against a server that never answers: giving up by itself, cleanly, is the good practice this check hints at.
function judgeSilence(silent: ClientRun): CheckOutcome {
  const { end } = silent;
  if (end.kind === 'killed') return fail(message('handles-silence.hangs', { seconds: end.deadlineMs / 1000 }));
  if (end.death.status.code === 0) return pass(message('handles-silence.ok'));
  return end.death.error
    ? fail(message('handles-silence.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
        kind: 'python-error',
        error: end.death.error,
      })
    : fail(message('handles-silence.exited', { status: statusText(end.death) }));
}

// Checks about what followed the server's reply need a datagram to have reached the server.
function withAnswer(observed: UdpClientObservations, judge: (answered: AnsweredRun, ran: Ran) => CheckOutcome): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind !== 'ran' || observed.answered.datagrams.length === 0) return blocked(message('skipped.no-datagram'));
  return judge(observed.answered, observed);
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
