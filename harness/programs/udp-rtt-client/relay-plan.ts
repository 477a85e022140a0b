import type { EchoFate } from '../../probes/udp-echo-relay.js';
import type { UdpRttClientConfig } from './config.js';

// What the grader's echo server does to each ping of a run, by ping number (1 = the first to arrive):
// the scenario feeds it to the relay, the checks read from it what the client should have seen.
export interface RelayPlan {
  fateOf(ping: number): EchoFate;
}

// The measured run: every echo after echoDelayMs, the slow ones later, the dropped ones never.
export function measuredRunPlan(program: UdpRttClientConfig): RelayPlan {
  const { echoDelayMs, slowEchoes, droppedPings } = program.relay;
  return {
    fateOf: (ping) => {
      if (droppedPings.includes(ping)) return { kind: 'drop' };
      return { kind: 'echo', delayMs: slowEchoes.find((slow) => slow.ping === ping)?.delayMs ?? echoDelayMs };
    },
  };
}

// The late-echo run: one echo comes back after the client gave up on it, one ping is lost.
export function lateEchoRunPlan(program: UdpRttClientConfig, late: NonNullable<UdpRttClientConfig['lateEcho']>): RelayPlan {
  return {
    fateOf: (ping) => {
      if (ping === late.latePing) return { kind: 'late' };
      if (ping === late.droppedPing) return { kind: 'drop' };
      return { kind: 'echo', delayMs: program.relay.echoDelayMs };
    },
  };
}

// The pings among the first `sent` whose echo the client never gets in time.
export function lostPings(plan: RelayPlan, sent: number): number[] {
  return Array.from({ length: sent }, (_, i) => i + 1).filter((ping) => plan.fateOf(ping).kind !== 'echo');
}

// The injected delay of every ping among the first `sent` that is echoed in time.
export function echoDelays(plan: RelayPlan, sent: number): number[] {
  return Array.from({ length: sent }, (_, i) => plan.fateOf(i + 1)).flatMap((fate) => (fate.kind === 'echo' ? [fate.delayMs] : []));
}
