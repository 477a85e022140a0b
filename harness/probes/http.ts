import { connect, type Socket } from 'node:net';
import type { LoopbackTarget } from './loopback.js';

// One HTTP exchange over a plain TCP socket: exactly the bytes a test wants go out, and every byte that
// comes back is kept as it arrived (Node's http client would hide or reject a malformed response).

// Where the probe connects: always an explicit loopback address, never a name such as 'localhost'.
// How the reading ended: the server closed (EOF) or reset the connection, the deadline passed with the
// connection still open, or the byte cap was reached.
export type ExchangeEnd = 'closed' | 'reset' | 'deadline' | 'byte-cap';

export type HttpExchange =
  | { readonly kind: 'refused'; readonly code: string }
  | { readonly kind: 'connected'; readonly received: Buffer; readonly end: ExchangeEnd };

export interface ExchangePlan {
  // The bytes sent once connected; empty: nothing is sent.
  readonly request: Buffer;
  // Half-close the connection after the request (an empty connection closed at once by the client).
  readonly endAfterRequest: boolean;
  // From the connection attempt to the end of reading, whatever the server does.
  readonly deadlineMs: number;
  // The most bytes kept; reading stops there.
  readonly maxBytes: number;
}

// Sends the request and reads until the server closes, the deadline, or the cap: the response is read to
// its end (not only to its Content-Length) so a wrong Content-Length and a connection left open both show.
// The socket is always reset at the end, never closed with a FIN after the server's: no TIME_WAIT stays on
// the server's port, so the port can be handed to another run at once.
export function exchangeHttp(target: LoopbackTarget, plan: ExchangePlan): Promise<HttpExchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    // allowHalfOpen: on the server's EOF Node must not send its own FIN (see above); the reset ends it.
    const socket: Socket = connect({ host: target.address, port: target.port, family: target.family, allowHalfOpen: true });
    const timer = setTimeout(() => finish('deadline'), plan.deadlineMs);

    function finish(end: ExchangeEnd | { readonly refused: string }): void {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      if (socket.readyState === 'closed' || socket.destroyed) socket.destroy();
      else socket.resetAndDestroy();
      if (typeof end === 'object') resolve({ kind: 'refused', code: end.refused });
      else resolve({ kind: 'connected', received: Buffer.concat(chunks, size), end });
    }

    socket.once('connect', () => {
      connected = true;
      if (plan.request.length > 0) socket.write(plan.request);
      if (plan.endAfterRequest) socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      const kept = chunk.subarray(0, plan.maxBytes - size);
      chunks.push(kept);
      size += kept.length;
      if (size >= plan.maxBytes) finish('byte-cap');
    });
    socket.once('end', () => finish('closed'));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(connected ? 'reset' : { refused: error.code ?? error.message });
    });
  });
}
