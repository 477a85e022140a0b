import type { EntryChoice } from '../../discovery/entry-file.js';
import type { RequestedBind } from '../../launch/bind-log.js';
import type { BoundSocket } from '../../launch/proc-sockets.js';
import type { RunOutput } from '../../launch/run-output.js';
import type { ExitStatus } from '../../launch/student-process.js';
import type { ClientResult } from '../../probes/udp.js';
import type { PythonError } from '../../python/traceback.js';

// What the harness saw while running one UDP server submission: plain data, judged later by the checks.

export interface Death {
  readonly status: ExitStatus;
  readonly error?: PythonError;
}

export type StartObservation =
  | { readonly kind: 'bound'; readonly socket: BoundSocket; readonly requested?: RequestedBind; readonly afterMs: number }
  | { readonly kind: 'died'; readonly death: Death }
  | { readonly kind: 'timeout'; readonly deadlineMs: number; readonly otherSockets: readonly BoundSocket[] }
  // Bound, but to an address that is not loopback: the harness sends nothing there.
  | { readonly kind: 'unreachable'; readonly socket: BoundSocket; readonly requested?: RequestedBind };

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

export type RestartObservation =
  | { readonly kind: 'not-attempted' }
  | { readonly kind: 'ran'; readonly start: StartObservation; readonly reply?: TrafficObservation };


// Everything observed from the moment the server bound until the end of the restart.
export interface LiveObservations {
  readonly reuseAddr: boolean;
  readonly reply: TrafficObservation;
  readonly manyClients: TrafficObservation;
  readonly printedPayload: boolean;
  readonly printedClient: boolean;
  readonly interrupt: InterruptObservation;
  readonly restart: RestartObservation;
}

export type UdpServerObservations =
  | { readonly kind: 'no-entry'; readonly expected: string; readonly candidates: readonly string[] }
  | { readonly kind: 'no-launcher'; readonly entry: EntryChoice & { name: string }; readonly source: Buffer }
  | {
      readonly kind: 'ran';
      readonly entry: EntryChoice & { name: string };
      readonly source: Buffer;
      // The port the lab asks for, and the free port it was mapped to for this run.
      readonly labPort: number;
      readonly mappedPort: number;
      readonly start: StartObservation;
      // Present only when the server bound to a loopback address and the probes ran.
      readonly live?: LiveObservations;
      readonly output: RunOutput;
      readonly restartOutput?: RunOutput;
    };
