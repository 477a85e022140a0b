import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { grade } from '../harness/grade.js';
import { sandboxAvailable } from './helpers/sandbox.js';
import { processesUnder } from './helpers/tree.js';

const neverBinds = join(import.meta.dirname, 'fixtures', 'udp-server', 'never-binds');
const scratch = mkdtempSync(join(tmpdir(), 'deadline-'));
process.env.TMPDIR = scratch;

// The whole-submission deadline stops a run mid-step (here, inside the 5 s startup wait): had it not
// fired, the result would be the ordinary verdict "no UDP socket bound after 5 s", not this fault.
it.each(sandboxAvailable ? (['on', 'off'] as const) : (['off'] as const))('--sandbox %s: a submission past its deadline is stopped and reported', async (sandbox) => {
  const run = await grade({
    paths: [neverBinds],
    rubric: 'udp-server',
    outDir: join(scratch, `out-${sandbox}`),
    jobs: 1,
    lang: 'en',
    python: 'python3',
    sandbox,
    limits: { submissionSeconds: 1 },
  });
  expect(run.submissions[0]).toMatchObject({ id: 'never-binds', score: 0, fault: expect.stringContaining('took longer than 1 s') });
  expect(processesUnder(scratch)).toEqual([]);
});
