import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { leasePort, udpPortIsFree, warmUpPorts } from './ports.js';

// Real sockets on the ports right after a released lease: the next lease starts there.
const opened: (Socket | Server)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
});

function holdUdp(port: number): Promise<void> {
  const socket = createSocket('udp4');
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve());
  });
}

function holdTcp(port: number): Promise<void> {
  const server = createServer();
  opened.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function tcpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '::' }, () => server.close(() => resolve(true)));
  });
}

describe('leasePort', () => {
  it('skips a port taken for UDP only and a port taken for TCP only', async () => {
    let first: number;
    {
      using lease = await leasePort();
      first = lease.port;
    }
    const [udpTaken, tcpTaken] = [first + 1, first + 2];
    await holdUdp(udpTaken);
    await holdTcp(tcpTaken);
    using lease = await leasePort();
    expect([udpTaken, tcpTaken]).not.toContain(lease.port);
    expect(lease.port).toBeGreaterThanOrEqual(20000);
    expect(lease.port).toBeLessThanOrEqual(29999);
    expect(await udpPortIsFree(lease.port)).toBe(true);
    expect(await tcpPortIsFree(lease.port)).toBe(true);
  });

  it('never hands out a port twice while it is leased', async () => {
    const leases = await Promise.all(Array.from({ length: 20 }, () => leasePort()));
    try {
      expect(new Set(leases.map((lease) => lease.port)).size).toBe(20);
    } finally {
      for (const lease of leases) lease[Symbol.dispose]();
    }
  });

  it('hands out the lease taken ahead once, still free, and leases as usual after it', async () => {
    warmUpPorts();
    using early = await leasePort();
    using next = await leasePort({ tcp: true });
    expect(early.port).not.toBe(next.port);
    for (const port of [early.port, next.port]) {
      expect(await udpPortIsFree(port)).toBe(true);
      expect(await tcpPortIsFree(port)).toBe(true);
    }
  });
});
