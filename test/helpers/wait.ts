import { setTimeout as delay } from 'node:timers/promises';

// Polls a condition until it holds or the deadline passes: waits on an event we cannot subscribe to.
export async function waitUntil<T>(probe: () => T | undefined | false, deadlineMs: number, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > deadlineMs) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await delay(5);
  }
}
