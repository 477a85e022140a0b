import { createSocket } from 'node:dgram';
import { tcpSocketStates } from './tcp-port-states.js';

// Ports handed to runs that are still going; released when their grading ends.
const leased = new Set<number>();

// Below Linux's ephemeral range (32768-60999), so the kernel never hands one of ours to a client socket.
const range = { from: 20000, to: 29999 };

// Where the next lease starts looking. A random start keeps two graders running at once (parallel test
// files, CI jobs) off each other's ports; each lease then starts after the previous one.
// Math.random: no secret here, and node:crypto costs ~3 ms of a process's start.
let next = range.from + Math.floor(Math.random() * (range.to - range.from + 1));
let getPortModule: Promise<typeof import('get-port')> | undefined;

export interface PortLease extends Disposable {
  readonly port: number;
}

export interface LeaseOptions {
  // The program will use TCP on the port: skip ports with any TCP socket left, TIME_WAIT included. get-port's
  // listen test passes beside a TIME_WAIT (Node always sets SO_REUSEADDR), where a student's server without
  // the option would fail (a TIME_WAIT lasts 60 s after a run on that port).
  readonly tcp?: boolean;
}

// A port free for both TCP and UDP, reserved for one submission. get-port finds the next port free for TCP on
// 0.0.0.0 (a listener on any IPv4 address, or on the dual-stack wildcard, takes it); a TCP kind's lease also
// skips any port with a TCP socket in /proc, IPv6 ones included; the UDP check is ours, on every address.
// Not '::' for get-port: Node resolves a listen's address first, and its first IPv6 check compiles a large
// regular expression (~5 ms in each process, on the way to the first launch).
export async function leasePort(options: LeaseOptions = {}): Promise<PortLease> {
  const ahead = leaseAhead;
  leaseAhead = undefined;
  const early = await ahead;
  if (early && !options.tcp) return early;
  early?.[Symbol.dispose]();
  return findPort(options);
}

// A lease taken while the process waits on something else (a slot for its setup, the harness for Python):
// the first submission's then costs nothing, where it took 3-5 ms of a cold start (get-port, two sockets).
// Taken without the TCP check, it serves UDP programs: /proc/net/tcp lists one namespace's sockets but the
// kernel walks the whole machine's to print it (~10 ms on a busy host), work a TCP lease does anyway.
let leaseAhead: Promise<PortLease | undefined> | undefined;

export function warmUpPorts(): void {
  leaseAhead ??= findPort({}).catch(() => undefined);
}

async function findPort(options: LeaseOptions): Promise<PortLease> {
  const { default: getPort } = await (getPortModule ??= import('get-port'));
  const busyTcp = options.tcp ? [...(tcpSocketStates()?.keys() ?? [])] : [];
  const busyUdp = new Set<number>();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await getPort({ host: '0.0.0.0', port: rangeFrom(next), exclude: [...leased, ...busyTcp, ...busyUdp] });
    // get-port's last resort is a port of the kernel's choosing: none of the range was free.
    if (port < range.from || port > range.to) break;
    next = port === range.to ? range.from : port + 1;
    if (!(await udpPortIsFree(port))) {
      busyUdp.add(port);
      continue;
    }
    leased.add(port);
    return { port, [Symbol.dispose]: () => leased.delete(port) };
  }
  throw new Error(`no free port in ${range.from}-${range.to}`);
}

// Every port of the range once, from `start` round to the port before it.
function* rangeFrom(start: number): Generator<number> {
  for (let port = start; port <= range.to; port++) yield port;
  for (let port = range.from; port < start; port++) yield port;
}

// Binding the dual-stack wildcard conflicts with any UDP socket on the port, IPv4 or IPv6. The address is
// a literal: given as such, it skips Node's resolution (see leasePort).
export function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp6', ipv6Only: false, lookup: literalIpv6 });
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '::', () => socket.close(() => resolve(true)));
  });
}

function literalIpv6(address: string, _options: unknown, callback: (error: null, address: string, family: number) => void): void {
  callback(null, address, 6);
}
