import { pythonBytesLiteral } from '../../format/bytes.js';
import { message } from '../../messages/translate.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { judgeExits, judgePrintsReply, judgeSilence } from '../shared/client-verdicts.js';
import { errorText, statusText } from '../shared/launch.js';
import { judgeShebang, withLines } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import type { TcpClientCheckId } from './check-ids.js';
import type { AnsweredRun, ClientRun, TcpClientObservations } from './observations.js';

type Rubric = RubricFor<'tcp-client'>;
type Ran = TcpClientObservations & { kind: 'ran' };
type Judge = (observed: TcpClientObservations, rubric: Rubric) => CheckOutcome;

// The calls of a client's file a failed check is about, when the failure is not a crash with its own line.
const clientCalls = {
  connect: /\b(connect|create_connection)\s*\(/,
  print: /\bprint\s*\(/,
  recv: /\.recv\s*\(/,
} as const;

const involvedCall: Partial<Record<TcpClientCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  sends: [clientCalls.connect],
  'prints-reply': [clientCalls.print, clientCalls.recv],
  'handles-silence': [clientCalls.recv],
};

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const tcpClientChecks: Record<TcpClientCheckId, Judge> = withLines(judgeVerdicts(), involvedCall);

function judgeVerdicts(): Record<TcpClientCheckId, Judge> {
  return {
    shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),

    sends: (observed, rubric) => {
      if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
      if (observed.kind === 'no-launcher') return fail(message('entry.no-launcher', { name: observed.entry.name }));
      return judgeSends(observed.answered, rubric.program.port);
    },

    'prints-reply': (observed, rubric) =>
      withBytesSent(observed, (answered, ran) =>
        judgePrintsReply(ran.output.stdout, answered.end, rubric.program.printedPrefix, rubric.program.reply),
      ),

    exits: (observed) => withBytesSent(observed, (answered) => judgeExits(answered.end)),

    'handles-silence': (observed) => {
      if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
      if (observed.kind !== 'ran' || !observed.silent) return blocked(message('tcp-client.skipped.nothing-sent'));
      return judgeSilence(observed.silent.end);
    },
  };
}

// Bytes reached the grader's server on a connection; otherwise why not: the port the code connected to
// instead (its connection was refused, so that comes before the crash it caused), the crash, or silence.
function judgeSends(answered: AnsweredRun, labPort: number): CheckOutcome {
  const { end, startupMs, otherDestinations } = answered;
  const sent = firstBytes(answered);
  if (sent) return pass(message('tcp-client.sends.ok', { payload: pythonBytesLiteral(sent) }));
  const wrongPort = otherDestinations[0];
  if (wrongPort) return fail(message('tcp-client.sends.wrong-port', { requested: wrongPort.port, expected: labPort }));
  if (end.kind === 'exited' && end.death.error) {
    return fail(message('tcp-client.sends.crashed', { status: statusText(end.death), error: errorText(end.death) }), {
      kind: 'python-error',
      error: end.death.error,
    });
  }
  if (answered.connections.length > 0) return fail(message('tcp-client.sends.nothing-sent', { seconds: startupMs / 1000 }));
  return end.kind === 'exited'
    ? fail(message('tcp-client.sends.exited', { status: statusText(end.death) }))
    : fail(message('tcp-client.sends.none', { seconds: startupMs / 1000 }));
}

// The bytes of the first connection that carried any.
function firstBytes(run: ClientRun): Buffer | undefined {
  return run.connections.find((connection) => connection.received.length > 0)?.received;
}

// Checks about what followed the server's reply need the client's bytes to have reached the server.
function withBytesSent(observed: TcpClientObservations, judge: (answered: AnsweredRun, ran: Ran) => CheckOutcome): CheckOutcome {
  if (observed.kind === 'no-entry') return blocked(message('skipped.no-entry'));
  if (observed.kind !== 'ran' || !firstBytes(observed.answered)) return blocked(message('tcp-client.skipped.nothing-sent'));
  return judge(observed.answered, observed);
}
