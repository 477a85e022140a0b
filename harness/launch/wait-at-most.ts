import { setTimeout as delay } from 'node:timers/promises';

// Waits until one of `events` settles, or `ms` at most. The timer is cancelled when an event wins: left
// pending, it would keep the harness alive for up to `ms` after its last wait (a run's exit waited for it).
export async function waitAtMost(ms: number, ...events: readonly Promise<unknown>[]): Promise<void> {
  const cancel = new AbortController();
  try {
    await Promise.race([delay(ms, undefined, { signal: cancel.signal }), ...events]);
  } finally {
    cancel.abort();
  }
}
