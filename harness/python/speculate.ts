import { samePython, type PythonChoice } from './choice.js';
import type { PythonInterpreter } from './resolve.js';

// One go at the work, with the cached interpreter (a guess) or the freshly resolved one.
export interface Attempt {
  readonly python: Promise<PythonInterpreter>;
  // The caller's signal, plus a stop when the guess turns out wrong.
  readonly signal: AbortSignal | undefined;
  // true once the interpreter is known right (at once for the fresh one), false when the attempt will be
  // discarded: whatever leaves the attempt for good (stored results, progress) waits for it.
  readonly confirmed: Promise<boolean>;
}

// Starts the work with the cached interpreter while the resolution runs. Its outcome, value or error, counts
// only if the resolution gives the same interpreter; otherwise the attempt is stopped, awaited (its processes
// gone), and the work done again with the fresh answer — which also reproduces a failed resolution's error.
export async function speculate<T>(choice: PythonChoice, signal: AbortSignal | undefined, work: (attempt: Attempt) => Promise<T>): Promise<T> {
  const { cached, fresh } = choice;
  const withFresh = () => work({ python: fresh, signal, confirmed: Promise.resolve(true) });
  if (!cached) return withFresh();
  const confirmed = fresh.then((python) => samePython(python, cached), () => false);
  const stop = new AbortController();
  void confirmed.then((right) => right || stop.abort());
  const attempt = work({ python: Promise.resolve(cached), signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal, confirmed });
  attempt.catch(() => undefined); // Its error counts only once confirmed, below.
  if (await confirmed) return attempt;
  await attempt.catch(() => undefined);
  return withFresh();
}

// Passes events on once the attempt is confirmed (those held until then first), never if it is discarded.
export function heldUntil<E>(confirmed: Promise<boolean>, emit: ((event: E) => void) | undefined): ((event: E) => void) | undefined {
  if (!emit) return undefined;
  let held: E[] | undefined = [];
  let open = false;
  void confirmed.then((right) => {
    open = right;
    if (right) held?.forEach(emit);
    held = undefined;
  });
  return (event) => (open ? emit(event) : held?.push(event));
}
