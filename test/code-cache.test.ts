import { execa } from 'execa';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath as cli } from './helpers/cli.js';
import { sandboxAvailable } from './helpers/sandbox.js';

// The bundled CLI and slot worker keep their compiled code between runs (harness/code-cache.ts): written by
// a run that had none, used afterwards; a cache that does not fit is ignored and written again.
const correct = join(import.meta.dirname, 'fixtures', 'udp-server', 'correct');

async function grade(cacheDir: string, sandbox: 'on' | 'off', options: string[] = [], out = mkdtempSync(join(tmpdir(), 'code-cache-out-'))) {
  const result = await execa('node', [cli, correct, '--out', out, '--sandbox', sandbox, '--lang', 'en', ...options], {
    reject: false,
    env: { NO_COLOR: '1', GRADER_CACHE_DIR: cacheDir },
  });
  const cacheFiles = readdirSync(cacheDir).filter((name) => name.endsWith('.v8'));
  return { exitCode: result.exitCode, stdout: String(result.stdout), cacheFiles, cache: (family: string) => cacheFiles.filter((name) => name.startsWith(`${family}-`)) };
}

describe.each([
  { family: 'cli-code', sandbox: 'off', skip: false },
  { family: 'worker-code', sandbox: 'on', skip: !sandboxAvailable },
] as const)("the code cache of $family ($sandbox sandbox)", ({ family, sandbox, skip }) => {
  it.skipIf(skip)('is written by the first run and kept by the next', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const first = await grade(cacheDir, sandbox);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('Score: 20/20');
    expect(first.cache(family)).toHaveLength(1);
    const cache = join(cacheDir, first.cache(family)[0]!);
    const written = statSync(cache);
    expect(written.size).toBeGreaterThan(0);

    const second = await grade(cacheDir, sandbox);
    expect(second.stdout).toContain('Score: 20/20');
    expect(second.cache(family)).toEqual(first.cache(family));
    expect(statSync(cache).mtimeMs).toBe(written.mtimeMs);
  });

  it.skipIf(skip)('a damaged cache is ignored and replaced, and the caches of other builds are removed', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const cacheFile = join(cacheDir, (await grade(cacheDir, sandbox)).cache(family)[0]!);
    writeFileSync(cacheFile, 'not a code cache');
    writeFileSync(join(cacheDir, `${family}-0-0-0.v8`), 'an older build');

    const again = await grade(cacheDir, sandbox);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Score: 20/20');
    expect(again.cache(family)).toEqual([cacheFile.split('/').at(-1)]);
    expect(readFileSync(cacheFile, 'utf8')).not.toBe('not a code cache');
  });
});

describe("the CLI's code cache", () => {
  it('is not written by a run that ended in bad input, which compiled little of the grader', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const badInput = await execa('node', [cli, join(cacheDir, 'no-such-folder'), '--sandbox', 'off'], { reject: false, env: { GRADER_CACHE_DIR: cacheDir } });
    expect(badInput.exitCode).toBe(2);
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('cli-code-'))).toEqual([]);

    const graded = await grade(cacheDir, 'off');
    expect(graded.exitCode).toBe(0);
    expect(graded.cache('cli-code')).toHaveLength(1);
  });
});

// zod and yaml (a rubric other than the shipped ones) and execa (lsof, without /proc) are bundled apart and
// loaded on first use (scripts/bundle.mjs), each compiled with a cache of its own.
describe('the libraries bundled apart', () => {
  const bundle = dirname(cli);
  const apart = ['zod', 'yaml', 'execa', 'yargs', 'yargs-parser', 'cliui'];

  it.each(['cli-code.cjs', 'worker-code.cjs'])('are not in %s, which requires them from vendor/', (file) => {
    const code = readFileSync(join(bundle, file), 'utf8');
    for (const library of apart) expect(code).not.toMatch(new RegExp(`^// node_modules/${library}/`, 'm'));
    expect(code).toContain('require("./vendor/execa.cjs")');
  });

  it('leave yargs unloaded when the command line was given before', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const out = mkdtempSync(join(tmpdir(), 'code-cache-out-'));
    const first = await grade(cacheDir, 'off', [], out);
    expect(first.stdout).toContain('Score: 20/20');
    expect(first.cache('yargs')).toHaveLength(1);
    rmSync(join(cacheDir, first.cache('yargs')[0]!));

    // yargs's answer is remembered (harness/cli/remembered-command-line.ts): nothing requires it, nothing writes its cache.
    const again = await grade(cacheDir, 'off', [], out);
    expect(again.stdout).toContain('Score: 20/20');
    expect(again.cache('yargs')).toEqual([]);
  });

  it('load only for a rubric that is not a shipped one, and keep their compiled code', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'code-cache-'));
    const shipped = await grade(cacheDir, 'off');
    expect(shipped.stdout).toContain('Score: 20/20');
    expect(shipped.cacheFiles.filter((name) => ['zod', 'yaml', 'execa'].some((library) => name.startsWith(`${library}-`)))).toEqual([]);

    // The shipped UDP server rubric with one more line: the same rubric, parsed and validated at run time.
    const rubric = join(mkdtempSync(join(tmpdir(), 'code-cache-rubric-')), 'udp-server-copy.yaml');
    writeFileSync(rubric, `${readFileSync(join(import.meta.dirname, '..', 'rubrics', 'udp-server.yaml'), 'utf8')}\n# a teacher's copy\n`);
    const custom = await grade(cacheDir, 'off', ['--rubric', rubric]);
    expect(custom.exitCode).toBe(0);
    expect(custom.stdout).toContain('Score: 20/20');
    expect(custom.cache('zod')).toHaveLength(1);
    expect(custom.cache('yaml')).toHaveLength(1);
    const zodCache = statSync(join(cacheDir, custom.cache('zod')[0]!));

    const again = await grade(cacheDir, 'off', ['--rubric', rubric]);
    expect(again.stdout).toContain('Score: 20/20');
    expect(statSync(join(cacheDir, custom.cache('zod')[0]!)).mtimeMs).toBe(zodCache.mtimeMs);
  });
});

// The CLI's entry starts the slot, the sandbox detection and Python's choice before the rest of its code
// loads; the rest must use those modules, not copies that never saw that work (scripts/bundle.mjs).
describe("the bundled CLI's code", () => {
  const bundle = dirname(cli);
  // esbuild names each module it bundles in a comment line of its own: "// dist/harness/workers/spare-slot.js".
  const modulesIn = (file: string) => new Set(readFileSync(join(bundle, file), 'utf8').match(/^\/\/ dist\/harness\/\S+\.js$/gm));

  it("reads the catalog's sentences from a table beside it, and holds none of them", async () => {
    const { catalog } = await import('../harness/messages/catalog.js');
    expect(JSON.parse(readFileSync(join(bundle, 'messages.json'), 'utf8'))).toEqual(catalog);
    for (const file of ['cli.cjs', 'cli-code.cjs', 'worker.cjs', 'worker-code.cjs']) {
      expect(readFileSync(join(bundle, file), 'utf8')).not.toContain(JSON.stringify(catalog['entry.missing'].en));
    }
  });

  it('holds no copy of a module its entry loaded, and takes the spare slot from the entry', () => {
    const entryModules = modulesIn('cli.cjs');
    expect(entryModules).toContain('// dist/harness/workers/spare-slot.js');
    expect([...modulesIn('cli-code.cjs')].filter((module) => entryModules.has(module))).toEqual([]);
    expect(readFileSync(join(bundle, 'cli-code.cjs'), 'utf8')).toContain('require("netlab:early/workers/spare-slot.js")');
  });
});
