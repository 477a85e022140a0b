import { readFileSync } from 'node:fs';
import { netTableRows } from './proc-sockets.js';

// The TCP sockets of this network namespace, by local port, from /proc/self/net/tcp{,6}: every state,
// TIME_WAIT included (those belong to no process, so neither /proc/<pid>/fd nor lsof shows them).

const tcpTimeWait = 0x06;

// Local port -> the states of the sockets on it; undefined where /proc is missing (macOS).
export function tcpSocketStates(): Map<number, number[]> | undefined {
  const states = new Map<number, number[]>();
  let readAny = false;
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/self/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    readAny = true;
    for (const { port, state } of netTableRows(text)) states.set(port, [...(states.get(port) ?? []), state]);
  }
  return readAny ? states : undefined;
}

// True when a connection on this local port is in TIME_WAIT; undefined where /proc cannot tell.
export function hasTimeWait(port: number): boolean | undefined {
  const states = tcpSocketStates();
  return states && (states.get(port)?.includes(tcpTimeWait) ?? false);
}
