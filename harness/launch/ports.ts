import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { tcpSocketStates } from './tcp-port-states.js';

// Ports handed to runs that are still going; released when their grading ends.
const leased = new Set<number>();

// Below Linux's ephemeral range (32768-60999), so the kernel never hands one of ours to a client socket.
const range = { from: 20000, to: 29999 };

// The next port to try; get-port picks the first one, a counter walks the range from there.
let next: number | undefined;
let first: Promise<number> | undefined;

export interface PortLease extends Disposable {
  readonly port: number;
}

export interface LeaseOptions {
  // The program will use TCP on the port: skip ports with any TCP socket left, TIME_WAIT included. The
  // listen test below uses SO_REUSEADDR (as Node always does), so it passes beside a TIME_WAIT that a
  // student's server without the option would fail on (a TIME_WAIT lasts 60 s after a run on that port).
  readonly tcp?: boolean;
}

// A port free for both TCP and UDP on every address, reserved for one submission.
export async function leasePort(options: LeaseOptions = {}): Promise<PortLease> {
  const start = await (first ??= firstFreePort());
  next ??= start;
  const busyTcp = options.tcp ? new Set(tcpSocketStates()?.keys() ?? []) : new Set<number>();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = advance();
    if (leased.has(port) || busyTcp.has(port)) continue;
    leased.add(port);
    if (await portIsFree(port)) return { port, [Symbol.dispose]: () => leased.delete(port) };
    leased.delete(port);
  }
  throw new Error(`no free port in ${range.from}-${range.to}`);
}

// Starts the once-per-process search now (~15-20 ms: get-port's import and scan), while the caller
// waits on something else, so the first lease does not pay for it.
export function warmUpPorts(): void {
  first ??= firstFreePort();
}

// get-port's full scan (TCP on every interface) runs once per process; its module loads only then.
// A random start keeps two graders running at once (parallel test files, CI jobs) off each other's ports.
// Never rejects (a warm-up may have no one waiting on it): the counter checks every port it hands out anyway.
async function firstFreePort(): Promise<number> {
  const start = range.from + randomInt(range.to - range.from + 1);
  try {
    const { default: getPort, portNumbers } = await import('get-port');
    const port = await getPort({ port: [...portNumbers(start, range.to), ...portNumbers(range.from, start)] });
    return port >= range.from && port <= range.to ? port : start;
  } catch {
    return start;
  }
}

function advance(): number {
  const port = next ?? range.from;
  next = port >= range.to ? range.from : port + 1;
  return port;
}

// The wildcard binds conflict with any socket on the port, on any address, IPv4 or IPv6.
async function portIsFree(port: number): Promise<boolean> {
  const [udp, tcp] = await Promise.all([udpPortIsFree(port), tcpPortIsFree(port)]);
  return udp && tcp;
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

// Listening on the dual-stack wildcard conflicts with any TCP listener on the port, on any address.
function tcpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '::', ipv6Only: false }, () => server.close(() => resolve(true)));
  });
}
