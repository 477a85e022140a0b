import { execFile } from 'node:child_process';
import { lstat, readdir } from '../fs-promises.js';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { LaunchSpec } from '../launch/student-process.js';
import { takeSlotLauncher } from '../workers/launcher-prefetch.js';
import { underLimits } from './launcher.js';
import { slotLauncherCommand } from './slot-launcher-command.js';
import type { StudentSandbox } from './student-sandbox.js';

// Sandboxed as root, a slot's programs share one mount namespace (./student-sandbox.ts's mounts, with the
// slot's folder of copies writable), built once (at the slot's boot when the harness guessed it, else when the
// slot gets its setup), and started by a launcher that
// lives in it for the whole slot (./launcher.ts): each program gets its own IPC and UTS namespaces, the
// limits and the slot's uid from it. The slot's own namespaces (network, pids) hold the rest, and the
// launcher ends with the slot.
export interface SlotNamespace {
  // The copy it runs in is already the slot's uid's (Confinement.workspaces).
  launch(spec: LaunchSpec): LaunchSpec;
  // The namespace's /tmp outlives a submission: emptied before the next one can see what this one left.
  clearTmp(): Promise<void>;
  // Ends its launcher, and the namespace with it (a slot's ends with the slot).
  close(): Promise<void>;
}

const clearTmpMs = 10_000;
const execFileAsync = promisify(execFile);

// Returns at once: the namespace is built (or was, ahead) while the slot prepares its first launch, which is the first to
// wait for it. A namespace that could not be built fails every launch. `python`: the launcher's interpreter.
export function openSlotNamespace(sandbox: StudentSandbox & { readonly uid: number }, workspaces: string, python: string): SlotNamespace {
  const { bwrap, nsenter, unshare } = sandbox.support;
  const { uid } = sandbox;
  // Started at the slot's boot when the harness guessed it right (../workers/launcher-prefetch.ts).
  const launcher = takeSlotLauncher(slotLauncherCommand(bwrap, sandbox, workspaces, python), join(workspaces, '.launcher'));
  const programs = underLimits(launcher, sandbox.limits);
  return {
    launch: (spec) => ({ ...spec, confinement: { kind: 'uid', uid, launcher: programs } }),
    close: () => launcher.close(),
    async clearTmp() {
      // Seen from outside through the launcher's root; only what the programs made (their uid's entries) goes.
      const pid = await launcher.pid;
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
