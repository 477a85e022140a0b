import type { RunOutput } from '../../launch/run-output.js';
import type { Death } from '../shared/launch.js';
import type { ProgramObservations } from '../shared/observations.js';
import type { StartObservation, TrafficObservation } from '../shared/serving-observations.js';

// What the harness saw while running one UDP echo server submission: plain data, judged later by the checks.

// One probe's exchange, or why nothing was sent: the server had stopped during an earlier probe.
export type ProbeObservation =
  | { readonly kind: 'exchanged'; readonly traffic: TrafficObservation }
  | { readonly kind: 'server-gone'; readonly death: Death };

// Ctrl+C. `relaunched`: the first run had stopped during the probes, so a second run was started for it.
export type StopObservation =
  | {
      readonly kind: 'stopped';
      readonly relaunched: boolean;
      readonly death: Death;
      // What the server wrote (stdout, then stderr) after Ctrl+C was sent.
      readonly afterInterrupt: Buffer;
      readonly afterMs: number;
    }
  | { readonly kind: 'ignored'; readonly relaunched: boolean; readonly graceMs: number }
  | { readonly kind: 'already-dead'; readonly relaunched: boolean; readonly death: Death }
  // The first run had stopped, and the second one did not bind.
  | { readonly kind: 'no-relaunch'; readonly start: StartObservation };

// Everything observed from the moment the server bound until it stopped.
export interface EchoLiveObservations {
  readonly echo: ProbeObservation;
  readonly manyClients: ProbeObservation;
  readonly sizes: ProbeObservation;
  readonly binary: ProbeObservation;
  readonly stop: StopObservation;
}

export type UdpEchoObservations = ProgramObservations<{
  readonly start: StartObservation;
  // Present only when the server bound to a loopback address and the probes ran.
  readonly live?: EchoLiveObservations;
  readonly output: RunOutput;
  // The second run's output, when one was started for Ctrl+C.
  readonly restartOutput?: RunOutput;
}>;
