import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { watchFileChanges } from './file-changes.js';

describe('watchFileChanges', () => {
  // A folder per test: events still queued from an earlier test's folder cannot reach this one's watchers.
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-changes-'));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('wakes on the file being created, then on each write', async () => {
    using changes = watchFileChanges(join(dir, 'log'))!;
    const first = changes.next();
    appendFileSync(join(dir, 'log'), 'a\n');
    await first;
    const second = changes.next();
    appendFileSync(join(dir, 'log'), 'b\n');
    await second;
  });

  // libuv reads a folder's events once for all its watchers: once a second watcher has seen a write,
  // the first one has seen it too, before anyone asks.
  it('answers at once for a change made before it was asked', async () => {
    using changes = watchFileChanges(join(dir, 'log'))!;
    using witness = watchFileChanges(join(dir, 'log'))!;
    const seen = witness.next();
    appendFileSync(join(dir, 'log'), 'a\n');
    await seen;
    await changes.next(); // Would wait for a write that never comes if the change were lost.
  });

  it('ignores the other files of the folder', async () => {
    using changes = watchFileChanges(join(dir, 'log'))!;
    using witness = watchFileChanges(join(dir, 'other'))!;
    let woke = false;
    void changes.next().then(() => (woke = true));
    const seen = witness.next();
    appendFileSync(join(dir, 'other'), 'x\n');
    await seen;
    await Promise.resolve(); // Lets a wrongly resolved wake-up run its callback.
    expect(woke).toBe(false);
  });

  it('gives up quietly on a folder that does not exist', () => {
    expect(watchFileChanges(join(dir, 'missing', 'log'))).toBeUndefined();
  });
});
