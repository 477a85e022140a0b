import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonHookDir } from '../../paths.js';

// The hook's log in a real interpreter: a TCP server's listen() is logged after its bind, so the grader's
// wait for it (launch/wait-bound.ts) wakes on the log instead of reading /proc's TCP tables in a loop.
function run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile('python3', args, { env: { ...process.env, ...env }, timeout: 10_000 }, (error) => (error ? reject(error) : resolve())),
  );
}

describe("the Python hook's log", () => {
  it('a TCP server: the bind, then {"listen": port} on the port it got', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'hook-log-')), 'binds.jsonl');
    const program = [
      'import socket',
      's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
      "s.bind(('127.0.0.1', 3000))",
      's.listen()',
      'print(s.getsockname()[1])',
    ].join('\n');
    await run(['-c', program], { PYTHONPATH: pythonHookDir, GRADER_PORT_MAP: '3000=0', GRADER_BIND_LOG: log });
    const [bind, listen] = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown) as [{ actual: number }, unknown];
    expect(bind).toMatchObject({ host: '127.0.0.1', port: 3000 });
    expect(listen).toEqual({ listen: bind.actual });
  });
});
