import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { childrenOf } from './proc-pids.js';

// Reads which sockets a process tree has bound, straight from /proc: invisible to the student's program.

export type SocketTable = 'udp' | 'udp6' | 'tcp' | 'tcp6';

export interface BoundSocket {
  readonly table: SocketTable;
  readonly family: 4 | 6;
  readonly address: string;
  readonly port: number;
  // TCP state from the kernel (0x0A is LISTEN); UDP sockets report 0x07.
  readonly state: number;
  readonly pid: number;
}

// The process and all its descendants, found through each thread's children list.
export function processTree(rootPid: number): number[] {
  return processTreeByDepth(rootPid).map(({ pid }) => pid);
}

// Same, with each process's distance from the root (the root is 0, its children 1…).
export function processTreeByDepth(rootPid: number): { pid: number; depth: number }[] {
  const found: { pid: number; depth: number }[] = [];
  const pending = [{ pid: rootPid, depth: 0 }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    found.push(current);
    pending.push(...childrenOf(current.pid).map((pid) => ({ pid, depth: current.depth + 1 })));
  }
  return found;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('socket:[')) inodes.add(target.slice(8, -1));
    } catch {
      // The descriptor was closed while we read.
    }
  }
  return inodes;
}

// Sockets bound to a non-zero port by any process of the tree, from the given tables.
export function boundSockets(rootPid: number, tables: readonly SocketTable[]): BoundSocket[] {
  const found: BoundSocket[] = [];
  for (const pid of processTree(rootPid)) {
    const inodes = socketInodes(pid);
    if (inodes.size === 0) continue;
    for (const table of tables) {
      let text: string;
      try {
        // Read through the owner's /proc entry: the table is per network namespace.
        text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
      } catch {
        continue;
      }
      for (const row of netTableRows(text)) {
        if (row.port === 0 || !inodes.has(row.inode)) continue;
        const family = table.endsWith('6') ? 6 : 4;
        found.push({ table, family, address: decodeAddress(row.hexAddress), port: row.port, state: row.state, pid });
      }
    }
  }
  return found;
}

// One socket of a /proc/net/{tcp,udp}{,6} table: its local address (hex) and port, state and inode.
export interface NetTableRow {
  readonly hexAddress: string;
  readonly port: number;
  readonly state: number;
  readonly inode: string;
}

export function netTableRows(text: string): NetTableRow[] {
  const rows: NetTableRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local, state, inode] = [fields[1], fields[3], fields[9]];
    const [hexAddress, hexPort] = local?.split(':') ?? [];
    if (!hexAddress || !hexPort || !state || !inode) continue;
    rows.push({ hexAddress, port: Number.parseInt(hexPort, 16), state: Number.parseInt(state, 16), inode });
  }
  return rows;
}

// /proc prints addresses as 32-bit words in host (little-endian) byte order.
export function decodeAddress(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const group = hex.slice(word, word + 8);
    for (let i = 6; i >= 0; i -= 2) bytes.push(Number.parseInt(group.slice(i, i + 2), 16));
  }
  if (bytes.length === 4) return bytes.join('.');
  const isV4Mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isV4Mapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return compressIpv6(groups);
}

function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}
