import type { PythonInterpreter } from '../python/resolve.js';
import { type LauncherGuess, slotLauncherCommand } from '../sandbox/slot-launcher-command.js';
import { mountPlan } from '../sandbox/student-sandbox.js';

// The launcher a run's first slot will ask for (../grade.ts's setup, with the same mount plan), from what is known before
// the rubric and Python are: the paths, the output folder, and the interpreter of the last identical run. Only as
// root: otherwise each launch is a bwrap of its own, and a slot has no launcher. Given the slot's folder of copies.
export type SlotLauncherGuess = (workspaces: string) => LauncherGuess;

export function guessSlotLauncher(bwrap: string, paths: readonly string[], outDir: string, python: PythonInterpreter | undefined): SlotLauncherGuess | undefined {
  if (python === undefined || process.getuid?.() !== 0) return undefined;
  const plan = mountPlan(paths, outDir, python.prefixes, 0);
  return (workspaces) => ({ command: slotLauncherCommand(bwrap, plan, workspaces, python.executable), workspaces });
}
