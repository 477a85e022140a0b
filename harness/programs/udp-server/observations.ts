import type { RunOutput } from '../../launch/run-output.js';
import type { Death } from '../shared/launch.js';
import type { ProgramObservations } from '../shared/observations.js';
import type { InterruptObservation, StartObservation, TrafficObservation } from '../shared/serving-observations.js';

// What the harness saw while running one UDP server submission: plain data, judged later by the checks.

export type { Death, InterruptObservation, StartObservation, TrafficObservation };

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

export type UdpServerObservations = ProgramObservations<{
  readonly start: StartObservation;
  // Present only when the server bound to a loopback address and the probes ran.
  readonly live?: LiveObservations;
  readonly output: RunOutput;
  readonly restartOutput?: RunOutput;
}>;
