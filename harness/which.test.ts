import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { which } from './which.js';

const root = mkdtempSync(join(tmpdir(), 'which-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Along PATH: a folder without the command, a file where a folder should be, a folder and a file of its name that
// cannot run, then the executable, then another one.
const folders = ['empty', 'not-a-folder', 'a-folder-named-so', 'not-executable', 'first', 'second'].map((name) => join(root, name));
mkdirSync(folders[0]!);
writeFileSync(folders[1]!, 'a file');
mkdirSync(join(folders[2]!, 'tool'), { recursive: true });
mkdirSync(folders[3]!);
writeFileSync(join(folders[3]!, 'tool'), 'echo no', { mode: 0o644 });
for (const folder of folders.slice(4)) {
  mkdirSync(folder);
  writeFileSync(join(folder, 'tool'), '#!/bin/sh\n');
  chmodSync(join(folder, 'tool'), 0o755);
}
const env = { PATH: folders.join(':') };

describe('which', () => {
  it('finds the first executable file of that name along PATH', () => {
    expect(which('tool', env, root)).toBe(join(root, 'first', 'tool'));
    expect(which('missing', env, root)).toBeUndefined();
  });

  it('reads a relative folder of PATH, and a command with a slash, from the given folder', () => {
    expect(which('tool', { PATH: 'second' }, root)).toBe(join(root, 'second', 'tool'));
    expect(which('./second/tool', env, root)).toBe(join(root, 'second', 'tool'));
    expect(which('./not-executable/tool', env, root)).toBeUndefined();
  });
});
