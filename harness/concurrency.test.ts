import { describe, expect, it } from 'vitest';
import { mapKeepingBusy } from './concurrency.js';

// Items finish when the test says so: what runs at a time is then known exactly.
function controlledWork() {
  const started: number[] = [];
  const finishers = new Map<number, () => void>();
  const running = { now: 0, most: 0 };
  const work = (item: number) =>
    new Promise<string>((resolve) => {
      started.push(item);
      running.most = Math.max(running.most, ++running.now);
      finishers.set(item, () => {
        running.now--;
        resolve(`done ${item}`);
      });
    });
  const finish = async (item: number) => {
    finishers.get(item)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, running, work, finish };
}

const waitFor = async (condition: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

describe('mapKeepingBusy', () => {
  it('runs `jobs` items at a time while each is busy, in order, and keeps the results in order', async () => {
    const { started, work, finish } = controlledWork();
    const results = mapKeepingBusy([1, 2, 3, 4], { jobs: 2, maxJobs: 4, patienceMs: 60_000 }, work);
    expect(started).toEqual([1, 2]);
    await finish(2);
    expect(started).toEqual([1, 2, 3]);
    await finish(1);
    await finish(3);
    await finish(4);
    expect(await results).toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
  });

  it('starts another item beside one that outlasts its patience, up to maxJobs', async () => {
    const { started, running, work, finish } = controlledWork();
    const results = mapKeepingBusy([1, 2, 3, 4, 5], { jobs: 1, maxJobs: 3, patienceMs: 20 }, work);
    expect(started).toEqual([1]);
    // 1 waits: 2 starts; 2 waits too: 3 starts; then no more than maxJobs run, however long they wait.
    await waitFor(() => started.length === 3);
    expect(started).toEqual([1, 2, 3]);
    await finish(3);
    await waitFor(() => started.length === 4);
    for (const item of [1, 2, 4]) await finish(item);
    await waitFor(() => started.length === 5);
    await finish(5);
    expect(await results).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
    expect(running.most).toBe(3);
  });

  it('rejects with the first error', async () => {
    await expect(mapKeepingBusy([1, 2], { jobs: 2, maxJobs: 2, patienceMs: 1000 }, async (item) => {
      if (item === 2) throw new Error('broken 2');
      return item;
    })).rejects.toThrow('broken 2');
    expect(await mapKeepingBusy([], { jobs: 1, maxJobs: 1, patienceMs: 1 }, async () => 1)).toEqual([]);
  });
});
