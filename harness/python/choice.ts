import { cacheKey, readCachedPython, rememberPython } from './cache.js';
import { resolvePython, type PythonInterpreter } from './resolve.js';

// One run's answer to "which Python?": the last identical run's at once, and this run's own a little later.
export interface PythonChoice {
  // From the cache: an identical run resolved it before, and its executable still exists.
  readonly cached: PythonInterpreter | undefined;
  // Resolved again on every run (a `pyenv global` changes nothing in the cache's key); rejects as resolvePython does.
  readonly fresh: Promise<PythonInterpreter>;
}

// Several programs of one run share a choice: one resolution, one cache update.
export function choosePython(command: string): PythonChoice {
  const key = cacheKey(command);
  const cached = readCachedPython(key);
  const fresh = resolvePython(command);
  fresh.then(
    (python) => {
      if (!cached || !samePython(python, cached)) rememberPython(key, python);
    },
    () => undefined, // Reported by whoever awaits `fresh`.
  );
  return { cached, fresh };
}

export function samePython(a: PythonInterpreter, b: PythonInterpreter): boolean {
  return a.executable === b.executable && a.version === b.version && a.prefixes.join('\0') === b.prefixes.join('\0');
}
