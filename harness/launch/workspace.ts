import { copyFile, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isRunnable } from '../discovery/discover.js';
import type { Submission } from '../discovery/submission.js';

// A private copy of one submission: the student's program runs here, never in the original folder.
export interface Workspace extends AsyncDisposable {
  readonly root: string;
  // The copy of the submission; the program's working directory.
  readonly dir: string;
  // Written by the Python hook: which ports the code asked for.
  readonly bindLog: string;
}

export const skippedNames = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv']);
// A submission is a handful of small files; a bigger folder is somebody's home directory by mistake.
const maxCopiedBytes = 64 * 1024 * 1024;

// `parent`: where the copy goes (a slot's own folder; the system's temporary folder in plain mode).
export async function createWorkspace(submission: Submission, parent = tmpdir()): Promise<Workspace> {
  const root = await mkdtemp(join(parent, 'grade-'));
  const dir = join(root, 'work');
  await mkdir(dir);
  const budget = { bytes: maxCopiedBytes };
  if (submission.file) await copySingleFile(submission.file, dir, budget);
  else await copyTree(submission.dir, dir, budget);
  return {
    root,
    dir,
    bindLog: join(root, 'binds.jsonl'),
    [Symbol.asyncDispose]: () => rm(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

// Only regular files and folders are copied: a symlink could point anywhere on the machine.
async function copyTree(from: string, to: string, budget: { bytes: number }): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (skippedNames.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target);
      await copyTree(source, target, budget);
    } else if (entry.isFile()) {
      await copyWithinBudget(source, target, budget);
    }
  }
}

// A file named on the command line is copied with its Python siblings (a student's own modules), nothing more.
async function copySingleFile(file: string, to: string, budget: { bytes: number }): Promise<void> {
  await copyWithinBudget(file, join(to, basename(file)), budget);
  for (const entry of await readdir(dirname(file), { withFileTypes: true })) {
    if (entry.isFile() && isRunnable(entry.name) && entry.name !== basename(file)) {
      await copyWithinBudget(join(dirname(file), entry.name), join(to, entry.name), budget);
    }
  }
}

async function copyWithinBudget(source: string, target: string, budget: { bytes: number }): Promise<void> {
  const { size } = await lstat(source);
  if (size > budget.bytes) return;
  budget.bytes -= size;
  await copyFile(source, target);
}
