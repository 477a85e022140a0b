import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { literalAddress } from './literal-address.js';
import { tcpSocketStates } from './tcp-port-states.js';

// Ports handed to runs that are still going; released when their grading ends.
const leased = new Set<number>();

// Below Linux's ephemeral range (32768-60999), so the kernel never hands one of ours to a client socket.
const range = { from: 20000, to: 29999 };

// Where the next lease starts looking. A random start keeps two graders running at once (parallel test
// files, CI jobs) off each other's ports; each lease then starts after the previous one.
// Math.random: no secret here, and node:crypto costs ~3 ms of a process's start.
let next = range.from + Math.floor(Math.random() * (range.to - range.from + 1));

export interface PortLease extends Disposable {
  readonly port: number;
}

export interface LeaseOptions {
  // The program will use TCP on the port: skip ports with any TCP socket left, TIME_WAIT included. The listen
  // test passes beside a TIME_WAIT (Node always sets SO_REUSEADDR), where a student's server without the option
  // would fail (a TIME_WAIT lasts 60 s after a run on that port).
  readonly tcp?: boolean;
}

// A port free for both TCP and UDP on every address, reserved for one submission; a TCP kind's lease also skips any
// port with a TCP socket in /proc, IPv6 ones included.
export async function leasePort(options: LeaseOptions = {}): Promise<PortLease> {
  const ahead = leaseAhead;
  leaseAhead = undefined;
  const early = await ahead;
  if (early && !options.tcp) return early;
  early?.[Symbol.dispose]();
  return findPort(options);
}

// A lease taken while the process waits on something else (a slot for its setup, the harness for Python):
// the first submission's then costs nothing, where it took 3-5 ms of a cold start (two sockets).
// Taken without the TCP check, it serves UDP programs: /proc/net/tcp lists one namespace's sockets but the
// kernel walks the whole machine's to print it (~10 ms on a busy host), work a TCP lease does anyway.
let leaseAhead: Promise<PortLease | undefined> | undefined;

export function warmUpPorts(): void {
  leaseAhead ??= findPort({}).catch(() => undefined);
}

async function findPort(options: LeaseOptions): Promise<PortLease> {
  const busyTcp = options.tcp ? (tcpSocketStates() ?? new Map<number, unknown>()) : new Map<number, unknown>();
  let checked = 0;
  for (const port of rangeFrom(next)) {
    if (leased.has(port) || busyTcp.has(port)) continue;
    if (checked++ === 50) break;
    next = port === range.to ? range.from : port + 1;
    // Held while it is checked: a lease asked meanwhile checks the next port.
    leased.add(port);
    if ((await tcpPortIsFree(port)) && (await udpPortIsFree(port))) return { port, [Symbol.dispose]: () => leased.delete(port) };
    leased.delete(port);
  }
  throw new Error(`no free port in ${range.from}-${range.to}`);
}

// Every port of the range once, from `start` round to the port before it.
function* rangeFrom(start: number): Generator<number> {
  for (let port = start; port <= range.to; port++) yield port;
  for (let port = range.from; port < start; port++) yield port;
}

// A listen without an address is on the dual-stack wildcard (IPv4's where there is no IPv6): it conflicts with a
// listener on any address. Without an address, Node resolves nothing either (no node:dns).
function tcpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

// Binding the dual-stack wildcard conflicts with any UDP socket on the port, IPv4 or IPv6. The address is
// a literal: given as such, it skips Node's resolution (node:dns, and a large regular expression compiled at its
// first IPv6 check: ~5 ms in each process, on the way to the first launch).
export function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp6', ipv6Only: false, lookup: literalAddress });
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '::', () => socket.close(() => resolve(true)));
  });
}
