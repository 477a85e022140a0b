import { type MountPlan, sandboxMounts } from './student-sandbox.js';

// What starts a slot's launcher, sandboxed as root (./slot-namespace.ts): the command that builds the slot's mount
// namespace, the interpreter the launcher runs, the programs' uid. The worker computes it from its setup; the harness
// guesses it for a slot it boots ahead of need, which then starts that launcher at once (../workers/launcher-prefetch.ts).
export interface SlotLauncherCommand {
  readonly enter: readonly string[];
  readonly python: string;
  readonly uid: number;
}

export function slotLauncherCommand(bwrap: string, plan: MountPlan & { readonly uid: number }, workspaces: string, python: string): SlotLauncherCommand {
  return { enter: [bwrap, ...sandboxMounts(plan, workspaces), '--die-with-parent', '--'], python, uid: plan.uid };
}

// Two commands start the same launcher when this is the same.
export function launcherKey({ enter, python, uid }: SlotLauncherCommand): string {
  return JSON.stringify([enter, python, uid]);
}

// How a guess reaches a slot worker: a variable of its environment, read and removed at its start.
export const guessedLauncherVariable = 'GRADER_SLOT_LAUNCHER';

export interface LauncherGuess {
  readonly command: SlotLauncherCommand;
  // The slot's folder of copies (its launcher's socket goes in a folder there).
  readonly workspaces: string;
}
