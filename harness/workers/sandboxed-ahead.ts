import { resolve } from 'node:path';
import { isOneSubmission } from '../discovery/runnable.js';
import type { PythonInterpreter } from '../python/resolve.js';
import { inOwnNamespace } from '../sandbox/own-namespace.js';
import type { TrialResult } from '../sandbox/probe.js';
import { guessSlotLauncher } from './launcher-guess.js';
import { startSlotLauncherAhead } from './launcher-prefetch.js';
import { makeSlotFolder } from './slot-folder.js';
import { bootSpareSlot } from './spare-slot.js';

// What a sandboxed run starts ahead of need, while the CLI loads (./prefetch.ts) or between two --watch runs. In the
// grader's own namespace (../sandbox/own-namespace.ts), for a lone submission: the launcher of its programs, with the
// folder of its copies, for ../grade.ts to grade it in this process (nothing, without the interpreter of the last
// identical run to guess it from). Otherwise a spare slot, which starts at its boot the launcher its setup will most
// likely ask for. Resolves once bwrap built the namespaces of what started (the launcher's, ~20 ms before its
// interpreter runs; the slot's, with its boot), or with why it could not: the sandbox detection's trial
// (../sandbox/probe.ts).
export function startSandboxedAhead(bwrap: string, paths: readonly string[], outDir: string, python: PythonInterpreter | undefined): Promise<TrialResult> | undefined {
  const guess = guessSlotLauncher(bwrap, paths, outDir, python);
  if (!inOwnNamespace || paths.length !== 1 || !isOneSubmission(resolve(paths[0]!), outDir)) return bootSpareSlot(bwrap, guess).booted;
  if (!guess) return undefined;
  folderAhead ??= makeSlotFolder();
  const launcher = startSlotLauncherAhead(guess(folderAhead));
  return launcher.entered.then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, why: error instanceof Error ? error.message : String(error) }),
  );
}

let folderAhead: string | undefined;

// The folder of copies of a run graded in this process, in the grader's own namespace: the one made ahead for slot 0,
// the slot guessed, once; else a new one.
export function takeOwnSlotFolder(slot: number): string {
  if (slot !== 0 || folderAhead === undefined) return makeSlotFolder();
  const folder = folderAhead;
  folderAhead = undefined;
  return folder;
}
