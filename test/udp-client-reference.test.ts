// Both port-mapping hooks move a client's destination port the way the grader's server needs: mapped
// ports to their target, every other port left alone. (The reference client's 20/20: test/reference.test.ts.)
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHookFile, pythonHookDir } from '../harness/paths.js';

const run = promisify(execFile);
const sockets: dgram.Socket[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

// A UDP socket on 127.0.0.1 that collects what reaches it.
async function listener(): Promise<{ port: number; received: string[] }> {
  const socket = dgram.createSocket('udp4');
  sockets.push(socket);
  const received: string[] = [];
  socket.on('message', (message) => received.push(message.toString()));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, received };
}

function environment(portMap: string, bindLog?: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, GRADER_PORT_MAP: portMap, ...(bindLog ? { GRADER_BIND_LOG: bindLog } : {}) };
}

describe('the Python hook maps client destinations', () => {
  it('sends sendto (both forms), connect and connect_ex on a mapped port to its target, and logs other ports once', async () => {
    const server = await listener();
    const bindLog = join(mkdtempSync(join(tmpdir(), 'hook-')), 'binds.jsonl');
    const code = [
      'import socket',
      'c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
      'c.sendto(b"sendto", ("127.0.0.1", 3000))',
      'c.sendto(b"flags", 0, ("localhost", 3000))',
      'd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); d.connect(("127.0.0.1", 3000)); d.send(b"connect")',
      'e = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); assert e.connect_ex(("127.0.0.1", 3000)) == 0; e.send(b"connect_ex")',
      'c.sendto(b"elsewhere", ("127.0.0.1", 3001)); c.sendto(b"elsewhere", ("127.0.0.1", 3001))',
    ].join('\n');
    const env = { ...environment(`3000=${server.port}`, bindLog), PYTHONPATH: pythonHookDir };
    await run('python3', ['-c', code], { env });
    await expect.poll(() => server.received.length).toBe(4);
    expect(server.received).toEqual(['sendto', 'flags', 'connect', 'connect_ex']);
    const lines = readFileSync(bindLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([{ to: '127.0.0.1', port: 3001 }]);
  });
});

describe('the Node hook maps dgram destinations', () => {
  it('sends send() and connect() on a mapped port to its target, and leaves other ports alone', async () => {
    const server = await listener();
    const other = await listener();
    const script = `
      const dgram = require('node:dgram');
      const a = dgram.createSocket('udp4');
      a.send('short', 3000, '127.0.0.1', () => {
        a.send(Buffer.from('xlongx'), 1, 4, 3000, '127.0.0.1', () => {
          a.send('other', ${other.port}, '127.0.0.1', () => {
            const b = dgram.createSocket('udp4');
            b.connect(3000, '127.0.0.1', () => b.send('connected', () => { a.close(); b.close(); }));
          });
        });
      });`;
    await run(process.execPath, ['--import', pathToFileURL(nodeHookFile).href, '-e', script], { env: environment(`3000=${server.port}`) });
    await expect.poll(() => server.received.length).toBe(3);
    expect(server.received).toEqual(['short', 'long', 'connected']);
    await expect.poll(() => other.received).toEqual(['other']);
  });
});
