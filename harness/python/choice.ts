import { cacheKey, type CachedPython, readCachedPython, rememberPython } from './cache.js';
import { resolutionInputs } from './resolution-inputs.js';
import { resolvePython, type PythonInterpreter } from './resolve.js';

// One run's answer to "which Python?": the last identical run's at once, and this run's own a little later.
export interface PythonChoice {
  // A guess to grade with while `fresh` resolves (./speculate.ts): an identical run's answer, whose
  // executable still exists, when the files it depended on cannot vouch for it.
  readonly cached: PythonInterpreter | undefined;
  // The answer: the cached one at once when the files it depended on are unchanged; else resolved again
  // (a `pyenv global` changes nothing in the cache's key). Rejects as resolvePython does.
  readonly fresh: Promise<PythonInterpreter>;
}

// Choices started before they were asked for (./prefetch.ts), each taken once.
const prefetched = new Map<string, PythonChoice>();

// Starts choosing now: a resolution's ~40-140 ms of Python start-up then overlap the harness's own start-up.
export function prefetchPythonChoice(command: string): void {
  if (!prefetched.has(command)) prefetched.set(command, startChoice(command));
}

// Several programs of one run share a choice: one resolution, one cache update. A prefetched choice goes to
// the first caller only (a --watch loop chooses again on every run).
export function choosePython(command: string): PythonChoice {
  const early = prefetched.get(command);
  prefetched.delete(command);
  return early ?? startChoice(command);
}

function startChoice(command: string): PythonChoice {
  const key = cacheKey(command);
  const entry = readCachedPython(key);
  // Nothing to guess: the last answer stands.
  if (entry && stands(command, entry)) return { cached: undefined, fresh: Promise.resolve(entry.python) };
  const fresh = resolvePython(command);
  fresh.then(
    (python) => {
      const inputs = resolutionInputs(command, python);
      if (!entry || !samePython(python, entry.python) || inputs !== entry.inputs) rememberPython(key, inputs === undefined ? { python } : { python, inputs });
    },
    () => undefined, // Reported by whoever awaits `fresh`.
  );
  return { cached: entry?.python, fresh };
}

function stands(command: string, { python, inputs }: CachedPython): boolean {
  return inputs !== undefined && inputs === resolutionInputs(command, python);
}

export function samePython(a: PythonInterpreter, b: PythonInterpreter): boolean {
  return a.executable === b.executable && a.version === b.version && a.prefixes.join('\0') === b.prefixes.join('\0');
}
