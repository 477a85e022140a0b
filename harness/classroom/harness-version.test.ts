import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from './harness-version.js';

let dir: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  cache = join(dir, 'cache', 'fingerprint.json');
  mkdirSync(join(dir, 'package', 'harness', 'probes'), { recursive: true });
  writeFileSync(join(dir, 'package', 'package.json'), '{"version":"1.0.0"}');
  writeFileSync(join(dir, 'package', 'harness', 'probes', 'udp.ts'), 'export const reply = 1;');
});

const fingerprint = () => fingerprintOf(join(dir, 'package'), [join(dir, 'package', 'harness')], cache);

describe('the harness fingerprint', () => {
  it('changes with any file of the harness, tests aside, and is remembered for files in the same state', async () => {
    const first = await fingerprint();
    expect(JSON.parse(readFileSync(cache, 'utf8')).fingerprint).toBe(first);
    expect(await fingerprint()).toBe(first);

    writeFileSync(join(dir, 'package', 'harness', 'probes', 'udp.test.ts'), 'test');
    mkdirSync(join(dir, 'package', 'harness', 'probes', '__pycache__'));
    writeFileSync(join(dir, 'package', 'harness', 'probes', '__pycache__', 'hook.cpython-311.pyc'), 'bytecode');
    expect(await fingerprint()).toBe(first);

    // Same size, other content: a new state all the same (its modification time), so hashed again. The time
    // is moved by hand: two writes within one tick of the kernel's file clock may share a time.
    const probe = join(dir, 'package', 'harness', 'probes', 'udp.ts');
    const { mtimeMs } = statSync(probe);
    writeFileSync(probe, 'export const reply = 2;');
    utimesSync(probe, new Date(), new Date(mtimeMs + 1000));
    const second = await fingerprint();
    expect(second).not.toBe(first);
    expect(JSON.parse(readFileSync(cache, 'utf8')).fingerprint).toBe(second);
  });

  it('takes the remembered answer without reading the files while their states match', async () => {
    await fingerprint();
    const remembered = JSON.parse(readFileSync(cache, 'utf8'));
    writeFileSync(cache, JSON.stringify({ ...remembered, fingerprint: 'remembered' }));
    expect(await fingerprint()).toBe('remembered');
  });

  it('works without a cache it can write', async () => {
    writeFileSync(join(dir, 'cache'), 'a file where the cache folder should be');
    const first = await fingerprint();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprint()).toBe(first);
  });
});
