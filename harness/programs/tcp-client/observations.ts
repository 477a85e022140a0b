import type { RequestedSend } from '../../launch/send-log.js';
import type { RunOutput } from '../../launch/run-output.js';
import type { ClientEnd } from '../shared/client-observations.js';
import type { ProgramObservations } from '../shared/observations.js';

// What the harness saw while playing the server for one TCP client submission: plain data, judged later by the checks.

export interface Connection {
  readonly fromAddress: string;
  readonly fromPort: number;
  // Every byte the client sent on it until the client ended.
  readonly received: Buffer;
}

// One run of the client against the grader's server.
export interface ClientRun {
  // Every connection the server accepted, in order.
  readonly connections: readonly Connection[];
  // How long the server waited for the client's first bytes.
  readonly startupMs: number;
  readonly end: ClientEnd;
}

// The run where the server answered the first bytes of each connection with the rubric's reply, then closed it.
export interface AnsweredRun extends ClientRun {
  // Where the code connected on other ports than the lab's (the hook's log): feeds messages only.
  readonly otherDestinations: readonly RequestedSend[];
}

export type TcpClientObservations = ProgramObservations<{
  readonly answered: AnsweredRun;
  // Run again against a server that accepts and reads but never answers; only when the first run's bytes arrived.
  readonly silent?: ClientRun;
  readonly output: RunOutput;
}>;
