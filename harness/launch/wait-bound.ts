import { existsSync } from 'node:fs';
import { watchFileChanges } from './file-changes.js';
import { lsofBoundSockets } from './lsof-sockets.js';
import { type BoundSocket, type SocketTable, boundSockets } from './proc-sockets.js';
import { waitAtMost } from './wait-at-most.js';
import type { ExitStatus, StudentProcess } from './student-process.js';
import { now } from '../clock.js';

export type BindWait =
  | { readonly kind: 'bound'; readonly sockets: readonly BoundSocket[]; readonly afterMs: number }
  | { readonly kind: 'exited'; readonly status: ExitStatus }
  // At the deadline: any socket of another protocol it did bind (a TCP server where UDP was asked).
  | { readonly kind: 'timeout'; readonly otherSockets: readonly BoundSocket[] };

const pollIntervalMs = 2;
// With a bind hint (the hook's log, written just after bind() and listen()), /proc is read when it
// changes, and otherwise only this often: a program that binds without the hook is still seen, at most
// this late. A read is not free: the process tree, each process's descriptors, then the tables (~0.6 ms
// for UDP under a class's load; a TCP table alone ~3 ms, the kernel walks its whole connection hash), and
// Python takes ~40 ms to reach its bind, so a shorter interval only reads /proc again before there is anything.
const hintedPollIntervalMs = 50;
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
// `bindHint`: a file whose changes may mean a bind; /proc stays the only judge of what is bound.
export async function waitForBind(program: StudentProcess, protocol: 'udp' | 'tcp', deadlineMs: number, bindHint?: string): Promise<BindWait> {
  const started = now();
  const wanted = tablesOf[protocol];
  const readBoundSockets = socketReader();
  using hint = readBoundSockets === lsofBoundSockets || bindHint === undefined ? undefined : watchFileChanges(bindHint);
  const intervalMs = readBoundSockets === lsofBoundSockets ? lsofPollIntervalMs : hint ? hintedPollIntervalMs : pollIntervalMs;
  for (;;) {
    const readAt = now();
    const sockets = (await readBoundSockets(program.pid, wanted)).filter((socket) => socket.state === (protocol === 'udp' ? udpUnconnected : tcpListen));
    if (sockets.length > 0) return { kind: 'bound', sockets, afterMs: now() - started };
    const status = program.exitStatus();
    if (status) return { kind: 'exited', status };
    if (now() - started >= deadlineMs) {
      const other = protocol === 'udp' ? tablesOf.tcp : tablesOf.udp;
      return { kind: 'timeout', otherSockets: await readBoundSockets(program.pid, other) };
    }
    const untilDeadline = deadlineMs - (now() - started);
    await waitAtMost(Math.min(intervalMs, untilDeadline), program.exited, ...(hint ? [hint.next()] : []));
    // A program that writes the hint file in a loop cannot make /proc reads more frequent than plain polling.
    const sinceRead = now() - readAt;
    if (sinceRead < pollIntervalMs) await waitAtMost(pollIntervalMs - sinceRead, program.exited);
  }
}
