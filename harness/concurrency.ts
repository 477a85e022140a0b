export interface BusyLimits {
  // Items worked on at a time while each is busy.
  readonly jobs: number;
  // Items worked on at a time in all, counting those that wait.
  readonly maxJobs: number;
  // An item still worked on after this long is taken to be waiting (on a deadline, idle) and no longer counts
  // against `jobs`: another starts beside it, up to `maxJobs`. Without it, every item counts until it ends.
  readonly patienceMs?: number;
}

// Runs `work` over the items with at most `limit` at a time; results keep the items' order.
export function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  return mapKeepingBusy(items, { jobs: limit, maxJobs: limit }, work);
}

// Runs `work` over the items in order, `jobs` at a time, plus those that outlast `patienceMs`, up to `maxJobs`;
// results keep the items' order. Rejects with the first error.
export function mapKeepingBusy<T, R>(items: readonly T[], limits: BusyLimits, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  const jobs = Math.max(1, limits.jobs);
  const maxJobs = Math.max(jobs, limits.maxJobs);
  return new Promise((resolve, reject) => {
    let next = 0;
    let busy = 0;
    let running = 0;
    let finished = 0;
    const startMore = () => {
      while (next < items.length && busy < jobs && running < maxJobs) start(next++);
    };
    const start = (index: number) => {
      busy++;
      running++;
      let counted = true;
      const uncount = () => {
        if (counted) busy--;
        counted = false;
      };
      const patience =
        limits.patienceMs === undefined
          ? undefined
          : setTimeout(() => {
              uncount();
              startMore();
            }, limits.patienceMs);
      work(items[index]!, index).then((result) => {
        clearTimeout(patience);
        uncount();
        running--;
        results[index] = result;
        if (++finished === items.length) resolve(results);
        else startMore();
      }, reject);
    };
    startMore();
  });
}
