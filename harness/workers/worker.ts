import { createInterface } from 'node:readline';
import { warmUpPorts } from '../launch/ports.js';
import { gradeProgram } from '../programs/registry.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';
import { decodeLine, encodeLine } from './wire.js';

// A slot worker: lives in its own network namespace (loopback only) with the programs it grades, so the
// probes reach them and nothing else does. Grades one submission at a time, as the harness asks.

const send = (message: FromWorker) => process.stdout.write(encodeLine(message));
// Before the setup arrives (the slot boots ahead of it): the first submission's lease is then instant.
warmUpPorts();

let setup: WorkerSetup | undefined;
for await (const line of createInterface({ input: process.stdin })) {
  const message = decodeLine<ToWorker>(line);
  if (message.kind === 'setup') {
    setup = message.setup;
    send({ kind: 'ready' });
  } else if (!setup) {
    send({ kind: 'fault', message: 'worker asked to grade before its setup' });
  } else {
    try {
      send({ kind: 'result', result: await gradeProgram(message.submission, setup) });
    } catch (error) {
      send({ kind: 'fault', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
}
