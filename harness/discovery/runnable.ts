import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

// Files a submission can be run from; a folder that directly holds one is a submission itself (./discover.ts).
const runnableExtensions = ['.py', '.ts'] as const;

export function isRunnable(name: string): boolean {
  return runnableExtensions.some((ext) => name.toLowerCase().endsWith(ext));
}

// Folders of a class that are never a student's.
export const ignoredFolders = new Set(['node_modules', '__pycache__', 'reports']);

// Whether `path` holds one submission by ./discover.ts's rules (a file; a folder that directly holds a runnable file;
// a class folder of one student folder besides `outDir`), read at once: for work started before the class is
// discovered. Missing or unreadable: no.
export function isOneSubmission(path: string, outDir: string): boolean {
  try {
    if (statSync(path).isFile()) return true;
    const entries = readdirSync(path, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && isRunnable(entry.name))) return true;
    const students = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !ignoredFolders.has(entry.name));
    return students.filter((entry) => resolve(path, entry.name) !== resolve(outDir)).length === 1;
  } catch {
    return false;
  }
}
