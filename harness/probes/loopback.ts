import type { BoundSocket } from '../launch/proc-sockets.js';

// Where probes go, UDP or TCP: always an explicit loopback address, never a name such as 'localhost'.
export interface LoopbackTarget {
  readonly family: 4 | 6;
  readonly address: string;
  readonly port: number;
}

// A wildcard bind is reached through loopback; any other address is not ours to contact.
export function loopbackTarget(socket: BoundSocket): LoopbackTarget | undefined {
  const address = socket.address === '0.0.0.0' ? '127.0.0.1' : socket.address === '::' ? '::1' : socket.address;
  const isLoopback = address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
  return isLoopback ? { family: socket.family, address, port: socket.port } : undefined;
}
