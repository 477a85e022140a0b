import { join } from 'node:path';
import { type Launcher, openLauncher } from '../sandbox/launcher.js';
import { guessedLauncherVariable, type LauncherGuess, launcherKey, type SlotLauncherCommand } from '../sandbox/slot-launcher-command.js';
import { startedAhead } from '../started-ahead.js';

// Imported first by the slot worker (./serve.ts). A slot the harness booted ahead of need was told which launcher its
// setup will most likely ask for (../sandbox/slot-launcher-command.ts): it starts now, and its Python start-up (~25 ms)
// overlaps the worker's own and the harness's, instead of following the setup. A wrong guess costs that start only:
// it is ended once the setup asks for another launcher.
const ahead = startedAhead<Launcher>((unused) => void unused.close());
const guess = takeGuess();
if (guess) startSlotLauncherAhead(guess);

export const launcherStartedAhead = guess !== undefined;

// Also by the grader itself, in its own namespace (./sandboxed-ahead.ts).
export function startSlotLauncherAhead({ command, workspaces }: LauncherGuess): Launcher {
  return ahead.start(launcherKey(command), () => openLauncher(command.enter, command.python, command.uid, join(workspaces, '.launcher-ahead')));
}

// The launcher started ahead when it is this one; one of its own otherwise (in `folder`).
export function takeSlotLauncher(command: SlotLauncherCommand, folder: string): Launcher {
  return ahead.take(launcherKey(command), () => openLauncher(command.enter, command.python, command.uid, folder));
}

function takeGuess(): LauncherGuess | undefined {
  const text = process.env[guessedLauncherVariable];
  delete process.env[guessedLauncherVariable];
  return text === undefined ? undefined : (JSON.parse(text) as LauncherGuess);
}
