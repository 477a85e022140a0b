import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { grade } from '../harness/grade.js';

// The TypeScript reference echo server is graded exactly like a student's folder and must score full marks.
it('reference/udp-echo scores 20/20 on the udp-echo rubric', async () => {
  const run = await grade({
    paths: [join(import.meta.dirname, '..', 'reference', 'udp-echo')],
    rubric: 'udp-echo',
    outDir: mkdtempSync(join(tmpdir(), 'reference-')),
    jobs: 1,
    lang: 'en',
    python: 'python3',
    sandbox: 'auto',
  });
  const [result] = run.submissions;
  expect(result?.checks.filter((check) => !check.passed)).toEqual([]);
  expect(result).toMatchObject({ id: 'udp-echo', score: 20, maxScore: 20, entry: 'udp_server.ts' });
});
