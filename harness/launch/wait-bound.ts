import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { lsofBoundSockets } from './lsof-sockets.js';
import { type BoundSocket, type SocketTable, boundSockets } from './proc-sockets.js';
import type { ExitStatus, StudentProcess } from './student-process.js';

export type BindWait =
  | { readonly kind: 'bound'; readonly sockets: readonly BoundSocket[]; readonly afterMs: number }
  | { readonly kind: 'exited'; readonly status: ExitStatus }
  // At the deadline: any socket of another protocol it did bind (a TCP server where UDP was asked).
  | { readonly kind: 'timeout'; readonly otherSockets: readonly BoundSocket[] };

const pollIntervalMs = 2;
// lsof is a process per call: poll it less often.
const lsofPollIntervalMs = 20;

const hasProc = existsSync('/proc/self/net/udp');

// /proc where the system has it (Linux: 0.1 ms a read); lsof elsewhere (macOS), or when GRADER_SOCKETS=lsof.
function socketReader(): (pid: number, tables: readonly SocketTable[]) => Promise<BoundSocket[]> {
  return process.env.GRADER_SOCKETS === 'lsof' || !hasProc ? lsofBoundSockets : async (pid, tables) => boundSockets(pid, tables);
}
const tcpListen = 0x0a;
// A server's UDP socket is unconnected (TCP_CLOSE in /proc). A connected one is a client's: glibc's
// getaddrinfo('localhost') briefly connects a UDP socket to sort its answers, which gives it a port.
const udpUnconnected = 0x07;
const tablesOf = { udp: ['udp', 'udp6'], tcp: ['tcp', 'tcp6'] } as const satisfies Record<string, readonly SocketTable[]>;

// Ends on the first bound socket, on the process's exit, or at the deadline, whichever comes first.
export async function waitForBind(program: StudentProcess, protocol: 'udp' | 'tcp', deadlineMs: number): Promise<BindWait> {
  const started = performance.now();
  const wanted = tablesOf[protocol];
  const readBoundSockets = socketReader();
  for (;;) {
    const sockets = (await readBoundSockets(program.pid, wanted)).filter((socket) => socket.state === (protocol === 'udp' ? udpUnconnected : tcpListen));
    if (sockets.length > 0) return { kind: 'bound', sockets, afterMs: performance.now() - started };
    const status = program.exitStatus();
    if (status) return { kind: 'exited', status };
    if (performance.now() - started >= deadlineMs) {
      const other = protocol === 'udp' ? tablesOf.tcp : tablesOf.udp;
      return { kind: 'timeout', otherSockets: await readBoundSockets(program.pid, other) };
    }
    await Promise.race([delay(readBoundSockets === lsofBoundSockets ? lsofPollIntervalMs : pollIntervalMs), program.exited]);
  }
}
