import type { RequestedSend } from '../../launch/send-log.js';
import type { RunOutput } from '../../launch/run-output.js';
import type { Death } from '../shared/launch.js';
import type { ProgramObservations } from '../shared/observations.js';

// What the harness saw while playing the echo server for one RTT client: plain data, judged later by the checks.

// One ping as it reached the grader's echo server.
export interface Ping {
  readonly payload: Buffer;
  // Milliseconds since the first ping arrived.
  readonly atMs: number;
}

// How one run of the client ended. Every wait is bounded: a client that stops sending is stopped.
export type RttClientEnd =
  // Exited by itself.
  | { readonly kind: 'exited'; readonly death: Death }
  // No ping reached the server within the startup deadline: killed.
  | { readonly kind: 'no-ping'; readonly deadlineMs: number }
  // Sent nothing and did not exit for `stallMs` after its last ping: killed.
  | { readonly kind: 'stalled'; readonly stallMs: number }
  // Still pinging at the run's deadline (`deadlineMs` after the first ping): killed.
  | { readonly kind: 'overtime'; readonly deadlineMs: number };

// One run of the client against the grader's echo server.
export interface RttClientRun {
  // Every datagram that reached the server, in order.
  readonly pings: readonly Ping[];
  readonly end: RttClientEnd;
  // The client's standard output, as text (the summary is read from it).
  readonly stdout: string;
}

export type UdpRttClientObservations = ProgramObservations<{
  // The run with the rubric's drops and delays.
  readonly measured: RttClientRun;
  // Where the code sent datagrams on other ports than the lab's (the hook's log): feeds messages only.
  readonly otherDestinations: readonly RequestedSend[];
  readonly output: RunOutput;
  // The run with a late echo; only when the rubric asks for it and the first run ended with code 0.
  readonly lateEcho?: RttClientRun;
}>;
