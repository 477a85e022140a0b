import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isRunnable } from '../discovery/runnable.js';
import type { Submission } from '../discovery/submission.js';
import { skippedNames } from '../launch/workspace.js';
import { sha256 } from '../sha256.js';

// Beyond this, a submission's files are known by their hash. A lab's files (a few KB) are kept as they are: no hash to
// compute, and no node:crypto to load (~2.5 ms of a lone submission's run).
const keptBytes = 256 * 1024;

// Exactly what a run copies of a submission, as one string: equal for the same files with the same bytes, and for
// nothing else. The names and bytes themselves (base64) while they are small; their SHA-256 beyond that, so that a
// large hand-in (a run copies up to 64 MiB) does not make a large cache entry.
// Synchronous: a submission is a few small files, and each asynchronous read cost more CPU in the harness's
// main process (a promise and a round trip to libuv's threads) than reading them.
export function submissionFilesKey(submission: Submission): string {
  const files = (submission.file ? singleFileSet(submission.file) : treeFiles(submission.dir)).sort();
  const hash = files.reduce((total, file) => total + statSync(file).size, 0) > keptBytes ? sha256() : undefined;
  const parts: Buffer[] = [];
  for (const file of files) {
    const named = [Buffer.from(`${relative(submission.dir, file)}\0`), readFileSync(file), Buffer.from('\0')];
    if (hash) named.forEach((bytes) => hash.update(bytes));
    else parts.push(...named);
  }
  return hash ? `sha256:${hash.digest('hex')}` : `bytes:${Buffer.concat(parts).toString('base64')}`;
}

function treeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skippedNames.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...treeFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function singleFileSet(file: string): string[] {
  const siblings = readdirSync(dirname(file), { withFileTypes: true })
    .filter((entry) => entry.isFile() && isRunnable(entry.name) && entry.name !== basename(file))
    .map((entry) => join(dirname(file), entry.name));
  return [file, ...siblings];
}
