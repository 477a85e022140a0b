import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { grade } from '../harness/grade.js';

// Each TypeScript reference is graded exactly like a student's folder and must score full marks.
it.each([
  ['udp-server', 'simpleUDPServeur.ts'],
  ['udp-echo', 'udp_server.ts'],
  ['udp-client', 'simpleUDPclient.ts'],
  ['udp-rtt-client', 'udp_client.ts'],
  ['tcp-server', 'simpleTCPServeur.ts'],
  ['tcp-client', 'simpleTCPclient.ts'],
  ['http-server', 'simpleHTTPServeur.ts'],
])('reference/%s scores 20/20 on its rubric', async (rubric, entry) => {
  const run = await grade({
    paths: [join(import.meta.dirname, '..', 'reference', rubric)],
    rubric,
    outDir: mkdtempSync(join(tmpdir(), 'reference-')),
    jobs: 1,
    lang: 'en',
    python: 'python3',
    sandbox: 'auto',
  });
  const [result] = run.submissions;
  expect(result?.checks.filter((check) => !check.passed)).toEqual([]);
  expect(result).toMatchObject({ id: rubric, score: 20, maxScore: 20, entry });
});
