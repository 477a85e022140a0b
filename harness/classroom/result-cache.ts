import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Submission } from '../discovery/submission.js';
import type { SubmissionResult } from '../scoring/result.js';
import { decodeLine, encodeLine } from '../workers/wire.js';
import { submissionHash } from './content-hash.js';

// Results kept in the output folder, keyed by what decides them: the submission's files, the rubric
// (limits included) and the harness's own code. A re-run after one student pushes grades one submission.
export interface ResultCache {
  lookup(submission: Submission): Promise<SubmissionResult | undefined>;
  store(submission: Submission, result: SubmissionResult): Promise<void>;
}

// `harness` gives the harness's fingerprint (its files' states, read at once: a few ms). It is asked for once
// the current task is done, so grading starts first: the first requests to the slots leave before it.
export function openResultCache(outDir: string, decidingInputs: unknown, harness: () => Promise<string>): ResultCache {
  const dir = join(outDir, '.grade', 'cache');
  const inputs = JSON.stringify(decidingInputs);
  const context = new Promise((resolve) => setImmediate(resolve))
    .then(harness)
    .then((fingerprint) => createHash('sha256').update(inputs).update(fingerprint).digest('hex'));
  context.catch(() => undefined); // Seen by the first lookup or store; never an unhandled rejection.
  // A submission's files are hashed once per run. Looked up before its grading (--changed-only), its result is then
  // stored under the files as they were graded, not as a student's edit during the grading left them.
  const filesHashes = new WeakMap<Submission, string>();
  const filesHash = (submission: Submission) => {
    const hash = filesHashes.get(submission) ?? submissionHash(submission);
    filesHashes.set(submission, hash);
    return hash;
  };
  const fileFor = async (submission: Submission) => {
    const files = filesHash(submission);
    return join(dir, `${createHash('sha256').update(await context).update(submission.id).update(files).digest('hex')}.json`);
  };
  let made = false;
  return {
    async lookup(submission) {
      const text = await readFile(await fileFor(submission), 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      const { computedAt, result } = decodeLine<{ computedAt: string; result: SubmissionResult }>(text);
      return { ...result, reusedFrom: computedAt };
    },
    // Written synchronously, while the slots grade: one entry is ~6 KB, and the asynchronous writes cost the
    // main process ~1.2 ms of CPU per submission (a class of 40: ~50 ms of its ~200), these ~0.2 ms.
    async store(submission, result) {
      const file = await fileFor(submission);
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      writeFileSync(`${file}.tmp`, encodeLine({ computedAt: new Date().toISOString(), result }));
      renameSync(`${file}.tmp`, file);
    },
  };
}
