import { realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { packageRoot } from '../paths.js';
import type { LaunchSpec } from '../launch/student-process.js';
import type { Workspace } from '../launch/workspace.js';
import { type Limits, prlimitArgs } from './limits.js';
import type { SandboxSupport } from './support.js';

// How student programs are confined in this run: computed once, applied to every launch.
export interface StudentSandbox {
  readonly support: SandboxSupport & { kind: 'bwrap' };
  readonly limits: Limits;
  // Folders no student may see: the class folders given on the command line, the output folder.
  readonly hiddenPaths: readonly string[];
  // Folders every student program needs to read: the interpreters, the hooks, the TypeScript loader.
  readonly neededPaths: readonly string[];
  // When the grader runs as root: the slot's own uid, its programs' (RLIMIT_NPROC does not apply to root).
  // They then share a namespace the slot builds once (./slot-namespace.ts) instead of a bwrap each.
  readonly uid?: number;
}

const pinnedHosts = join(packageRoot, 'harness', 'sandbox', 'hosts');

// The folders to hide: the class folders given on the command line (a file's folder), the output folder.
function hiddenPathsOf(paths: readonly string[], outDir: string): string[] {
  const hidden = [...paths.map((path) => resolve(path)), resolve(outDir)].map((path) =>
    statSync(path, { throwIfNoEntry: false })?.isDirectory() ? path : dirname(path),
  );
  return [...new Set(hidden)];
}

// A uid per slot (numbered from 0 across a run), far from real accounts: RLIMIT_NPROC counts processes per uid
// across the machine.
function slotUid(slot: number): number {
  return 0x7fff0000 + slot;
}

// What the mounts depend on: the folders, and whether programs cross them as another uid.
export type MountPlan = Pick<StudentSandbox, 'hiddenPaths' | 'neededPaths' | 'uid'>;

// A run's mount plan, from its command line and its Python; with `slot`, as root, its programs cross the mounts as
// that slot's uid. The one computation for a run's setup (../grade.ts) and the guess made before it
// (../workers/launcher-guess.ts), which must agree for the guessed launcher to be kept.
export function mountPlan(paths: readonly string[], outDir: string, pythonPrefixes: readonly string[], slot: number): MountPlan & { readonly uid: number };
export function mountPlan(paths: readonly string[], outDir: string, pythonPrefixes: readonly string[], slot?: number): MountPlan;
export function mountPlan(paths: readonly string[], outDir: string, pythonPrefixes: readonly string[], slot?: number): MountPlan {
  const plan = { hiddenPaths: hiddenPathsOf(paths, outDir), neededPaths: neededPaths(pythonPrefixes) };
  return slot === undefined ? plan : { ...plan, uid: slotUid(slot) };
}

// The file system a sandboxed program sees: the system read-only, a private /tmp, the hidden folders empty,
// the needed ones readable, `writable` (a copy, or the folder of a slot's copies) writable, a pinned /etc/hosts.
export function sandboxMounts(sandbox: MountPlan, writable: string): string[] {
  const bound = [...sandbox.neededPaths, writable];
  const tmpfsRoots = ['/tmp', ...sandbox.hiddenPaths, ...unreachableAncestors(bound, sandbox.uid)];
  return [
    ...['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc'],
    ...tmpfsRoots.flatMap((path) => ['--perms', path === '/tmp' ? '1777' : '0755', '--tmpfs', path]),
    // bwrap would create the missing folders above a mount point as 0700 root: the program could not cross them.
    ...foldersInside(bound, tmpfsRoots).flatMap((path) => ['--perms', '0755', '--dir', path]),
    ...sandbox.neededPaths.flatMap((path) => ['--ro-bind-try', path, path]),
    ...['--bind', writable, writable],
    ...['--ro-bind', pinnedHosts, '/etc/hosts'],
  ];
}

// Not as root (no uid to give the program): bwrap (namespaces, the mounts above) → prlimit (limits) → the
// program, a launch each. The program is the third process of the tree: bwrap, its pid-namespace init, the program.
export function sandboxedLaunch(spec: LaunchSpec, workspace: Workspace, sandbox: StudentSandbox): LaunchSpec {
  const { bwrap, prlimit } = sandbox.support;
  const isolation = ['--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--new-session', '--die-with-parent'];
  return {
    argv: [bwrap, ...isolation, ...sandboxMounts(sandbox, workspace.root), '--chdir', spec.cwd, '--', prlimit, ...prlimitArgs(sandbox.limits), '--', ...spec.argv],
    cwd: spec.cwd,
    env: spec.env,
    confinement: { kind: 'pid-namespace' },
  };
}

// A needed path under a folder other users cannot cross (/root is 0700) is reached through a tmpfs
// laid over that folder (hiding the rest of it), then the path itself bound back read-only.
function unreachableAncestors(paths: readonly string[], uid: number | undefined): string[] {
  if (uid === undefined) return [];
  const blocked = new Set<string>();
  for (const path of paths) {
    const parts = path.split(sep).filter(Boolean);
    for (let depth = 1; depth < parts.length; depth++) {
      const ancestor = sep + parts.slice(0, depth).join(sep);
      const mode = statSync(ancestor, { throwIfNoEntry: false })?.mode ?? 0o755;
      if ((mode & 0o001) === 0) {
        blocked.add(ancestor);
        break;
      }
    }
  }
  return [...blocked].sort((a, b) => a.length - b.length);
}

// The ancestors of each path that lie inside one of the tmpfs mounts, outermost first.
function foldersInside(paths: readonly string[], tmpfsRoots: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
      if (tmpfsRoots.some((root) => folder.startsWith(`${root}${sep}`))) folders.add(folder);
    }
  }
  return [...folders].sort((a, b) => a.length - b.length);
}

// The folders a program needs besides the system: where the interpreters live, the hooks, node_modules.
// Bound where they really are: bwrap cannot mount over a symlink (a node_modules linked from elsewhere), and
// the link itself, visible in the read-only system, then leads to the bound folder.
export function neededPaths(pythonPrefixes: readonly string[]): string[] {
  const nodePrefix = dirname(dirname(process.execPath));
  const paths = [...pythonPrefixes, nodePrefix, join(packageRoot, 'harness', 'hooks'), join(packageRoot, 'node_modules')];
  return [...new Set(paths.map((path) => realpathOr(path)))];
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // Missing: --ro-bind-try skips it.
  }
}
