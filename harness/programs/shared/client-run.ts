import { setImmediate as nextTurn } from 'node:timers/promises';
import pTimeout from 'p-timeout';
import type { StudentProcess } from '../../launch/student-process.js';
import type { ClientEnd } from './client-observations.js';
import { deathOf } from './launch.js';
import { now } from '../../clock.js';

// What the grader's server (UDP or TCP) tells a client's run: when the client's first message arrived.
export interface FirstArrival {
  // Settles when the first message has arrived (and been answered, when the server answers).
  readonly arrived: Promise<unknown>;
  // now() at that moment; undefined while nothing has arrived.
  arrivedAt(): number | undefined;
}

// How a client's run ends: wait for its first message (the startup deadline), then for its exit, at most
// `endMs` after that message arrived. A client still running at a deadline is killed.
export async function watchClient(
  client: StudentProcess,
  first: FirstArrival,
  deadlines: { readonly startupMs: number; readonly endMs: number },
  entryName: string,
): Promise<ClientEnd> {
  const started = await pTimeout(
    Promise.race([first.arrived.then(() => 'arrived' as const), client.exited.then(() => 'exited' as const)]),
    { milliseconds: deadlines.startupMs, fallback: () => 'timeout' as const },
  );
  // A message sent just before the exit is still read: one turn of the event loop.
  if (started === 'exited') await nextTurn();
  const arrivedAt = first.arrivedAt();
  if (arrivedAt === undefined) return client.exitStatus() ? exitedEnd(client, entryName) : killedEnd(client, deadlines.startupMs);
  const remainingMs = Math.max(0, deadlines.endMs - (now() - arrivedAt));
  // The deadline is the program's own exit; reading its last output is not its time.
  const finished = await pTimeout(client.processGone.then(() => true), { milliseconds: remainingMs, fallback: () => false });
  if (!finished) return killedEnd(client, deadlines.endMs);
  await client.exited;
  await nextTurn();
  return exitedEnd(client, entryName);
}

function exitedEnd(client: StudentProcess, entryName: string): ClientEnd {
  return { kind: 'exited', death: deathOf(client, entryName) };
}

async function killedEnd(client: StudentProcess, deadlineMs: number): Promise<ClientEnd> {
  await client.kill();
  return { kind: 'killed', deadlineMs };
}
