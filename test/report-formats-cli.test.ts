import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseXml } from './helpers/xml.js';
import { cliPath as cli } from './helpers/cli.js';

// --format, --csv-delimiter and the GitHub Actions outputs, through the built CLI (npm test builds it first).
const root = join(import.meta.dirname, '..');
const wrongReply = join(import.meta.dirname, 'fixtures', 'udp-server', 'wrong-reply');

// The GitHub variables are always set here, so that a run of this suite on GitHub Actions never writes to its own job summary.
async function grade(args: string[], github: { actions?: string; summary?: string } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'cli-formats-'));
  const env = { LANG: 'C.UTF-8', GITHUB_ACTIONS: github.actions ?? '', GITHUB_STEP_SUMMARY: github.summary ?? '' };
  const result = await execa('node', [cli, ...args, '--out', out, '--sandbox', 'off'], { cwd: root, reject: false, env });
  return { ...result, out };
}

describe('grade --format', () => {
  it('writes every format with --format all, and on GitHub Actions the summary and one annotation per failed check', async () => {
    const summaryFile = join(mkdtempSync(join(tmpdir(), 'step-summary-')), 'summary.md');
    writeFileSync(summaryFile, '');
    const { exitCode, out, stdout } = await grade([wrongReply, '--format', 'all', '--csv-delimiter', ';', '--lang', 'en'], { actions: 'true', summary: summaryFile });
    expect(exitCode).toBe(0);
    expect(readdirSync(out).filter((name) => name !== '.grade').sort()).toEqual(['grades.csv', 'gradescope', 'junit.xml', 'results.json', 'summary.md', 'wrong-reply.md']);
    expect(readdirSync(join(out, 'gradescope'))).toEqual(['wrong-reply.json']);
    expect(parseXml(readFileSync(join(out, 'junit.xml'), 'utf8')).attributes).toMatchObject({ tests: '9', failures: '1' });
    expect(parseCsv(readFileSync(join(out, 'grades.csv')), { bom: true, delimiter: ';' })).toEqual([
      ['id', 'score', 'max', 'shebang', 'starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
      ['wrong-reply', '16', '20', '1', '3', '2', '0', '2', '2', '2', '2', '2'],
    ]);
    expect(JSON.parse(readFileSync(join(out, 'gradescope', 'wrong-reply.json'), 'utf8'))).toMatchObject({ score: 16, output_format: 'md' });
    expect(readFileSync(summaryFile, 'utf8')).toBe(readFileSync(join(out, 'summary.md'), 'utf8'));
    expect(stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      "::error file=test/fixtures/udp-server/wrong-reply/simpleUDPServeur.py,line=13,title=reply::Got b'i am the server\\n' instead of b'i am the server'.",
    ]);
  });

  it('writes only what is asked, and no GitHub output outside GitHub Actions', async () => {
    const { exitCode, out, stdout } = await grade([wrongReply, '--format', 'json', '--lang', 'en']);
    expect(exitCode).toBe(0);
    expect(readdirSync(out).filter((name) => name !== '.grade')).toEqual(['results.json']);
    expect(stdout).toContain('Score: 16/20');
    // No Markdown report was written, so none is pointed at.
    expect(stdout).not.toContain('Detailed report');
    expect(stdout).not.toContain('::error');
  });

  it.each([
    ['en', /^grade: Unknown format "xml" in --format: give a comma-separated list of md, json, junit, csv, gradescope, or all\.$/],
    ['fr', /^grade: Format inconnu « xml » dans --format : donnez une liste séparée par des virgules parmi md, json, junit, csv, gradescope, ou all\.$/],
  ])('refuses an unknown format before grading, with one sentence and exit code 2 (%s)', async (lang, sentence) => {
    const { exitCode, out, stderr, stdout } = await grade([wrongReply, '--format', 'md,xml', '--lang', lang]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(sentence);
    expect(stdout).toBe('');
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
