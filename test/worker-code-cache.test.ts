import { execa } from 'execa';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath as cli } from './helpers/cli.js';
import { sandboxAvailable } from './helpers/sandbox.js';

// The bundled slot worker keeps its compiled code between runs (harness/workers/bundled-worker.ts): written
// after the first grading, used afterwards; a cache that does not fit is ignored and written again.
const correct = join(import.meta.dirname, 'fixtures', 'udp-server', 'correct');

async function gradeSandboxed(cacheDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'code-cache-out-'));
  const result = await execa('node', [cli, correct, '--out', out, '--sandbox', 'on', '--lang', 'en'], {
    reject: false,
    env: { NO_COLOR: '1', GRADER_CACHE_DIR: cacheDir },
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), cacheFiles: readdirSync(cacheDir).filter((name) => name.endsWith('.v8')) };
}

describe.skipIf(!sandboxAvailable)("the slot worker's code cache", () => {
  it('is written by the first sandboxed run and kept by the next', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const first = await gradeSandboxed(cacheDir);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('Score: 20/20');
    expect(first.cacheFiles).toHaveLength(1);
    const cache = join(cacheDir, first.cacheFiles[0]!);
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(0);

    const second = await gradeSandboxed(cacheDir);
    expect(second.stdout).toContain('Score: 20/20');
    expect(second.cacheFiles).toEqual(first.cacheFiles);
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
  });

  it('a damaged cache is ignored and replaced, and the caches of other builds are removed', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const { cacheFiles } = await gradeSandboxed(cacheDir);
    const cache = join(cacheDir, cacheFiles[0]!);
    writeFileSync(cache, 'not a code cache');
    writeFileSync(join(cacheDir, 'worker-code-0000000000000000.v8'), 'an older build');

    const again = await gradeSandboxed(cacheDir);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Score: 20/20');
    expect(again.cacheFiles).toEqual(cacheFiles);
    expect(readFileSync(cache, 'utf8')).not.toBe('not a code cache');
  });
});
