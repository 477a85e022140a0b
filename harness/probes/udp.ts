import { createSocket, type Socket } from 'node:dgram';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pTimeout from 'p-timeout';
import { literalAddress } from '../launch/literal-address.js';
import type { BoundSocket } from '../launch/proc-sockets.js';
import type { LoopbackTarget as UdpTarget } from './loopback.js';

// UDP probes use the same loopback targets as every other probe.
export { loopbackTarget, type LoopbackTarget as UdpTarget } from './loopback.js';

export interface ClientPlan {
  readonly payloads: readonly Buffer[];
}

export interface ClientResult {
  readonly localAddress: string;
  readonly localPort: number;
  readonly sent: readonly Buffer[];
  readonly replies: readonly Buffer[];
}

// Several client sockets send their datagrams, interleaved, and collect what comes back to each of them.
// Ends when every client has as many replies as it sent, when `stop` settles (the server died), or at the deadline.
export async function exchangeDatagrams(
  target: UdpTarget,
  plans: readonly ClientPlan[],
  deadlineMs: number,
  stop: Promise<unknown>,
  // Called with each client's port before anything is sent, so output can be watched for it.
  onClientPort?: (port: number) => void,
): Promise<ClientResult[]> {
  const clients = await Promise.all(plans.map(() => openClient(target.family)));
  try {
    for (const socket of clients) onClientPort?.(socket.address().port);
    const replies = clients.map(() => [] as Buffer[]);
    const complete = new Promise<void>((resolve) => {
      const checkDone = () => {
        if (replies.every((received, i) => received.length >= plans[i]!.payloads.length)) resolve();
      };
      clients.forEach((socket, i) =>
        socket.on('message', (message) => {
          replies[i]!.push(message);
          checkDone();
        }),
      );
    });
    const rounds = Math.max(...plans.map((plan) => plan.payloads.length));
    for (let round = 0; round < rounds; round++) {
      for (const [i, plan] of plans.entries()) {
        const payload = plan.payloads[round];
        if (payload) await send(clients[i]!, payload, target);
      }
    }
    // A reply already on its way when the server exits is still read: one turn of the event loop.
    const serverGone = stop.then(() => nextTurn());
    await pTimeout(Promise.race([complete, serverGone]), { milliseconds: deadlineMs }).catch(() => undefined);
    return clients.map((socket, i) => ({
      localAddress: socket.address().address,
      localPort: socket.address().port,
      sent: plans[i]!.payloads,
      replies: [...replies[i]!],
    }));
  } finally {
    for (const socket of clients) socket.close();
  }
}

// True when a socket with SO_REUSEADDR can bind beside the server's: the kernel allows it iff the server set it too.
// The probe socket is closed at once; no probe traffic may be in flight meanwhile, or the probe could steal it.
export function reuseAddrProbe(server: BoundSocket): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: server.family === 6 ? 'udp6' : 'udp4', reuseAddr: true, lookup: literalAddress });
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(server.port, server.address, () => socket.close(() => resolve(true)));
  });
}

function openClient(family: 4 | 6): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: family === 6 ? 'udp6' : 'udp4', lookup: literalAddress });
    socket.once('error', reject);
    socket.bind(0, family === 6 ? '::1' : '127.0.0.1', () => {
      // Later errors (an ICMP port-unreachable) only mean no reply will come; the deadline covers that.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

function send(socket: Socket, payload: Buffer, target: UdpTarget): Promise<void> {
  return new Promise((resolve) => socket.send(payload, target.port, target.address, () => resolve()));
}
