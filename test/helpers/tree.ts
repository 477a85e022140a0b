import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, lstatSync } from 'node:fs';
import { join } from 'node:path';

// A fingerprint of every file under a folder (paths, modes, contents): equal before and after means untouched.
export function treeFingerprint(root: string): Map<string, string> {
  const prints = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = lstatSync(path);
      if (info.isDirectory()) visit(path);
      else prints.set(path, `${info.mode}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  visit(root);
  return prints;
}

// Processes that belong to runs under a folder (working directory there, or the folder in their
// environment, as every student program's HOME and TMPDIR are): a program that outlived its grading.
export function processesUnder(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const inside = readlinkSync(`/proc/${entry}/cwd`).startsWith(folder) || readFileSync(`/proc/${entry}/environ`).includes(`=${folder}/`);
      if (inside) pids.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids;
}
