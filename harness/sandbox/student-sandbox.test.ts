import { mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neededPaths } from './student-sandbox.js';

describe('neededPaths', () => {
  // bwrap cannot mount over a symlink: a linked interpreter or node_modules is bound where it really is.
  it('gives the real folder of a linked one, once', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'needed-'));
    const real = mkdtempSync(join(tmpdir(), 'needed-real-'));
    const link = join(scratch, 'python-prefix');
    symlinkSync(real, link);
    const paths = neededPaths([link, real]);
    expect(paths).toContain(realpathSync(real));
    expect(paths).not.toContain(link);
    expect(paths.filter((path) => path === realpathSync(real))).toHaveLength(1);
  });
});
