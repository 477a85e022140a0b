import { chmodSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/helpers/wait.js';
import { hasEnded } from '../launch/proc-pids.js';
import { resolvePython } from '../python/resolve.js';
import { limitsSchema } from './limits-schema.js';
import { openLauncher, underLimits } from './launcher.js';
import { neededPaths, sandboxMounts } from './student-sandbox.js';
import { detectSandbox } from './support.js';

// The launcher in a namespace built as a slot builds it (./slot-namespace.ts): what each program it starts
// gets, and what happens when it cannot start one or is gone. Only root can start programs as another uid.
const support = await detectSandbox('auto');
const asRoot = support.kind === 'bwrap' && support.asRoot;
const { executable: python, prefixes } = await resolvePython('python3');
const uid = 0x7ffe0001;
const limits = limitsSchema.parse({ openFiles: 99, processes: 7 });
const scratch = mkdtempSync(join(tmpdir(), 'launcher-'));
chmodSync(scratch, 0o755);
const sandbox = support.kind === 'bwrap' ? { support, limits, hiddenPaths: [], neededPaths: neededPaths(prefixes), uid } : undefined;
const enter = sandbox ? [sandbox.support.bwrap, ...sandboxMounts(sandbox, scratch), '--die-with-parent', '--'] : [];
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const describesItself = [
  'import os, resource',
  'print(os.getuid(), os.getgid(), os.getgroups(), os.getcwd(), os.getsid(0) == os.getpid())',
  'print(resource.getrlimit(resource.RLIMIT_NOFILE), resource.getrlimit(resource.RLIMIT_NPROC))',
  'print(os.readlink("/proc/self/ns/ipc"))',
].join('\n');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.runIf(asRoot)('the slot launcher', () => {
  it('starts each program in a session of its own, as the uid, under the limits, in its folder, with an IPC namespace of its own', async () => {
    const launcher = underLimits(openLauncher(enter, python, uid, join(scratch, 'own-1')), limits);
    const runs = await Promise.all(
      [1, 2].map(async () => {
        const child = await launcher.start({ argv: [python, '-c', describesItself], cwd: '/', env, held: false });
        const [stdout, status] = await Promise.all([text(child.stdout.resume()), child.exit]);
        return { lines: stdout.trim().split('\n'), status };
      }),
    );
    for (const { lines, status } of runs) {
      expect(status).toEqual({ code: 0, signal: null });
      expect(lines.slice(0, 2)).toEqual([`${uid} ${uid} [] / True`, '(99, 99) (7, 7)']);
    }
    const namespaces = new Set([...runs.map(({ lines }) => lines[2]), readlinkSync('/proc/self/ns/ipc')]);
    expect(namespaces.size).toBe(3);
  });

  it('hands a held program its channel as descriptor 3, and reports how it ended', async () => {
    const launcher = underLimits(openLauncher(enter, python, uid, join(scratch, 'own-2')), limits);
    const talks = 'import os, signal; os.write(3, b"h"); assert os.read(3, 1) == b"g"; os.kill(os.getpid(), signal.SIGTERM)';
    const child = await launcher.start({ argv: [python, '-c', talks], cwd: '/', env, held: true });
    const heard = new Promise((resolve) => child.hold!.once('data', resolve));
    child.hold!.resume();
    expect(String(await heard)).toBe('h');
    child.hold!.end('g');
    expect(await child.exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('says why a program could not start', async () => {
    const launcher = underLimits(openLauncher(enter, python, uid, join(scratch, 'own-3')), limits);
    await expect(launcher.start({ argv: ['/no/such/interpreter'], cwd: '/', env, held: false })).rejects.toThrow(
      /^could not start the program: FileNotFoundError: .*\/no\/such\/interpreter/,
    );
    await expect(launcher.start({ argv: [python, '-c', 'pass'], cwd: '/no/such/folder', env, held: false })).rejects.toThrow(
      /^could not start the program: FileNotFoundError: .*\/no\/such\/folder/,
    );
  });

  it('once gone, ends what it started and starts nothing more', async () => {
    const launcher = underLimits(openLauncher(enter, python, uid, join(scratch, 'own-4')), limits);
    const child = await launcher.start({ argv: [python, '-c', 'import signal; signal.pause()'], cwd: '/', env, held: false });
    process.kill(await launcher.pid, 'SIGKILL');
    expect(await child.exit).toEqual({ code: null, signal: 'SIGKILL' });
    await expect(launcher.start({ argv: [python, '-c', 'pass'], cwd: '/', env, held: false })).rejects.toThrow(/^the programs' launcher stopped/);
    await waitUntil(() => hasEnded(child.pid), 5000, 'the orphaned program to be gone');
  });
});
