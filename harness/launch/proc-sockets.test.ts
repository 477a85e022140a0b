import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { boundSockets, decodeAddress, processTree } from './proc-sockets.js';

describe('decodeAddress', () => {
  it.each([
    ['0100007F', '127.0.0.1'],
    ['00000000', '0.0.0.0'],
    ['0101A8C0', '192.168.1.1'],
    ['00000000000000000000000001000000', '::1'],
    ['00000000000000000000000000000000', '::'],
    ['0000000000000000FFFF00000100007F', '::ffff:127.0.0.1'],
    // fe80::1, as /proc prints it: each 32-bit word in little-endian order.
    ['000080FE000000000000000001000000', 'fe80::1'],
  ])('%s is %s', (hex, address) => {
    expect(decodeAddress(hex)).toBe(address);
  });
});

// Real Python processes, each in its own process group so that a forked child dies with its parent.
const spawned: ChildProcessWithoutNullStreams[] = [];

function startPython(code: string): ChildProcessWithoutNullStreams {
  const child = spawn('python3', ['-c', code], { detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  spawned.push(child);
  return child;
}

// The first line the program prints, or a rejection naming what went wrong (exit, error, deadline).
function firstLine(child: ChildProcessWithoutNullStreams, deadlineMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline >= 0) finish(() => resolve(stdout.slice(0, newline)));
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(() => reject(new Error(`python3 exited (${code ?? signal}) before printing a line: ${stderr}`)));
    const onError = (error: Error) => finish(() => reject(error));
    const timer = setTimeout(() => finish(() => reject(new Error(`no line within ${deadlineMs} ms: ${stderr}`))), deadlineMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function exited(child: ChildProcessWithoutNullStreams, deadlineMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pid ${child.pid} still running after ${deadlineMs} ms`)), deadlineMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

afterEach(async () => {
  const children = spawned.splice(0);
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The whole group is already gone.
    }
  }
  await Promise.all(children.map((child) => exited(child)));
});

const bindAndBlock = (family: string, kind: string, address: string, listen: boolean) => `
import socket, sys
s = socket.socket(socket.${family}, socket.${kind})
s.bind((${JSON.stringify(address)}, 0))
${listen ? 's.listen()' : ''}
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`;

describe('boundSockets', () => {
  it.each([
    { name: 'a UDP socket on 127.0.0.1', family: 'AF_INET', kind: 'SOCK_DGRAM', listen: false, address: '127.0.0.1', tables: ['udp', 'udp6'] as const, expected: { table: 'udp', family: 4, state: 0x07 } },
    { name: 'a UDP socket on ::1', family: 'AF_INET6', kind: 'SOCK_DGRAM', listen: false, address: '::1', tables: ['udp', 'udp6'] as const, expected: { table: 'udp6', family: 6, state: 0x07 } },
    { name: 'a listening TCP socket on 127.0.0.1', family: 'AF_INET', kind: 'SOCK_STREAM', listen: true, address: '127.0.0.1', tables: ['tcp', 'tcp6'] as const, expected: { table: 'tcp', family: 4, state: 0x0a } },
  ])('finds $name', async ({ family, kind, listen, address, tables, expected }) => {
    const child = startPython(bindAndBlock(family, kind, address, listen));
    const port = Number(await firstLine(child));
    expect(port).toBeGreaterThan(0);

    const sockets = boundSockets(child.pid!, tables);
    expect(sockets).toContainEqual({ ...expected, address, port, pid: child.pid });
  });

  it('does not report a UDP socket when asked for the TCP tables', async () => {
    const child = startPython(bindAndBlock('AF_INET', 'SOCK_DGRAM', '127.0.0.1', false));
    const port = Number(await firstLine(child));

    expect(boundSockets(child.pid!, ['udp']).map((socket) => socket.port)).toContain(port);
    expect(boundSockets(child.pid!, ['tcp', 'tcp6']).map((socket) => socket.port)).not.toContain(port);
  });
});

describe('processTree', () => {
  it('is the process alone when it has no children', async () => {
    const child = startPython('import sys\nprint("ready", flush=True)\nsys.stdin.read()');
    await firstLine(child);
    expect(processTree(child.pid!)).toEqual([child.pid]);
  });

  it('includes a forked child, whose socket is found from the parent', async () => {
    const child = startPython(`
import os, signal, socket, sys
if os.fork() == 0:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    print(os.getpid(), s.getsockname()[1], flush=True)
    signal.pause()  # stays alive, bound, until the test kills it
    os._exit(0)
os.wait()
`);
    const [forkedPid, port] = (await firstLine(child)).split(' ').map(Number);
    expect(forkedPid).not.toBe(child.pid);

    expect(processTree(child.pid!)).toEqual(expect.arrayContaining([child.pid, forkedPid]));
    expect(boundSockets(child.pid!, ['udp', 'udp6'])).toContainEqual({
      table: 'udp',
      family: 4,
      address: '127.0.0.1',
      port,
      state: 0x07,
      pid: forkedPid,
    });
  });
});
