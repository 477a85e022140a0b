import type { RunOutput } from '../../launch/run-output.js';
import type { HttpExchange } from '../../probes/http.js';
import type { Death } from '../shared/launch.js';
import type { ProgramObservations } from '../shared/observations.js';
import type { StartObservation } from '../shared/serving-observations.js';

// What the harness saw while running one HTTP server submission: plain data, judged later by the checks.

// One request: what came back (and the server's death if it died on it), or why nothing was sent.
export type RequestObservation =
  | { readonly kind: 'exchanged'; readonly exchange: HttpExchange; readonly death?: Death }
  // The server had stopped during an earlier request.
  | { readonly kind: 'server-gone'; readonly death: Death };

// Two requests that are not HTTP, then the page again: the server must still answer it.
export interface MalformedObservation {
  readonly garbage: RequestObservation;
  readonly empty: RequestObservation;
  readonly after: RequestObservation;
}

// Ctrl+C. `relaunched`: the first run had stopped during the requests, so a second run was started for it.
export type StopObservation =
  | { readonly kind: 'stopped'; readonly relaunched: boolean; readonly afterMs: number }
  | { readonly kind: 'ignored'; readonly relaunched: boolean; readonly graceMs: number }
  | { readonly kind: 'already-dead'; readonly relaunched: boolean; readonly death: Death }
  // The first run had stopped, and the second one did not listen.
  | { readonly kind: 'no-relaunch'; readonly start: StartObservation };

// Everything observed from the moment the server listened until it stopped.
export interface HttpLiveObservations {
  readonly home: RequestObservation;
  readonly missing: RequestObservation;
  readonly malformed: MalformedObservation;
  readonly stop: StopObservation;
}

export type HttpServerObservations = ProgramObservations<{
  readonly start: StartObservation;
  // Present only when the server listened on a loopback address and the requests ran.
  readonly live?: HttpLiveObservations;
  readonly output: RunOutput;
  // The second run's output, when one was started for Ctrl+C.
  readonly restartOutput?: RunOutput;
}>;
