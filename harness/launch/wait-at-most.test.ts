import { describe, expect, it } from 'vitest';
import { waitAtMost } from './wait-at-most.js';

const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('waitAtMost', () => {
  it('ends on the first event and leaves no timer behind', async () => {
    const before = pendingTimers();
    let settled = false;
    const wait = waitAtMost(60_000, new Promise<void>((resolve) => setImmediate(resolve))).then(() => (settled = true));
    expect(pendingTimers()).toBe(before + 1);
    await wait;
    expect(settled).toBe(true);
    expect(pendingTimers()).toBe(before);
  });

  it('ends at its bound when no event comes', async () => {
    const before = pendingTimers();
    const never = new Promise<void>(() => undefined);
    await expect(waitAtMost(1, never)).resolves.toBeUndefined();
    expect(pendingTimers()).toBe(before);
  });

  it('passes on an event that fails', async () => {
    await expect(waitAtMost(60_000, Promise.reject(new Error('gone')))).rejects.toThrow('gone');
  });
});
