import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
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
});
