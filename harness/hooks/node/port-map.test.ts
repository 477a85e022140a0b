import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeHookFile } from '../../paths.js';

// The Node hook in a real Node process: a client connecting to the lab's port reaches the grader's port.
describe('the Node port-mapping hook', () => {
  it("maps a TCP client's port on a copy of its options, so that reconnecting with them works", async () => {
    const server = createServer((socket) => socket.end('hello\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const program = `
      const net = require('node:net');
      const options = { host: '127.0.0.1', port: 3000 };
      const once = () => new Promise((resolve, reject) => {
        const socket = net.connect(options);
        socket.on('data', (data) => resolve(String(data).trim())).on('error', reject);
      });
      (async () => console.log(await once(), await once(), options.port))();
    `;
    try {
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [`--import=${pathToFileURL(nodeHookFile).href}`, '-e', program],
          { env: { ...process.env, GRADER_PORT_MAP: `3000=${port}` }, timeout: 10_000 },
          (error, out) => (error ? reject(error) : resolve(out)),
        ),
      );
      expect(stdout.trim()).toBe('hello hello 3000');
    } finally {
      server.close();
    }
  });

  // Its wait for a TCP server (launch/wait-bound.ts) wakes on the log instead of reading /proc's TCP tables in a loop.
  it('logs {"listen": port} once a TCP server listens, on the port it got', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'hook-log-')), 'binds.jsonl');
    const program = "const s = require('node:net').createServer(); s.listen(3000, '127.0.0.1', () => { console.log(s.address().port); s.close(); });";
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [`--import=${pathToFileURL(nodeHookFile).href}`, '-e', program],
        { env: { ...process.env, GRADER_PORT_MAP: '3000=0', GRADER_BIND_LOG: log }, timeout: 10_000 },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    expect(JSON.parse(readFileSync(log, 'utf8'))).toEqual({ listen: Number(stdout.trim()) });
  });
});
