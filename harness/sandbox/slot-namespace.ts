import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { lstat, readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pTimeout from 'p-timeout';
import type { LaunchSpec } from '../launch/student-process.js';
import { prlimitArgs } from './limits.js';
import { sandboxMounts, type StudentSandbox } from './student-sandbox.js';

// Sandboxed as root, a slot's programs share one mount namespace (./student-sandbox.ts's mounts, with the
// slot's folder of copies writable), built once when the slot gets its setup and held by a process that does
// nothing else. Each launch enters it: nsenter (the namespace) → prlimit (limits) → unshare (its own IPC and
// UTS namespaces, the slot's uid, its copy as working folder) → the program, execs of one process: ~2 ms
// where a bwrap per launch built a namespace in ~6. The slot's own namespaces (network, pids) hold the rest,
// and the holder ends with the slot.
export interface SlotNamespace {
  // The copy it runs in is already the slot's uid's (Confinement.workspaces).
  launch(spec: LaunchSpec): Promise<LaunchSpec>;
  // The namespace's /tmp outlives a submission: emptied before the next one can see what this one left.
  clearTmp(): Promise<void>;
}

const holderStartMs = 10_000;
const clearTmpMs = 10_000;
const execFileAsync = promisify(execFile);
// Prints its pid once bwrap has built the namespace and run it, then waits for its stdin to close.
const holderScript = 'echo $$; read -r _';

// Returns at once: the namespace is built while the slot prepares its first launch, which is the first to
// wait for it. Its spawn (a fork of the worker, ~2 ms) waits for the next turn of the event loop, after the
// slot has answered its setup. A namespace that could not be built fails every launch.
export function openSlotNamespace(sandbox: StudentSandbox & { readonly uid: number }, workspaces: string): SlotNamespace {
  const { bwrap, nsenter, prlimit, unshare } = sandbox.support;
  const holderPid = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
    pidOfHolder(spawn(bwrap, [...sandboxMounts(sandbox, workspaces), '--die-with-parent', '--', '/bin/sh', '-c', holderScript], { stdio: 'pipe' })),
  );
  holderPid.catch(() => undefined); // Seen by the launches; never an unhandled rejection.
  const { uid } = sandbox;
  return {
    async launch(spec) {
      const pid = await holderPid;
      // --wd resolves the folder inside the namespace: nsenter's own --wd would open it outside, a way out.
      const limit = [prlimit, ...prlimitArgs(sandbox.limits), '--'];
      const drop = [unshare, '--ipc', '--uts', `--setuid=${uid}`, `--setgid=${uid}`, `--wd=${spec.cwd}`, '--'];
      return {
        argv: [nsenter, `--target=${pid}`, '--mount', '--', ...limit, ...drop, ...spec.argv],
        cwd: spec.cwd,
        env: spec.env,
        confinement: { kind: 'uid', uid },
      };
    },
    async clearTmp() {
      // Seen from outside through the holder's root; only what the programs made (their uid's entries) goes.
      const pid = await holderPid;
      const tmp = `/proc/${pid}/root/tmp`;
      const entries = await readdir(tmp).catch(() => []);
      const theirs = await Promise.all(entries.map(async (name) => (await lstat(join(tmp, name)).catch(() => undefined))?.uid === uid));
      const left = entries.filter((_, index) => theirs[index]).map((name) => join('/tmp', name));
      if (left.length === 0) return;
      // Removed from inside, as their uid: a symlink a program swapped in cannot lead a root rm anywhere else.
      const inside = [`--target=${pid}`, '--mount', '--', unshare, `--setuid=${uid}`, `--setgid=${uid}`, '--', 'rm', '-rf', '--', ...left];
      await execFileAsync(nsenter, inside, { timeout: clearTmpMs }).catch((error: unknown) => {
        throw new Error(`could not empty the slot's /tmp: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
  };
}

// The holder's pid, once its first line says the namespace is built; or why bwrap could not build it.
async function pidOfHolder(holder: ChildProcessWithoutNullStreams): Promise<number> {
  holder.on('error', () => undefined);
  holder.stdin.on('error', () => undefined);
  let stderr = '';
  holder.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string | undefined>((resolve) => {
    const lines = createInterface({ input: holder.stdout });
    lines.once('line', resolve);
    lines.once('close', () => resolve(undefined));
  });
  const pid = Number(await pTimeout(firstLine, { milliseconds: holderStartMs }).catch(() => undefined));
  if (Number.isInteger(pid) && pid > 0) return pid;
  holder.kill('SIGKILL');
  throw new Error(`could not build the slot's namespace${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`);
}
