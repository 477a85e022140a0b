import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverSubmissions } from './discover.js';
import { isOneSubmission } from './runnable.js';

// The guess made before discovery must agree with discovery on what is a lone submission.
function folderWith(files: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'runnable-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'print("x")\n');
  }
  return root;
}

describe('isOneSubmission', () => {
  it.each([
    ['a student folder', ['simpleUDPServeur.py'], '', true],
    ['a class of one student', ['alice/simpleUDPServeur.py'], '', true],
    ['a class of one student, its reports inside it', ['alice/simpleUDPServeur.py', 'out/alice.md'], 'out', true],
    ['a class of one student beside hidden and ignored folders', ['alice/a.py', '.git/x.py', 'node_modules/m/x.py', 'reports/x.py'], '', true],
    ['a class of two', ['alice/a.py', 'bruno/a.py'], '', false],
  ] as const)('%s: %s', async (_what, files, out, one) => {
    const root = folderWith(files);
    const outDir = join(root, out || 'elsewhere');
    expect(isOneSubmission(root, outDir)).toBe(one);
    expect((await discoverSubmissions([root], outDir)).length === 1).toBe(one);
  });

  it('a file is one; a missing path is none', () => {
    const root = folderWith(['s.py']);
    expect(isOneSubmission(join(root, 's.py'), join(root, 'out'))).toBe(true);
    expect(isOneSubmission(join(root, 'missing'), join(root, 'out'))).toBe(false);
  });
});
