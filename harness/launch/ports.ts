import { createSocket } from 'node:dgram';
import getPort, { portNumbers } from 'get-port';
import { tcpSocketStates } from './tcp-port-states.js';

// Ports handed to runs that are still going; released when their grading ends.
const leased = new Set<number>();

// Below Linux's ephemeral range (32768-60999), so the kernel never hands one of ours to a client socket.
const range = { from: 20000, to: 29999 };

export interface PortLease extends Disposable {
  readonly port: number;
}

export interface LeaseOptions {
  // The program will use TCP on the port: skip ports with any TCP socket left, TIME_WAIT included. get-port's
  // test listens with SO_REUSEADDR (as Node always does), so it passes beside a TIME_WAIT that a student's
  // server without the option would fail on (a TIME_WAIT lasts 60 s after a run on that port).
  readonly tcp?: boolean;
}

// A port free for both TCP (get-port's test) and UDP on every address, reserved for one submission.
export async function leasePort(options: LeaseOptions = {}): Promise<PortLease> {
  const busyTcp = options.tcp ? [...(tcpSocketStates()?.keys() ?? [])] : [];
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await getPort({ port: portNumbers(range.from, range.to), exclude: [...leased, ...busyTcp] });
    leased.add(port);
    if (await udpPortIsFree(port)) {
      return { port, [Symbol.dispose]: () => leased.delete(port) };
    }
  }
  throw new Error(`no free port in ${range.from}-${range.to}`);
}

// Binding the dual-stack wildcard conflicts with any UDP socket on the port, IPv4 or IPv6.
export function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp6', ipv6Only: false });
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '::', () => socket.close(() => resolve(true)));
  });
}
