import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath as cli } from './helpers/cli.js';

// Each of Node's own modules costs its load at every start: a lone submission's run (a student's self-check) needs
// no hash (harness/sha256.ts), no name resolved (harness/launch/literal-address.ts), no node:perf_hooks
// (harness/clock.ts), no FileHandle (harness/fs-promises.ts) and no readline (harness/launch/line-events.ts).
const correct = join(import.meta.dirname, 'fixtures', 'udp-server', 'correct');
const unneeded = ['crypto', 'perf_hooks', 'dns', 'fs/promises', 'readline'];

describe("a lone submission's run, unsandboxed", () => {
  it('loads none of node:crypto, perf_hooks, dns, fs/promises and readline once the harness fingerprint is known', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'builtin-modules-'));
    // Node's own record of the modules it loaded, written as the CLI exits.
    const preload = join(scratch, 'record.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_LIST, process.moduleLoadList.join('\\n')));\n`);
    const grade = async (list: string) => {
      const result = await execa('node', ['--require', preload, cli, correct, '--out', join(scratch, 'out'), '--sandbox', 'off', '--lang', 'en'], {
        reject: false,
        env: { NO_COLOR: '1', GRADER_CACHE_DIR: join(scratch, 'cache'), LOADED_LIST: join(scratch, list) },
      });
      expect(String(result.stdout)).toContain('Score: 20/20');
      const loaded = readFileSync(join(scratch, list), 'utf8').split('\n');
      return unneeded.filter((name) => loaded.includes(`NativeModule ${name}`));
    };

    // The first run hashes the harness's files for its fingerprint: the record sees node:crypto then.
    expect(await grade('first.txt')).toContain('crypto');
    expect(await grade('second.txt')).toEqual([]);
  });
});
