// Milliseconds on a monotonic clock, for durations and deadlines: performance.now()'s clock, from another origin.
// Not the global `performance`: its first use loads node:perf_hooks and the ten modules behind it, ~0.9 ms of every
// start of the CLI and of each slot.
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
