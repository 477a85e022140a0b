import { pythonBytesLiteral } from '../../format/bytes.js';
import { message } from '../../messages/translate.js';
import { calls } from '../../python/source-lines.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { Conversation } from '../../probes/tcp.js';
import { errorText, statusText, type Death } from '../shared/launch.js';
import { judgeShebang, withLines, quote } from '../shared/program-verdicts.js';
import type { RubricFor } from '../shared/rubric.js';
import { judgeBinds, judgeStarts, skipped, startFailure, tcpStartWording, withDifference } from '../shared/server-verdicts.js';
import type { TcpServerCheckId } from './check-ids.js';
import type { ConnectionObservation, LiveObservations, RestartObservation, TcpServerObservations } from './observations.js';

type Rubric = RubricFor<'tcp-server'>;
type Judge = (observed: TcpServerObservations, rubric: Rubric) => CheckOutcome;

// The calls of a TCP server's file a failed check is about, when the failure is not a crash with its own line.
const serverCalls = {
  send: /\.send(all)?\s*\(/,
  recv: /\.recv\s*\(/,
  accept: /\.accept\s*\(/,
  close: /\.close\s*\(/,
} as const;

const involvedCall: Partial<Record<TcpServerCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  binds: [calls.bind],
  reply: [serverCalls.send],
  'prints-message': [serverCalls.recv],
  'prints-client': [serverCalls.accept],
  'closes-connection': [serverCalls.close, serverCalls.send],
  'many-clients': [serverCalls.accept],
  'reuseaddr-restart': [calls.setsockopt, calls.bind],
};

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const tcpServerChecks: Record<TcpServerCheckId, Judge> = withLines(judgeVerdicts(), involvedCall);

function judgeVerdicts(): Record<TcpServerCheckId, Judge> {
  return {
    shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),

    starts: (observed) => judgeStarts(observed, tcpStartWording),

    binds: (observed, rubric) => judgeBinds(observed, rubric.program.port, rubric.program.bindAddresses),

    reply: (observed, rubric) => withLive(observed, (live) => judgeReply(live.reply, Buffer.from(rubric.program.reply))),

    'prints-message': (observed) =>
      withLive(observed, (live) =>
        live.printedPayload
          ? pass(message('prints-message.ok'))
          : fail(message('prints-message.missing', { payload: quote(live.reply.conversation.sent.toString()) })),
      ),

    'prints-client': (observed) =>
      withLive(observed, (live) => {
        const local = live.reply.conversation.local;
        return live.printedClient || !local
          ? pass(message('prints-client.ok'))
          : fail(message('prints-client.missing', { address: local.address }));
      }),

    'closes-connection': (observed) => withLive(observed, (live) => judgeCloses(live.reply)),

    'many-clients': (observed, rubric) =>
      withLive(observed, (live) => {
        const many = live.manyClients;
        if (many.kind === 'server-gone') return blocked(message('skipped.server-stopped', { status: statusText(many.death) }));
        const params = { count: rubric.program.clients, inTurn: answered(many.inTurn), atOnce: answered(many.atOnce) };
        if (params.inTurn === params.count && params.atOnce === params.count) return pass(message('tcp-server.many-clients.ok', params));
        return many.death ? diedWith('tcp-server.many-clients.died', many.death, params) : fail(message('tcp-server.many-clients.missing', params));
      }),

    'stops-on-ctrl-c': (observed) =>
      withLive(observed, (live) => {
        const { interrupt, relaunched } = live.ctrlC;
        const again = relaunched ? message('stops-cleanly.again') : '';
        switch (interrupt.kind) {
          case 'stopped':
            return pass(message('tcp-server.stops.ok', { again }));
          case 'ignored':
            return fail(message('stops-cleanly.ignored', { seconds: interrupt.graceMs / 1000, again }));
          case 'already-dead':
            return fail(message('stops-cleanly.already-dead', { status: statusText(interrupt.death), again }));
        }
      }),

    'reuseaddr-restart': (observed, rubric) => withLive(observed, (live) => judgeRestart(live.restart, rubric.program.port)),
  };
}

// The bytes the first connection got before the server closed it (or the deadline), against the exact reply.
function judgeReply(observed: ConnectionObservation, expected: Buffer): CheckOutcome {
  const { conversation, death, deadlineMs } = observed;
  const received = conversation.received;
  if (received.length > 0) {
    const params = { received: pythonBytesLiteral(received), expected: pythonBytesLiteral(expected) };
    return received.equals(expected) ? pass(message('reply.ok', params)) : fail(message('reply.wrong', params), withDifference(expected, received));
  }
  if (death) return diedWith('tcp-server.reply.died', death, {});
  const nothing = { kind: 'bytes', expected, received: undefined } as const;
  switch (conversation.end) {
    case 'closed':
      return fail(message('tcp-server.reply.closed-empty'), nothing);
    case 'reset':
      return fail(message('tcp-server.reply.reset'), nothing);
    case 'refused':
      return fail(message('tcp-server.reply.refused'), nothing);
    default:
      return fail(message('reply.none', { ms: deadlineMs }), nothing);
  }
}

// After its reply, the server closes: the client reads the end of the stream (FIN), neither a reset nor silence.
function judgeCloses(observed: ConnectionObservation): CheckOutcome {
  const { conversation, death, deadlineMs } = observed;
  if (conversation.received.length === 0) return blocked(message('tcp-server.skipped.no-reply'));
  // A server that stopped had its connections closed by the system, whatever its code does.
  if (death) return blocked(message('tcp-server.skipped.stopped-on-connection', { status: statusText(death) }));
  switch (conversation.end) {
    case 'closed':
      return pass(message('tcp-server.closes-connection.ok'));
    case 'reset':
      return fail(message('tcp-server.closes-connection.reset'));
    default:
      return fail(message('tcp-server.closes-connection.open', { ms: deadlineMs }));
  }
}

// The restart with a connection on the lab's port in TIME_WAIT: it listens only if its socket sets SO_REUSEADDR.
function judgeRestart(restart: RestartObservation, port: number): CheckOutcome {
  if (restart.kind === 'other-port') return blocked(message('tcp-server.skipped.other-port', { port }));
  if (restart.kind === 'no-time-wait') return blocked(message('tcp-server.skipped.no-time-wait'));
  const { start } = restart;
  if (start.kind === 'bound') return pass(message('tcp-server.reuseaddr-restart.ok', { port }));
  if (start.kind === 'died' && start.death.error && addressInUse.test(start.death.error.summary)) {
    return fail(message('tcp-server.reuseaddr-restart.in-use', { port, error: errorText(start.death) }), {
      kind: 'python-error',
      error: start.death.error,
    });
  }
  return fail(message('tcp-server.reuseaddr-restart.no-listen', { port, why: startFailure(start, tcpStartWording) }));
}

// EADDRINUSE as Python names it (errno 98 on Linux, 48 on macOS).
const addressInUse = /Address already in use|\[Errno (98|48)\]/;

function answered(conversations: readonly Conversation[]): number {
  return conversations.filter((conversation) => conversation.received.length > 0).length;
}

function diedWith(key: 'tcp-server.reply.died' | 'tcp-server.many-clients.died', death: Death, params: Record<string, number>): CheckOutcome {
  const reason = message(key, { ...params, status: statusText(death), error: errorText(death) });
  return death.error ? fail(reason, { kind: 'python-error', error: death.error }) : fail(reason);
}

// Checks that need a server that listened on loopback: anything else fails with the reason it could not run.
function withLive(observed: TcpServerObservations, judge: (live: LiveObservations) => CheckOutcome): CheckOutcome {
  if (observed.kind !== 'ran') return blocked(skipped(observed));
  if (observed.start.kind === 'unreachable') return blocked(message('skipped.unreachable'));
  if (!observed.live) return blocked(message('skipped.not-started'));
  return judge(observed.live);
}
