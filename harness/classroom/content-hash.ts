import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isRunnable } from '../discovery/runnable.js';
import type { Submission } from '../discovery/submission.js';
import { skippedNames } from '../launch/workspace.js';

// A fingerprint of exactly what a run copies of a submission: same files, same bytes, same hash.
// Synchronous: a submission is a few small files, and each asynchronous read cost more CPU in the harness's
// main process (a promise and a round trip to libuv's threads) than reading them.
export function submissionHash(submission: Submission): string {
  const hash = createHash('sha256');
  const files = submission.file ? singleFileSet(submission.file) : treeFiles(submission.dir);
  for (const file of files.sort()) {
    hash.update(`${relative(submission.dir, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
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
