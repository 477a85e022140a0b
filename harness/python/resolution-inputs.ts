import { realpathSync, statSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { which } from '../which.js';
import type { PythonInterpreter } from './resolve.js';

// Whether the last run's answer to "which Python is --python?" still stands can be told from files alone in
// two cases: the command is that interpreter itself (a binary, a symlink, a virtual environment's link), or
// a pyenv shim, whose answer pyenv documents as read from PYENV_VERSION (in the cache's key), .python-version
// files and its global version file. This is the state of those files; undefined for any other launcher
// (another version manager, a wrapper script), whose answer is only known by running it.
export function resolutionInputs(
  command: string,
  python: PythonInterpreter,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | undefined {
  const found = which(command, env, cwd);
  const interpreter = realPath(python.executable);
  if (!found || !interpreter) return undefined;
  // What the interpreter is: its binary, and a virtual environment's pyvenv.cfg beside or above its link.
  const binary = [interpreter, ...venvConfigs(python.executable)];
  let files: string[];
  if (realPath(found) === interpreter) files = [...binary, ...venvConfigs(found)];
  else if (dirname(found) === join(pyenvRoot(env), 'shims')) files = [...binary, ...pyenvVersionFiles(env, cwd)];
  else return undefined;
  return JSON.stringify(files.map(fileState));
}

function venvConfigs(executable: string): string[] {
  return [join(dirname(executable), 'pyvenv.cfg'), join(dirname(dirname(executable)), 'pyvenv.cfg')];
}

function pyenvRoot(env: NodeJS.ProcessEnv): string {
  return env.PYENV_ROOT || join(env.HOME ?? '', '.pyenv');
}

// pyenv's choice: the first .python-version from PYENV_DIR (or the current folder) up, else its global
// version file; its versions folder changes when a version is installed or removed ("3.11" = the newest 3.11).
function pyenvVersionFiles(env: NodeJS.ProcessEnv, cwd: string): string[] {
  const root = pyenvRoot(env);
  const local: string[] = [];
  for (let dir = resolve(cwd, env.PYENV_DIR || '.'); ; dir = dirname(dir)) {
    local.push(join(dir, '.python-version'));
    if (dir === parse(dir).root) break;
  }
  return [...local, join(root, 'version'), join(root, 'versions')];
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

// Enough to see a file written, replaced, created or removed.
function fileState(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
  return stat ? `${path} ${stat.ino} ${stat.size} ${stat.mtimeNs} ${stat.ctimeNs}` : `${path} absent`;
}
