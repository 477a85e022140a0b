import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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

// Sandboxed, a launcher says when bwrap built its namespaces, before its interpreter has started: the sandbox detection
// takes that as its trial (../workers/sandboxed-ahead.ts), and the grader prepares the run meanwhile.
describe.runIf(support.kind === 'bwrap')('a sandboxed launcher', () => {
  const bwrap = support.kind === 'bwrap' ? support.bwrap : '';

  it('has entered its namespaces while its interpreter has not started yet', async () => {
    // The "interpreter" waits for the test's word on a FIFO, then runs the real one.
    const gate = join(scratch, 'gate');
    execFileSync('mkfifo', [gate]);
    const gated = join(scratch, 'python');
    writeFileSync(gated, `#!/bin/sh\nread word < ${gate}\nexec ${python} "$@"\n`, { mode: 0o755 });
    const launcher = openLauncher([bwrap, '--dev-bind', '/', '/', '--'], gated, undefined, join(scratch, 'gated'));
    let running = false;
    void launcher.pid.then(() => (running = true));

    await launcher.entered;
    expect(running).toBe(false);
    writeFileSync(gate, 'go\n');
    expect(await launcher.pid).toBeGreaterThan(0);
    await launcher.close();
  });

  it("says why not, in bwrap's words, when bwrap could not build them", async () => {
    const launcher = openLauncher([bwrap, '--no-such-option', '--'], python, undefined, join(scratch, 'broken'));
    await expect(launcher.entered).rejects.toThrow(/^could not start the programs' launcher: bwrap: Unknown option/);
  });

  // A slot's launcher runs every program of the slot's life: its descriptor for bwrap's word, closed by then, must not
  // gain a listener each time the launcher is held for a launch (a closed socket's ref() waits for a 'connect').
  it('runs program after program without a warning', async () => {
    const warnings: Error[] = [];
    const warned = (warning: Error) => warnings.push(warning);
    process.on('warning', warned);
    const launcher = openLauncher([bwrap, '--dev-bind', '/', '/', '--'], python, undefined, join(scratch, 'many'));
    const programs = underLimits(launcher, limits);
    for (let round = 0; round < 15; round++) {
      const child = await programs.start({ argv: ['/bin/echo', String(round)], cwd: scratch, env, held: false });
      expect(await text(child.stdout.resume())).toBe(`${round}\n`);
      await child.exit;
      await new Promise((resolve) => setImmediate(resolve)); // The launch is done: the launcher is no longer held.
    }
    await launcher.close();
    process.off('warning', warned);
    expect(warnings.map((warning) => warning.message)).toEqual([]);
  });
});
