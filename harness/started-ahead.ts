// One process started ahead of need (a sandbox slot, a programs' launcher), for what it was started with (`key`):
// the first caller that asks for the same key takes it; any other caller starts its own.
export interface StartedAhead<T> {
  // Starts one now, unless one is already waiting.
  start(key: string, make: () => T): T;
  take(key: string, make: () => T): T;
}

// `discard`: what to do with the waiting one when a caller asks for another key (it is then forgotten); without
// it, it keeps waiting, and what the harness started ends with the harness.
export function startedAhead<T>(discard?: (unused: T) => void): StartedAhead<T> {
  let waiting: { readonly key: string; readonly value: T } | undefined;
  return {
    start(key, make) {
      waiting ??= { key, value: make() };
      return waiting.value;
    },
    take(key, make) {
      if (waiting?.key === key) {
        const { value } = waiting;
        waiting = undefined;
        return value;
      }
      if (waiting && discard) {
        discard(waiting.value);
        waiting = undefined;
      }
      return make();
    },
  };
}
