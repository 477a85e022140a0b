import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastPython } from '../python/choice.js';
import { type Launcher, openLauncher } from './launcher.js';
import { probeSandbox } from './probe.js';
import type { SandboxMode } from './support.js';

// An unsandboxed run's launcher (./launcher.ts), with a folder of its own for its socket; both go once it is
// disposed, or when the CLI exits (the launcher ends when its stdin closes).
export type PlainLauncher = Launcher & AsyncDisposable;

// One started ahead of need by the CLI's entry (../python/prefetch.ts), with the interpreter the last identical
// run used: its Python start-up (~20 ms) then overlaps the CLI's own instead of delaying the first program.
let spare: { readonly python: string; readonly launcher: PlainLauncher } | undefined;

export function bootSpareLauncher(python: string): void {
  spare ??= { python, launcher: openPlainLauncher(python) };
}

// --watch, between two runs: the next save's run, if unsandboxed, takes a launcher already started instead of
// waiting for one on the way to its checklist (../cli/watch-loop.ts).
export async function bootSpareLauncherFor(mode: SandboxMode, pythonCommand: string): Promise<void> {
  if (mode !== 'off' && (await probeSandbox()).kind === 'bwrap') return;
  const python = lastPython(pythonCommand);
  if (python) bootSpareLauncher(python.executable);
}

// The spare launcher when it runs this interpreter; one of its own otherwise.
export function takePlainLauncher(python: string): PlainLauncher {
  const ready = spare?.python === python ? spare.launcher : undefined;
  if (ready) spare = undefined;
  return ready ?? openPlainLauncher(python);
}

function openPlainLauncher(python: string): PlainLauncher {
  const folder = mkdtempSync(join(tmpdir(), 'grade-launcher-'));
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeFolder);
  const launcher = openLauncher([], python, undefined, join(folder, 'socket'));
  return {
    ...launcher,
    async [Symbol.asyncDispose]() {
      await launcher.close();
      process.off('exit', removeFolder);
      removeFolder();
    },
  };
}
