import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTrackedFolder, trackFolder } from '../launch/cleanup-registry.js';
import { startedAhead } from '../started-ahead.js';
import { type Launcher, openLauncher } from './launcher.js';

// An unsandboxed run's launcher (./launcher.ts), with a folder of its own for its socket; both go once it is
// disposed, or when the CLI exits (the launcher ends when its stdin closes).
export type PlainLauncher = Launcher & AsyncDisposable;

// One started ahead of need, with the interpreter the last identical run used: by the CLI's entry
// (./plain-launcher-prefetch.ts), its Python start-up (~20 ms) then overlaps the CLI's own instead of delaying the first
// program; by --watch between two runs (../cli/watch-loop.ts), for the next save's run.
const spare = startedAhead<PlainLauncher>();

export function bootSpareLauncher(python: string): void {
  spare.start(python, () => openPlainLauncher(python));
}

// The spare launcher when it runs this interpreter; one of its own otherwise.
export function takePlainLauncher(python: string): PlainLauncher {
  return spare.take(python, () => openPlainLauncher(python));
}

function openPlainLauncher(python: string): PlainLauncher {
  const folder = mkdtempSync(join(tmpdir(), 'grade-launcher-'));
  trackFolder(folder);
  const launcher = openLauncher([], python, undefined, join(folder, 'socket'));
  return {
    ...launcher,
    async [Symbol.asyncDispose]() {
      await launcher.close();
      removeTrackedFolder(folder);
    },
  };
}
