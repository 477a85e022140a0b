import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { LaunchSpec } from '../launch/student-process.js';
import type { Workspace, WorkspacePlace } from '../launch/workspace.js';
import { removeTrackedFolder } from '../launch/cleanup-registry.js';
import { underLimits } from './launcher.js';
import { takePlainLauncher } from './plain-launcher.js';
import type { Limits } from './limits.js';
import { openSlotNamespace } from './slot-namespace.js';
import { sandboxedLaunch, type StudentSandbox } from './student-sandbox.js';

// How the process that runs programs (a slot worker, or the harness in plain mode) confines every launch:
// chosen once, then applied to each program as the scenarios start it.
export interface Confinement {
  // Where the private copies are made, and whose they are.
  readonly workspaces: WorkspacePlace;
  confine(spec: LaunchSpec, workspace: Workspace): Promise<LaunchSpec>;
  // Once a submission is graded, before the next: nothing it left may reach the next one.
  afterSubmission(): Promise<void>;
}

const nothingToDo = async () => undefined;

// Unsandboxed: the copies in the system's temporary folder; every program started by the run's launcher
// (./plain-launcher.ts), which sets the limits and runs each Python program in a fork of its interpreter.
// `python`: that interpreter. Disposed at the end of the run, the launcher ends.
export function plainConfinement(python: string, limits: Limits): Confinement & AsyncDisposable {
  const launcher = takePlainLauncher(python);
  const programs = underLimits(launcher, limits);
  return {
    workspaces: { parent: tmpdir() },
    confine: async (spec) => ({ ...spec, confinement: { kind: 'plain', launcher: programs } }),
    afterSubmission: nothingToDo,
    [Symbol.asyncDispose]: () => launcher[Symbol.asyncDispose](),
  };
}

// A slot's: as root, its programs share the slot's namespace and run as the slot's uid; otherwise each launch
// is a bwrap of its own. `workspaces`: the slot's folder of copies (made and removed by the harness).
// `python`: the interpreter of the launcher that starts them as root (./launcher.py). Disposed, the launcher ends: a
// slot worker never does, its launcher ends with it.
export function slotConfinement(sandbox: StudentSandbox, workspaces: string, python: string): Confinement & AsyncDisposable {
  const { uid } = sandbox;
  if (uid === undefined) {
    return {
      workspaces: { parent: workspaces },
      confine: async (spec, workspace) => sandboxedLaunch(spec, workspace, sandbox),
      afterSubmission: nothingToDo,
      [Symbol.asyncDispose]: nothingToDo,
    };
  }
  // Set-uid programs (su, mount…) must not raise a program's privileges: the slot's bwrap set no_new_privs
  // on the worker, and every launch inherits it. Checked rather than assumed.
  if (!/^NoNewPrivs:\s*1$/m.test(readFileSync('/proc/self/status', 'utf8'))) {
    throw new Error('a slot worker must run with no_new_privs (started by bwrap)');
  }
  const namespace = openSlotNamespace({ ...sandbox, uid }, workspaces, python);
  return {
    workspaces: { parent: workspaces, owner: uid },
    confine: async (spec) => namespace.launch(spec),
    afterSubmission: () => namespace.clearTmp(),
    [Symbol.asyncDispose]: () => namespace.close(),
  };
}

// Sandboxed in the grader's own namespace (./own-namespace.ts): a lone submission's programs confined as a slot's,
// started by this process. The folder of copies (`workspaces`, a slot's) goes with the launcher, at the end of the run.
export function ownNamespaceConfinement(sandbox: StudentSandbox, workspaces: string, python: string): Confinement & AsyncDisposable {
  const confinement = slotConfinement(sandbox, workspaces, python);
  return {
    ...confinement,
    async [Symbol.asyncDispose]() {
      await confinement[Symbol.asyncDispose]();
      removeTrackedFolder(workspaces);
    },
  };
}
