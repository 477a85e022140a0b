import type { RunOutput } from '../../launch/run-output.js';
import type { Conversation } from '../../probes/tcp.js';
import type { TimeWaitOrigin } from '../../probes/time-wait.js';
import type { Death } from '../shared/launch.js';
import type { ProgramObservations } from '../shared/observations.js';
import type { InterruptObservation, StartObservation } from '../shared/serving-observations.js';

// What the harness saw while running one TCP server submission: plain data, judged later by the checks.

// One connection to the server, and whether the server had stopped once the conversation was over.
export interface ConnectionObservation {
  readonly conversation: Conversation;
  readonly deadlineMs: number;
  readonly death?: Death;
}

// Several clients one after the other, then as many at once; or nothing, the server having stopped before.
export type ManyClientsObservation =
  | {
      readonly kind: 'conversed';
      readonly inTurn: readonly Conversation[];
      readonly atOnce: readonly Conversation[];
      readonly deadlineMs: number;
      readonly death?: Death;
    }
  | { readonly kind: 'server-gone'; readonly death: Death };

// Ctrl+C on the first run; or, when that one had stopped during the probes, on the restarted one (`relaunched`).
export interface CtrlCObservation {
  readonly relaunched: boolean;
  readonly interrupt: InterruptObservation;
}

// The restart on the lab's port, with a connection on it in TIME_WAIT.
export type RestartObservation =
  | { readonly kind: 'ran'; readonly timeWait: Exclude<TimeWaitOrigin, 'missing'>; readonly start: StartObservation }
  // The first run listened on another port than the lab's (the hook moves any other port to a new one each run).
  | { readonly kind: 'other-port' }
  // No connection on the port could be put in TIME_WAIT: the restart would prove nothing.
  | { readonly kind: 'no-time-wait' };

// Everything observed from the moment the server listened until the end of the restart.
export interface LiveObservations {
  readonly reply: ConnectionObservation;
  readonly printedPayload: boolean;
  readonly printedClient: boolean;
  readonly manyClients: ManyClientsObservation;
  readonly ctrlC: CtrlCObservation;
  readonly restart: RestartObservation;
}

export type TcpServerObservations = ProgramObservations<{
  readonly start: StartObservation;
  // Present only when the server listened on a loopback address and the probes ran.
  readonly live?: LiveObservations;
  readonly output: RunOutput;
  readonly restartOutput?: RunOutput;
}>;
