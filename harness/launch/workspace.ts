import { copyFile, lchown, lstat, mkdir, mkdtemp, readdir, rm } from '../fs-promises.js';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isRunnable } from '../discovery/runnable.js';
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

// Where the copy goes (a slot's own folder; the system's temporary folder in plain mode), and whose it is: a
// program run as a uid of its own (a slot's, as root) must own its copy. Given as each entry is made, before
// any program runs: a walk over the copy later would follow what a program swapped in.
export interface WorkspacePlace {
  readonly parent: string;
  readonly owner?: number;
}

export async function createWorkspace(submission: Submission, place: WorkspacePlace = { parent: tmpdir() }): Promise<Workspace> {
  const { owner } = place;
  const made: Made = owner === undefined ? async () => undefined : (path) => lchown(path, owner, owner);
  const root = await mkdtemp(join(place.parent, 'grade-'));
  await made(root);
  const dir = join(root, 'work');
  await mkdir(dir);
  await made(dir);
  const copying = { bytes: maxCopiedBytes, made };
  if (submission.file) await copySingleFile(submission.file, dir, copying);
  else await copyTree(submission.dir, dir, copying);
  return {
    root,
    dir,
    bindLog: join(root, 'binds.jsonl'),
    [Symbol.asyncDispose]: () => rm(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

// What happens to each entry of the copy once made (given to its owner).
type Made = (path: string) => Promise<void>;

// A copy in progress: the bytes it may still take, and what to do with each entry made.
interface Copying {
  bytes: number;
  readonly made: Made;
}

// Only regular files and folders are copied: a symlink could point anywhere on the machine.
async function copyTree(from: string, to: string, copying: Copying): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (skippedNames.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target);
      await copying.made(target);
      await copyTree(source, target, copying);
    } else if (entry.isFile()) {
      await copyWithinBudget(source, target, copying);
    }
  }
}

// A file named on the command line is copied with its Python siblings (a student's own modules), nothing more.
async function copySingleFile(file: string, to: string, copying: Copying): Promise<void> {
  await copyWithinBudget(file, join(to, basename(file)), copying);
  for (const entry of await readdir(dirname(file), { withFileTypes: true })) {
    if (entry.isFile() && isRunnable(entry.name) && entry.name !== basename(file)) {
      await copyWithinBudget(join(dirname(file), entry.name), join(to, entry.name), copying);
    }
  }
}

async function copyWithinBudget(source: string, target: string, copying: Copying): Promise<void> {
  const { size } = await lstat(source);
  if (size > copying.bytes) return;
  copying.bytes -= size;
  await copyFile(source, target);
  await copying.made(target);
}
