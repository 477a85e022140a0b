import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeHttp } from './http.js';
import type { LoopbackTarget } from './loopback.js';

// The probe's bounds against in-process servers that misbehave: every exchange ends, whatever the server does.
const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(onConnection: (socket: Socket) => void): Promise<LoopbackTarget> {
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { family: 4, address: '127.0.0.1', port: address.port };
}

const plan = { request: Buffer.from('GET / HTTP/1.1\r\n\r\n'), endAfterRequest: false, deadlineMs: 300, maxBytes: 1024 };

describe('exchangeHttp', () => {
  it('reads to the server’s close', async () => {
    const target = await serve((socket) => socket.once('data', () => socket.end('HTTP/1.0 200 OK\r\n\r\nhi')));
    expect(await exchangeHttp(target, plan)).toEqual({ kind: 'connected', received: Buffer.from('HTTP/1.0 200 OK\r\n\r\nhi'), end: 'closed' });
  });

  it('stops at the deadline when the server keeps the connection open', async () => {
    const target = await serve((socket) => socket.once('data', () => socket.write('HTTP/1.0 200 OK\r\n')));
    expect(await exchangeHttp(target, plan)).toEqual({ kind: 'connected', received: Buffer.from('HTTP/1.0 200 OK\r\n'), end: 'deadline' });
  });

  it('stops at the byte cap when the server floods', async () => {
    const target = await serve((socket) => socket.write(Buffer.alloc(64 * 1024, 0x61)));
    const exchange = await exchangeHttp(target, plan);
    expect(exchange).toMatchObject({ kind: 'connected', end: 'byte-cap' });
    expect(exchange.kind === 'connected' && exchange.received.length).toBe(1024);
  });

  it('reports a refused connection', async () => {
    const target = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await exchangeHttp(target, plan)).toEqual({ kind: 'refused', code: 'ECONNREFUSED' });
  });
});
