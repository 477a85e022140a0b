import { join } from 'node:path';
import { type Launcher, openLauncher } from '../sandbox/launcher.js';
import { guessedLauncherVariable, type LauncherGuess, launcherKey, type SlotLauncherCommand } from '../sandbox/slot-launcher-command.js';

// Imported first by the slot worker (./serve.ts). A slot the harness booted ahead of need was told which launcher its
// setup will most likely ask for (../sandbox/slot-launcher-command.ts): it starts now, and its Python start-up (~25 ms)
// overlaps the worker's own and the harness's, instead of following the setup. A wrong guess costs that start only.
const guess = takeGuess();
let ahead = guess && {
  key: launcherKey(guess.command),
  launcher: openLauncher(guess.command.enter, guess.command.python, guess.command.uid, join(guess.workspaces, '.launcher-ahead')),
};

export const launcherStartedAhead = ahead !== undefined;

// The launcher started ahead when it is this one; one of its own otherwise (in `folder`), the other one then ended.
export function takeSlotLauncher(command: SlotLauncherCommand, folder: string): Launcher {
  const ready = ahead?.key === launcherKey(command) ? ahead.launcher : undefined;
  if (ahead && !ready) void ahead.launcher.close();
  ahead = undefined;
  return ready ?? openLauncher(command.enter, command.python, command.uid, folder);
}

function takeGuess(): LauncherGuess | undefined {
  const text = process.env[guessedLauncherVariable];
  delete process.env[guessedLauncherVariable];
  return text === undefined ? undefined : (JSON.parse(text) as LauncherGuess);
}
