import { connect, createServer, type Server } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import pTimeout from 'p-timeout';
import { hasTimeWait } from '../launch/tcp-port-states.js';
import type { LoopbackTarget } from './loopback.js';
import { now } from '../clock.js';

// A TCP port stays in TIME_WAIT for 60 s after a connection on it is closed first by the side bound to it
// (the server's active close). A server restarted meanwhile binds only if its socket sets SO_REUSEADDR and
// the TIME_WAIT's socket had it too: that is how the missing option shows in a terminal (Errno 98).

// Whose TIME_WAIT the port holds: the server's own connections left one, or the grader made one.
// 'missing': none could be made (the port is unusable for the test: the check cannot be judged).
export type TimeWaitOrigin = 'left-by-server' | 'seeded' | 'missing';

// Makes sure a connection on the port is in TIME_WAIT before a restart. A TIME_WAIT the grader makes has
// SO_REUSEADDR (Node sets it on every listening socket), so only the restarted server's own option decides.
export async function ensureTimeWait(target: LoopbackTarget, deadlineMs: number): Promise<TimeWaitOrigin> {
  if (hasTimeWait(target.port)) return 'left-by-server';
  if (!(await seedTimeWait(target, deadlineMs))) return 'missing';
  // Where /proc is missing (macOS) the seeded TIME_WAIT cannot be seen: the seeding's success stands for it.
  return (await timeWaitShows(target.port, deadlineMs)) === false ? 'missing' : 'seeded';
}

// Listens on the port, lets one client connect and send a byte, and closes the server's side first.
async function seedTimeWait(target: LoopbackTarget, deadlineMs: number): Promise<boolean> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end());
  });
  if (!(await listening(server, target))) return false;
  try {
    const connected = connect({ host: target.address, port: target.port, family: target.family });
    const closed = new Promise<boolean>((resolve) => {
      connected.on('error', () => undefined); // shows as close(hadError)
      connected.once('connect', () => connected.write('x'));
      // Read to the server's FIN; the client then ends its side (allowHalfOpen is off) and the server's side goes to TIME_WAIT.
      connected.resume();
      connected.once('close', (hadError) => resolve(!hadError));
    });
    return await pTimeout(closed, { milliseconds: deadlineMs, fallback: () => false }).finally(() => connected.destroy());
  } finally {
    await pTimeout(new Promise<void>((resolve) => server.close(() => resolve())), { milliseconds: deadlineMs, fallback: () => undefined });
  }
}

function listening(server: Server, target: LoopbackTarget): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(target.port, target.address, () => resolve(true));
  });
}

// The kernel moves the server's side to TIME_WAIT when the client's FIN arrives, which the client's close
// may precede by a moment: poll /proc until it shows (undefined where /proc is missing).
async function timeWaitShows(port: number, deadlineMs: number): Promise<boolean | undefined> {
  const started = now();
  for (;;) {
    const shows = hasTimeWait(port);
    if (shows !== false || now() - started > deadlineMs) return shows;
    await delay(1);
  }
}
