import { describe, expect, it } from 'vitest';
import { waitUntil } from '../test/helpers/wait.js';
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
    await waitUntil(() => started.length === 3, 5000, 'item 3 to start');
    expect(started).toEqual([1, 2, 3]);
    await finish(3);
    await waitUntil(() => started.length === 4, 5000, 'item 4 to start');
    for (const item of [1, 2, 4]) await finish(item);
    await waitUntil(() => started.length === 5, 5000, 'item 5 to start');
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
