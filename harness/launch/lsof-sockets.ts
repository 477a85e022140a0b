import type { BoundSocket, SocketTable } from './proc-sockets.js';

// Where /proc does not exist (macOS), lsof lists a process group's sockets. Slower (a process per
// call, ~20-40 ms) but the same answer: address, port, connected or listening.
export async function lsofBoundSockets(groupId: number, tables: readonly SocketTable[]): Promise<BoundSocket[]> {
  // Loaded only where it is used: Linux reads /proc and never gets here.
  const { execa } = await import('execa');
  const result = await execa('lsof', ['-a', '-g', String(groupId), '-i', '-n', '-P', '-F', 'pftPnT'], { reject: false, timeout: 5000 });
  return parseLsof(String(result.stdout)).filter((socket) => tables.includes(socket.table));
}

// lsof -F prints one field per line: p<pid>, then per descriptor f<fd>, t<IPv4|IPv6>, P<UDP|TCP>, n<name>, T<…>.
export function parseLsof(output: string): BoundSocket[] {
  interface Descriptor {
    pid: number;
    family?: 4 | 6;
    protocol?: string;
    name?: string;
    listening: boolean;
  }
  const descriptors: Descriptor[] = [];
  let pid = 0;
  for (const line of output.split('\n')) {
    const field = line[0];
    const value = line.slice(1);
    const current = descriptors.at(-1);
    if (field === 'p') pid = Number(value);
    else if (field === 'f') descriptors.push({ pid, listening: false });
    else if (!current) continue;
    else if (field === 't') current.family = value === 'IPv6' ? 6 : value === 'IPv4' ? 4 : undefined;
    else if (field === 'P') current.protocol = value;
    else if (field === 'n') current.name = value;
    else if (field === 'T' && value === 'ST=LISTEN') current.listening = true;
  }
  return descriptors.flatMap((descriptor) => toBoundSocket(descriptor) ?? []);

  function toBoundSocket({ pid: owner, family, protocol, name, listening }: Descriptor): BoundSocket | undefined {
    if (!family || !name || (protocol !== 'UDP' && protocol !== 'TCP')) return undefined;
    const [local, remote] = name.split('->');
    const match = /^(.*):(\d+)$/.exec(local ?? '');
    if (!match || Number(match[2]) === 0) return undefined;
    const host = match[1]!.replace(/^\[(.*)\]$/, '$1');
    const address = host === '*' ? (family === 6 ? '::' : '0.0.0.0') : host;
    const table: SocketTable = `${protocol === 'UDP' ? 'udp' : 'tcp'}${family === 6 ? '6' : ''}`;
    // The kernel's codes, as /proc shows them: UDP unconnected 0x07, connected 0x01; TCP LISTEN 0x0a.
    const state = protocol === 'UDP' ? (remote ? 0x01 : 0x07) : listening ? 0x0a : 0x01;
    return { table, family, address, port: Number(match[2]), state, pid: owner };
  }
}
