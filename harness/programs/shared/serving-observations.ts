import type { RequestedBind } from '../../launch/bind-log.js';
import type { BoundSocket } from '../../launch/proc-sockets.js';
import type { ExitStatus } from '../../launch/student-process.js';
import type { LoopbackTarget } from '../../probes/loopback.js';
import type { ClientResult } from '../../probes/udp.js';
import type { Death } from './launch.js';

// What the harness sees of any UDP server it runs (the lab's server, the echo server): plain data.

export type StartObservation =
  // `target`: where the probes reach the socket over loopback.
  | { readonly kind: 'bound'; readonly socket: BoundSocket; readonly target: LoopbackTarget; readonly requested?: RequestedBind; readonly afterMs: number }
  | { readonly kind: 'died'; readonly death: Death }
  | { readonly kind: 'timeout'; readonly deadlineMs: number; readonly otherSockets: readonly BoundSocket[] }
  // Bound, but to an address that is not loopback: the harness sends nothing there.
  | { readonly kind: 'unreachable'; readonly socket: BoundSocket; readonly requested?: RequestedBind };

export type BoundStart = Extract<StartObservation, { kind: 'bound' }>;

export interface TrafficObservation {
  readonly clients: readonly ClientResult[];
  readonly deadlineMs: number;
  // Set when the server died during the exchange.
  readonly death?: Death;
}

export type InterruptObservation =
  | { readonly kind: 'stopped'; readonly status: ExitStatus; readonly afterMs: number }
  | { readonly kind: 'ignored'; readonly graceMs: number }
  | { readonly kind: 'already-dead'; readonly death: Death };
