import { readFileSync } from 'node:fs';

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
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state] = [fields[1], fields[3]];
      if (!local || !state) continue;
      const port = Number.parseInt(local.split(':')[1] ?? '0', 16);
      states.set(port, [...(states.get(port) ?? []), Number.parseInt(state, 16)]);
    }
  }
  return readAny ? states : undefined;
}

// True when a connection on this local port is in TIME_WAIT; undefined where /proc cannot tell.
export function hasTimeWait(port: number): boolean | undefined {
  const states = tcpSocketStates();
  return states && (states.get(port)?.includes(tcpTimeWait) ?? false);
}
