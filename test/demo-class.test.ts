import { execa } from 'execa';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { treeFingerprint } from './helpers/tree.js';

// The README's first command, as a new user runs it: the demo class, every program it holds, exact scores.
const root = join(import.meta.dirname, '..');
const submissions = join(root, 'submissions');

// Each demo student's score per program; a program the student did not hand in is absent.
const expectedScores: Record<string, Record<string, number>> = {
  'udp-server': { alice: 20, bruno: 18, chloé: 16, 'david martin': 18, emma: 1, farid: 16, gaëlle: 19 },
  'udp-client': { alice: 20, bruno: 13, farid: 20 },
  'udp-echo': { alice: 20, chloé: 17 },
  'udp-rtt-client': { lucas: 16 },
  'tcp-server': { lucas: 16 },
  'tcp-client': { ines: 13 },
  'http-server': { léa: 15 },
};

const out = mkdtempSync(join(tmpdir(), 'demo-class-'));
let result: Awaited<ReturnType<typeof execa>>;
let before: Map<string, string>;

beforeAll(async () => {
  before = treeFingerprint(submissions);
  result = await execa('./grade', ['submissions/', '--out', out, '--lang', 'en'], { cwd: root, reject: false });
});

it('grades the demo class, every program of it, and exits 0', () => {
  expect(result.exitCode).toBe(0);
  expect(String(result.stdout).trim().split('\n').at(-1)).toBe(`Reports: ${out}/summary.md`);
});

it.each(Object.entries(expectedScores))('gives the expected %s scores', (program, scores) => {
  const results = JSON.parse(readFileSync(join(out, program, 'results.json'), 'utf8')) as { submissions: { id: string; score: number }[] };
  expect(Object.fromEntries(results.submissions.map((submission) => [submission.id, submission.score]))).toEqual(scores);
});

it('leaves the demo class untouched', () => {
  expect(treeFingerprint(submissions)).toEqual(before);
});
