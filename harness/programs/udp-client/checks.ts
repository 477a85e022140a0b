import { pythonBytesLiteral } from '../../format/bytes.js';
import { message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { judgeExits, judgeNothingSent, judgePrintsReply, judgeSilence } from '../shared/client-verdicts.js';
import { judgeShebang, withLines } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import type { UdpClientCheckId } from './check-ids.js';
import type { AnsweredRun, UdpClientObservations } from './observations.js';

type Rubric = RubricFor<'udp-client'>;
type Ran = UdpClientObservations & { kind: 'ran' };
type Judge = (observed: UdpClientObservations, rubric: Rubric) => CheckOutcome;

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

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const udpClientChecks: Record<UdpClientCheckId, Judge> = withLines(judgeVerdicts(), involvedCall);

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
      withAnswer(observed, (answered, ran) =>
        judgePrintsReply(ran.output.stdout, answered.end, rubric.program.printedPrefix, rubric.program.reply),
      ),

    exits: (observed) => withAnswer(observed, (answered) => judgeExits(answered.end)),

    'handles-silence': (observed) => {
      if (observed.kind !== 'ran') return blocked(message(observed.kind === 'no-entry' ? 'skipped.no-entry' : 'skipped.no-datagram'));
      if (!observed.silent) return blocked(message('skipped.no-datagram'));
      return judgeSilence(observed.silent.end);
    },
  };
}

// Checks about what followed the server's reply need a datagram to have reached the server.
function withAnswer(observed: UdpClientObservations, judge: (answered: AnsweredRun, ran: Ran) => CheckOutcome): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind !== 'ran' || observed.answered.datagrams.length === 0) return blocked(message('skipped.no-datagram'));
  return judge(observed.answered, observed);
}
