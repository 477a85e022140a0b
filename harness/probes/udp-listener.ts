import { bindServerSocket } from './udp-server-socket.js';
import { now } from '../clock.js';

// A datagram as the grader's own server received it.
export interface ReceivedDatagram {
  readonly payload: Buffer;
  readonly fromAddress: string;
  readonly fromPort: number;
  // now() when it arrived.
  readonly at: number;
}

// The grader playing the server for a student's client: a UDP socket that records every datagram and,
// when given an answer, sends it back to each datagram's sender at once. Disposing it closes the socket.
export interface UdpListener extends AsyncDisposable {
  readonly datagrams: readonly ReceivedDatagram[];
  // Resolves when the first datagram has arrived (and been answered).
  readonly first: Promise<ReceivedDatagram>;
}

export async function listenUdp(address: string, port: number, answer?: Buffer): Promise<UdpListener> {
  const socket = await bindServerSocket(address, port);
  const datagrams: ReceivedDatagram[] = [];
  let arrived: (datagram: ReceivedDatagram) => void = () => undefined;
  const first = new Promise<ReceivedDatagram>((resolve) => (arrived = resolve));
  socket.on('message', (payload, sender) => {
    const datagram = { payload, fromAddress: sender.address, fromPort: sender.port, at: now() };
    datagrams.push(datagram);
    if (answer) socket.send(answer, sender.port, sender.address);
    arrived(datagram);
  });
  return {
    datagrams,
    first,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
