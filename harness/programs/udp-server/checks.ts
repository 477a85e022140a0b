import { message } from '../../messages/translate.js';
import type { UdpServerCheckId } from './check-ids.js';
import { blocked, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import { calls } from '../../python/source-lines.js';
import type { RubricFor } from '../shared/rubric.js';
import {
  judgeBinds,
  judgeSingleReply,
  judgeStarts,
  skipped,
  startFailure,
} from '../shared/server-verdicts.js';
import { judgeShebang, withLines, quote } from '../shared/program-verdicts.js';
import { statusText } from '../shared/launch.js';
import type { LiveObservations, UdpServerObservations } from './observations.js';

type Judge = (observed: UdpServerObservations, rubric: RubricFor<'udp-server'>) => CheckOutcome;

// The call of the student's file a failed check is about, when the failure is not a crash with its own line.
const involvedCall: Partial<Record<UdpServerCheckId, readonly RegExp[]>> = {
  shebang: [/^/],
  binds: [calls.bind],
  reply: [calls.sendto],
  'prints-message': [calls.recvfrom],
  'prints-client': [calls.recvfrom],
  'many-clients': [calls.sendto],
  reuseaddr: [calls.setsockopt, calls.bind],
};

// Each check judges the observations alone: pure functions, no I/O, so every verdict is reproducible.
export const udpServerChecks: Record<UdpServerCheckId, Judge> = withLines(judgeVerdicts(), involvedCall);

function judgeVerdicts(): Record<UdpServerCheckId, Judge> {
  return {
    shebang: (observed, rubric) => judgeShebang(observed, rubric.program.shebang),

    starts: (observed) => judgeStarts(observed),

    binds: (observed, rubric) => judgeBinds(observed, rubric.program.port, rubric.program.bindAddresses),

    reply: (observed, rubric) =>
      withLive(observed, (live) => {
        const expected = Buffer.from(rubric.program.reply);
        return judgeSingleReply(live.reply, expected);
      }),

    'prints-message': (observed) =>
      withLive(observed, (live) =>
        live.printedPayload
          ? pass(message('prints-message.ok'))
          : fail(message('prints-message.missing', { payload: quote(live.reply.clients[0]?.sent[0]?.toString() ?? '') })),
      ),

    'prints-client': (observed) =>
      withLive(observed, (live) => {
        const client = live.reply.clients[0];
        return live.printedClient || !client
          ? pass(message('prints-client.ok'))
          : fail(message('prints-client.missing', { address: client.localAddress }));
      }),

    'many-clients': (observed) =>
      withLive(observed, (live) => {
        const { clients } = live.manyClients;
        const each = Math.max(...clients.map((client) => client.sent.length));
        const complete = clients.every((client) => client.replies.length >= client.sent.length);
        return complete
          ? pass(message('many-clients.ok', { clients: clients.length, each }))
          : fail(message('many-clients.missing', { counts: clients.map((client) => client.replies.length).join(', '), each }));
      }),

    reuseaddr: (observed) =>
      withLive(observed, (live) => (live.reuseAddr ? pass(message('reuseaddr.ok')) : fail(message('reuseaddr.missing')))),

    restart: (observed, rubric) =>
      withLive(observed, (live) => {
        const { interrupt, restart } = live;
        if (interrupt.kind === 'already-dead') return fail(message('restart.already-dead', { status: statusText(interrupt.death) }));
        if (interrupt.kind === 'ignored') return fail(message('restart.ignored', { seconds: interrupt.graceMs / 1000 }));
        if (restart.kind !== 'ran') return fail(message('restart.no-rebind', { why: message('skipped.not-started') }));
        if (restart.start.kind !== 'bound') return fail(message('restart.no-rebind', { why: startFailure(restart.start) }));
        // Any answer counts: the exact bytes are the reply check's business, not this one's.
        return restart.reply?.clients[0]?.replies[0]
          ? pass(message('restart.ok'))
          : fail(message('restart.no-reply', { ms: restart.reply?.deadlineMs ?? rubric.timeouts.replyMs }));
      }),
  };
}

// Checks that need a server that bound to loopback: anything else fails with the reason it could not run.
function withLive(observed: UdpServerObservations, judge: (live: LiveObservations) => CheckOutcome): CheckOutcome {
  if (observed.kind !== 'ran') return blocked(skipped(observed));
  if (observed.start.kind === 'unreachable') return blocked(message('skipped.unreachable'));
  if (!observed.live) return blocked(message('skipped.not-started'));
  return judge(observed.live);
}
