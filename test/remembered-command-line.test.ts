import { execa } from 'execa';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath as cli } from './helpers/cli.js';

// The bundled CLI remembers yargs's answer for a command line (harness/cli/remembered-command-line.ts): a run given
// the same command line, with the same defaults from its environment, reuses it instead of loading yargs.
const correct = join(import.meta.dirname, 'fixtures', 'udp-server', 'correct');

type Remembered = [key: string, parsed: Record<string, unknown>][];

// The same command line each time: reports go into the cache's folder.
function gradeIn(cacheDir: string, args: readonly string[], env: Record<string, string> = {}) {
  const out = join(cacheDir, 'reports');
  return execa('node', [cli, correct, '--out', out, '--sandbox', 'off', ...args], {
    reject: false,
    env: { NO_COLOR: '1', GRADER_CACHE_DIR: cacheDir, LC_ALL: '', LC_MESSAGES: '', ...env },
  });
}

function rememberedIn(cacheDir: string): { file: string; entries: Remembered } {
  const [name, ...others] = readdirSync(cacheDir).filter((file) => file.startsWith('command-lines-'));
  expect(others).toEqual([]);
  const file = join(cacheDir, name!);
  return { file, entries: JSON.parse(readFileSync(file, 'utf8')) as Remembered };
}

describe('a command line given again', () => {
  it("is answered from the remembered parse: a remembered answer that differs is the one followed", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'remembered-'));
    const first = await gradeIn(cacheDir, ['--lang', 'en']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('Score: 20/20');
    const { file, entries } = rememberedIn(cacheDir);
    expect(entries).toHaveLength(1);
    expect(entries[0]![1]).toMatchObject({ lang: 'en', sandbox: 'off', jobs: expect.any(Number) });

    // Only a run that reads the file can follow this: its command line says English.
    entries[0]![1].lang = 'fr';
    writeFileSync(file, JSON.stringify(entries));
    const second = await gradeIn(cacheDir, ['--lang', 'en']);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Note : 20/20');
  });

  it('with another default from the environment (LANG) is parsed again, and each gets its own answer', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'remembered-'));
    const english = await gradeIn(cacheDir, [], { LANG: 'en_US.UTF-8' });
    expect(english.stdout).toContain('Score: 20/20');
    const french = await gradeIn(cacheDir, [], { LANG: 'fr_FR.UTF-8' });
    expect(french.stdout).toContain('Note : 20/20');
    const again = await gradeIn(cacheDir, [], { LANG: 'en_US.UTF-8' });
    expect(again.stdout).toContain('Score: 20/20');
    expect(rememberedIn(cacheDir).entries.map(([, parsed]) => parsed.lang)).toEqual(['fr', 'en']);
  });

  it('that is bad input is never remembered: it fails the same way every time', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'remembered-'));
    for (let run = 0; run < 2; run++) {
      const bad = await gradeIn(cacheDir, ['--jobs', '0']);
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr).toContain('--jobs must be a whole number of at least 1.');
    }
    expect(readdirSync(cacheDir).filter((file) => file.startsWith('command-lines-'))).toEqual([]);
  });
});
