import type { RequestedSend } from '../../launch/send-log.js';
import type { RunOutput } from '../../launch/run-output.js';
import type { ClientEnd } from '../shared/client-observations.js';
import type { ProgramObservations } from '../shared/observations.js';

// What the harness saw while playing the server for one UDP client submission: plain data, judged later by the checks.

export interface Datagram {
  readonly payload: Buffer;
  readonly fromAddress: string;
  readonly fromPort: number;
}

// One run of the client against the grader's server.
export interface ClientRun {
  // Every datagram that reached the server, in order, until the client ended.
  readonly datagrams: readonly Datagram[];
  // How long the server waited for a first datagram.
  readonly startupMs: number;
  readonly end: ClientEnd;
}

// The run where the server answered every datagram with the rubric's reply.
export interface AnsweredRun extends ClientRun {
  // Where the code sent datagrams on other ports than the lab's (the hook's log): feeds messages only.
  readonly otherDestinations: readonly RequestedSend[];
}

export type UdpClientObservations = ProgramObservations<{
  // The run against a server that answered every datagram with the rubric's reply.
  readonly answered: AnsweredRun;
  // Run again against a server that never answers; only when the first run's datagram reached the server.
  readonly silent?: ClientRun;
  readonly output: RunOutput;
}>;
