import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { isRunnable } from '../discovery/discover.js';
import type { Submission } from '../discovery/submission.js';
import { skippedNames } from '../launch/workspace.js';

// A fingerprint of exactly what a run copies of a submission: same files, same bytes, same hash.
export async function submissionHash(submission: Submission): Promise<string> {
  const hash = createHash('sha256');
  const files = submission.file ? await singleFileSet(submission.file) : await treeFiles(submission.dir);
  for (const file of files.sort()) {
    hash.update(`${relative(submission.dir, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function treeFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (skippedNames.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await treeFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

async function singleFileSet(file: string): Promise<string[]> {
  const siblings = (await readdir(dirname(file), { withFileTypes: true }))
    .filter((entry) => entry.isFile() && isRunnable(entry.name) && entry.name !== basename(file))
    .map((entry) => join(dirname(file), entry.name));
  return [file, ...siblings];
}
