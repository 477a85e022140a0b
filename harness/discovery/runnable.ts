import { type Dirent, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

// Files a submission can be run from; a folder that directly holds one is a submission itself (./discover.ts).
const runnableExtensions = ['.py', '.ts'] as const;

export function isRunnable(name: string): boolean {
  return runnableExtensions.some((ext) => name.toLowerCase().endsWith(ext));
}

// Folders of a class that are never a student's.
const ignoredFolders = new Set(['node_modules', '__pycache__', 'reports']);

// An entry of a class folder (`classDir`, resolved) that is a student's folder: not hidden, not ignored, not the output folder.
export function isStudentFolder(entry: Dirent, classDir: string, outDir: string): boolean {
  return entry.isDirectory() && !entry.name.startsWith('.') && !ignoredFolders.has(entry.name) && resolve(classDir, entry.name) !== resolve(outDir);
}

// Whether `path` holds one submission by ./discover.ts's rules (a file; a folder that directly holds a runnable file;
// a class folder of one student folder besides `outDir`), read at once: for work started before the class is
// discovered. Missing or unreadable: no.
export function isOneSubmission(path: string, outDir: string): boolean {
  try {
    if (statSync(path).isFile()) return true;
    const entries = readdirSync(path, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && isRunnable(entry.name))) return true;
    return entries.filter((entry) => isStudentFolder(entry, path, outDir)).length === 1;
  } catch {
    return false;
  }
}
