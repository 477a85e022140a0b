import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  it('keeps one entry per submission: a result under another rubric replaces the earlier one', async () => {
    const dir = join(scratch, 'ben');
    mkdirSync(dir);
    writeFileSync(join(dir, 'simpleUDPServeur.py'), 'print("ben")\n');
    const submission = { id: 'ben', dir };
    const out = join(scratch, 'out-ben');
    const other = { rubric: 'udp-server', limits: { replyMs: 500 } };

    await openResultCache(out, inputs, harness).store(submission, graded);
    await openResultCache(out, other, harness).store(submission, { ...graded, score: 18 });
    expect(readdirSync(join(out, '.grade', 'cache'))).toEqual(['ben.json']);
    expect(await openResultCache(out, inputs, harness).lookup(submission)).toBeUndefined();
    expect(await openResultCache(out, other, harness).lookup(submission)).toMatchObject({ score: 18 });
    expect(await openResultCache(out, other, async () => 'another harness').lookup(submission)).toBeUndefined();
  });

  it('knows a small submission by its bytes and a large one by their hash, byte for byte all the same', async () => {
    const out = join(scratch, 'out-sizes');
    for (const [id, size] of [['small', 1000], ['large', 300 * 1024]] as const) {
      const dir = join(scratch, id);
      mkdirSync(dir);
      const file = join(dir, 'simpleUDPServeur.py');
      writeFileSync(file, Buffer.alloc(size, 'a'));
      const submission = { id, dir };
      await openResultCache(out, inputs, harness).store(submission, { ...graded, id });
      const entry = JSON.parse(readFileSync(join(out, '.grade', 'cache', `${id}.json`), 'utf8'));
      expect(entry.files).toMatch(id === 'small' ? /^bytes:/ : /^sha256:[0-9a-f]{64}$/);
      expect(await openResultCache(out, inputs, harness).lookup(submission)).toMatchObject({ id });

      writeFileSync(file, Buffer.concat([Buffer.alloc(size - 1, 'a'), Buffer.from('b')]));
      expect(await openResultCache(out, inputs, harness).lookup(submission)).toBeUndefined();
    }
  });

  it('names the entry of an id too long for a file name by its hash, and finds it', async () => {
    const id = 'étudiant-'.repeat(40);
    const dir = join(scratch, 'long-id');
    mkdirSync(dir);
    writeFileSync(join(dir, 'simpleUDPServeur.py'), 'print("long")\n');
    const out = join(scratch, 'out-long');
    await openResultCache(out, inputs, harness).store({ id, dir }, { ...graded, id });
    expect(readdirSync(join(out, '.grade', 'cache'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/)]);
    expect(await openResultCache(out, inputs, harness).lookup({ id, dir })).toMatchObject({ id });
  });
});
