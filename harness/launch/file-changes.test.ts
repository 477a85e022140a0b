import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFileChanges } from './file-changes.js';

describe('watchFileChanges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-changes-'));
  afterEach(() => rmSync(join(dir, 'log'), { force: true }));

  it('wakes on the file being created, then on each write', async () => {
    using changes = watchFileChanges(join(dir, 'log'))!;
    const first = changes.next();
    appendFileSync(join(dir, 'log'), 'a\n');
    await first;
    const second = changes.next();
    appendFileSync(join(dir, 'log'), 'b\n');
    await second;
  });

  it('answers at once for a change made before it was asked', async () => {
    using changes = watchFileChanges(join(dir, 'log'))!;
    appendFileSync(join(dir, 'log'), 'a\n');
    await changes.next(); // The write's event, possibly already delivered.
    await new Promise((resolve) => setTimeout(resolve, 50));
    appendFileSync(join(dir, 'log'), 'b\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await changes.next();
  });

  it('ignores the other files of the folder', async () => {
    using changes = watchFileChanges(join(dir, 'log'))!;
    let woke = false;
    void changes.next().then(() => (woke = true));
    appendFileSync(join(dir, 'other'), 'x\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(woke).toBe(false);
  });

  it('gives up quietly on a folder that does not exist', () => {
    expect(watchFileChanges(join(dir, 'missing', 'log'))).toBeUndefined();
  });
});
