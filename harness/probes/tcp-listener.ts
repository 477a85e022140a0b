import { createServer, type Socket } from 'node:net';
import { now } from '../clock.js';

// The grader playing a TCP server for a student's client: it accepts every connection and records what
// arrives. Answering, it does what the lab's server does: on the first bytes of a connection (its
// recv(1024)), it sends the answer and closes. Silent, it accepts and reads but never answers nor closes.
// Disposing it closes every connection and the listening socket.

export interface AcceptedConnection {
  readonly fromAddress: string;
  readonly fromPort: number;
  // Every byte the client sent so far, in order.
  received(): Buffer;
}

export interface TcpListener extends AsyncDisposable {
  readonly connections: readonly AcceptedConnection[];
  // Resolves with now() when the first bytes arrive on any connection (answered by then).
  readonly firstData: Promise<number>;
  // The same moment, or undefined while nothing has arrived.
  firstDataAt(): number | undefined;
}

export async function listenTcp(address: string, port: number, answer?: Buffer): Promise<TcpListener> {
  const connections: AcceptedConnection[] = [];
  const sockets = new Set<Socket>();
  let firstAt: number | undefined;
  let dataArrived: (at: number) => void = () => undefined;
  const firstData = new Promise<number>((resolve) => (dataArrived = resolve));

  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A client gone abruptly (RST) only ends what it sent.
    socket.on('error', () => undefined);
    const chunks: Buffer[] = [];
    connections.push({
      fromAddress: socket.remoteAddress ?? '',
      fromPort: socket.remotePort ?? 0,
      received: () => Buffer.concat(chunks),
    });
    socket.on('data', (chunk: Buffer) => {
      const first = chunks.length === 0;
      chunks.push(chunk);
      if (first && answer) socket.end(answer);
      if (first && firstAt === undefined) {
        firstAt = now();
        dataArrived(firstAt);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    connections,
    firstData,
    firstDataAt: () => firstAt,
    [Symbol.asyncDispose]: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
