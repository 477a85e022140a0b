import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from '../fs-promises.js';
import { join } from 'node:path';
import type { Submission } from '../discovery/submission.js';
import type { SubmissionResult } from '../scoring/result.js';
import { sha256 } from '../sha256.js';
import { decodeLine, encodeLine } from '../workers/wire.js';
import { submissionFilesKey } from './files-key.js';

// Results kept in the output folder with what decided them: the submission's files, the rubric (limits included)
// and the harness's own code. A re-run after one student pushes grades one submission.
export interface ResultCache {
  lookup(submission: Submission): Promise<SubmissionResult | undefined>;
  store(submission: Submission, result: SubmissionResult): Promise<void>;
}

// One entry per submission, its last result: the folder holds one file per student, however often the class, the
// rubric or the harness changed. What decided a result is kept in its entry and compared as it is.
interface CacheEntry {
  readonly id: string;
  readonly decidedBy: string;
  readonly files: string;
  readonly computedAt: string;
  readonly result: SubmissionResult;
}

// `harness` gives the harness's fingerprint (its files' states, read at once: a few ms). It is asked for once
// the current task is done, so grading starts first: the first requests to the slots leave before it.
export function openResultCache(outDir: string, decidingInputs: unknown, harness: () => Promise<string>): ResultCache {
  const dir = join(outDir, '.grade', 'cache');
  const inputs = JSON.stringify(decidingInputs);
  const decidedBy = new Promise((resolve) => setImmediate(resolve)).then(harness).then((fingerprint) => `${fingerprint}\n${inputs}`);
  decidedBy.catch(() => undefined); // Seen by the first lookup or store; never an unhandled rejection.
  // A submission's files are read once per run. Looked up before its grading (--changed-only), its result is then
  // stored under the files as they were graded, not as a student's edit during the grading left them.
  const filesKeys = new WeakMap<Submission, string>();
  const filesKey = (submission: Submission) => {
    const key = filesKeys.get(submission) ?? submissionFilesKey(submission);
    filesKeys.set(submission, key);
    return key;
  };
  let made = false;
  return {
    async lookup(submission) {
      const files = filesKey(submission);
      const text = await readFile(entryFile(dir, submission.id), 'utf8').catch(() => undefined);
      const entry = text === undefined ? undefined : decodeLine<Partial<CacheEntry>>(text);
      if (entry?.id !== submission.id || entry.files !== files || entry.decidedBy !== (await decidedBy) || !entry.result) return undefined;
      return { ...entry.result, reusedFrom: entry.computedAt };
    },
    // Written synchronously, while the slots grade: one entry is ~6 KB, and the asynchronous writes cost the
    // main process ~1.2 ms of CPU per submission (a class of 40: ~50 ms of its ~200), these ~0.2 ms.
    async store(submission, result) {
      const entry: CacheEntry = { id: submission.id, decidedBy: await decidedBy, files: filesKey(submission), computedAt: new Date().toISOString(), result };
      const file = entryFile(dir, submission.id);
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      writeFileSync(`${file}.tmp`, encodeLine(entry));
      renameSync(`${file}.tmp`, file);
    },
  };
}

// Named after the submission's id, encoded (injective, and safe in a file name). An id whose encoding is too long for
// a file name (a non-Latin letter takes 9 characters) is named by its hash.
function entryFile(dir: string, id: string): string {
  const name = encodeURIComponent(id);
  return join(dir, `${name.length <= 200 ? name : sha256().update(id).digest('hex')}.json`);
}
