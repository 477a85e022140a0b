import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../scoring/result.js';
import { openResultCache } from './result-cache.js';

const scratch = mkdtempSync(join(tmpdir(), 'result-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const inputs = { rubric: 'udp-server' };
const harness = async () => 'the same harness';
const graded: SubmissionResult = { id: 'alice', notes: [], score: 20, maxScore: 20, checks: [], durationMs: 50 };

describe('the result cache (--changed-only)', () => {
  it('stores a result looked up before its grading under the files as they were then, not as an edit during it left them', async () => {
    const dir = join(scratch, 'alice');
    mkdirSync(dir);
    const entry = join(dir, 'simpleUDPServeur.py');
    writeFileSync(entry, 'print("graded")\n');
    const submission = { id: 'alice', dir };
    const out = join(scratch, 'out');

    const run = openResultCache(out, inputs, harness);
    expect(await run.lookup(submission)).toBeUndefined();
    writeFileSync(entry, 'print("saved while it was graded")\n');
    await run.store(submission, graded);

    // The next run sees the edited file, which nobody graded: nothing to reuse.
    expect(await openResultCache(out, inputs, harness).lookup(submission)).toBeUndefined();
    writeFileSync(entry, 'print("graded")\n');
    expect(await openResultCache(out, inputs, harness).lookup(submission)).toMatchObject({ id: 'alice', score: 20 });
  });
});
