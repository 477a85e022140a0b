// Runs the reference UDP server for real (tsx + the Node port-map hook) against the handout's own Python client.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import getPort from 'get-port';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsxLoader = path.join(root, 'node_modules/tsx/dist/loader.mjs');
const portMap = path.join(root, 'harness/hooks/node/port-map.mjs');
const server = path.join(root, 'reference/udp-server/simpleUDPServeur.ts');

const children: ChildProcess[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', resolve);
  });
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(resolve));
  return port;
}

function startNode(args: string[], portMapSpec: string): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, GRADER_PORT_MAP: portMapSpec },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { child, out: () => stdout, err: () => stderr };
}

/** Resolves once `read()` contains `text`; rejects if the process exits first or the deadline passes. */
function waitFor(child: ChildProcess, read: () => string, text: string, deadlineMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (read().includes(text)) finish(resolve);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(() => reject(new Error(`exited (${code ?? signal}) before printing ${JSON.stringify(text)}:\n${read()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no ${JSON.stringify(text)} within ${deadlineMs} ms:\n${read()}`))),
      deadlineMs,
    );
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      settle();
    };
    child.stdout?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('reference simpleUDPServeur.ts', () => {
  it('answers the handout client and prints what the Python server prints', async () => {
    const port = await freeUdpPort();
    const srv = startNode(['--import', tsxLoader, '--import', portMap, server], `3000=${port}`);
    await waitFor(srv.child, srv.out, 'Serveur UDP en écoute sur 3000\n\n');

    const dir = await mkdtemp(path.join(tmpdir(), 'udp-client-'));
    tempDirs.push(dir);
    const clientPy = path.join(dir, 'client.py');
    await writeFile(
      clientPy,
      [
        'import socket',
        'client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
        `client.sendto(b"Hello from client", ("127.0.0.1", ${port}))`,
        'data = client.recv(1024)',
        'print("Message du serveur : ", data.decode())',
        'client.close()',
        '',
      ].join('\n'),
    );
    const client = await run('python3', [clientPy], { timeout: 10_000, killSignal: 'SIGKILL' });
    expect(client.stdout).toContain('Message du serveur :  i am the server');

    await waitFor(srv.child, srv.out, "IP du client connecté :  ('127.0.0.1', ");
    expect(srv.out()).toContain('Message client :  Hello from client\n');
    expect(srv.out()).toMatch(/IP du client connecté : {2}\('127\.0\.0\.1', \d+\)\n/);

    srv.child.kill('SIGINT');
    expect(await waitForExit(srv.child)).toBe(130);
    expect(srv.err()).toContain('KeyboardInterrupt');
  });
});

describe('port-map.mjs hook', () => {
  it('sends a mapped dgram port to its target and an unmapped one to a kernel-chosen port', async () => {
    const mapped = await freeUdpPort();
    const script = `
      const dgram = require('node:dgram');
      const a = dgram.createSocket('udp4');
      a.bind(3000, '127.0.0.1', () => {
        const b = dgram.createSocket('udp4');
        b.bind({ port: 3001, address: '127.0.0.1' }, () => {
          console.log(a.address().port + ' ' + b.address().port);
          a.close(); b.close();
        });
      });`;
    const proc = startNode(['--import', portMap, '-e', script], `3000=${mapped}`);
    expect(await waitForExit(proc.child)).toBe(0);
    const [first, second] = proc.out().trim().split(' ').map(Number);
    expect(first).toBe(mapped);
    expect(second).not.toBe(3001);
    expect(second).toBeGreaterThan(0);
  });

  it('maps net.Server.listen too (port and options shapes)', async () => {
    const mapped = await getPort({ host: '127.0.0.1' });
    const script = `
      const net = require('node:net');
      const a = net.createServer();
      a.listen(3000, '127.0.0.1', () => {
        const b = net.createServer();
        b.listen({ port: 3001, host: '127.0.0.1' }, () => {
          console.log(a.address().port + ' ' + b.address().port);
          a.close(); b.close();
        });
      });`;
    const proc = startNode(['--import', portMap, '-e', script], `3000=${mapped}`);
    expect(await waitForExit(proc.child)).toBe(0);
    const [first, second] = proc.out().trim().split(' ').map(Number);
    expect(first).toBe(mapped);
    expect(second).not.toBe(3001);
    expect(second).toBeGreaterThan(0);
  });

  it('does nothing when GRADER_PORT_MAP is empty', async () => {
    const free = await freeUdpPort();
    const script = `
      const s = require('node:dgram').createSocket('udp4');
      s.bind(${free}, '127.0.0.1', () => { console.log(s.address().port); s.close(); });`;
    const proc = startNode(['--import', portMap, '-e', script], '');
    expect(await waitForExit(proc.child)).toBe(0);
    expect(Number(proc.out().trim())).toBe(free); // a patched bind would have sent it to port 0
  });
});
