import { accessSync, constants } from 'node:fs';
import { cacheFile, readCacheFile, writeCacheFile } from '../cache-files.js';
import type { PythonInterpreter } from './resolve.js';

// The last run's resolution of --python, so that the next identical run may start grading at once: without
// resolving when the files it depended on are unchanged (./resolution-inputs.ts), else while it resolves
// again (./speculate.ts). Any failure here means no cache.

export function pythonCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return cacheFile('python.json', env);
}

// What a version manager or a virtual environment reads to pick a Python; HOME holds pyenv's and asdf's defaults.
const keyVariables = /^(PATH|HOME|VIRTUAL_ENV|PYTHON\w*|PYENV\w*|ASDF\w*|CONDA\w*|MISE\w*|RTX\w*|UV\w*)$/;

// Everything that can change what `command` resolves to, short of files a version manager reads (those
// are resolutionInputs, or why the resolution is run again).
export function cacheKey(command: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const variables = Object.keys(env)
    .filter((name) => keyVariables.test(name))
    .sort()
    .map((name) => [name, env[name]]);
  // The text itself, not a hash of it: node:crypto would cost ~3 ms of the CLI's start, before the slot boots.
  return JSON.stringify({ command, cwd, variables });
}

export interface CachedPython {
  readonly python: PythonInterpreter;
  // The state of the files the answer depended on, when they are known (resolutionInputs).
  readonly inputs?: string;
}

interface CacheEntry extends CachedPython {
  readonly key: string;
}

export function readCachedPython(key: string, file: string = pythonCacheFile()): CachedPython | undefined {
  try {
    const entry = readCacheFile(file) as CacheEntry | undefined;
    if (entry?.key !== key) return undefined;
    const python = entry.python;
    if (typeof python?.executable !== 'string' || typeof python.version !== 'string' || !Array.isArray(python.prefixes)) return undefined;
    accessSync(python.executable, constants.X_OK); // Throws when it is gone.
    return typeof entry.inputs === 'string' ? { python, inputs: entry.inputs } : { python };
  } catch {
    return undefined;
  }
}

// The interpreter the last identical run used, if any: what work started ahead of the choice may assume.
export function lastPython(command: string): PythonInterpreter | undefined {
  return readCachedPython(cacheKey(command))?.python;
}

export function rememberPython(key: string, cached: CachedPython, file: string = pythonCacheFile()): void {
  writeCacheFile(file, { key, ...cached } satisfies CacheEntry);
}
