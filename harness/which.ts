import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';

// As `command -v` finds it, without starting a shell: a command with a slash as given (from `cwd`), else the
// first executable file of that name along PATH.
export function which(command: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | undefined {
  const candidates = command.includes('/')
    ? [resolve(cwd, command)]
    : (env.PATH ?? '').split(delimiter).map((dir) => resolve(cwd, dir, command));
  return candidates.find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false; // Not here: the next folder of PATH.
  }
}
