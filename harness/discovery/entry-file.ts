import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isRunnable } from './runnable.js';
import type { Submission } from './submission.js';

// Which file of a submission is graded, and why when it is not the exact name the rubric asks for.
export type EntryChoice =
  | { readonly kind: 'exact'; readonly name: string }
  | { readonly kind: 'substitute'; readonly name: string; readonly why: 'other-case' | 'other-extension' | 'only-file' | 'named-file' }
  | { readonly kind: 'missing'; readonly candidates: readonly string[] };

export async function chooseEntryFile(submission: Submission, expected: string, launchable: readonly string[]): Promise<EntryChoice> {
  if (submission.file) {
    const name = basename(submission.file);
    return name === expected ? { kind: 'exact', name } : { kind: 'substitute', name, why: 'named-file' };
  }
  const names = readdirSync(submission.dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isRunnable(entry.name))
    .map((entry) => entry.name)
    .sort();
  if (names.includes(expected)) return { kind: 'exact', name: expected };
  const otherCase = names.find((name) => name.toLowerCase() === expected.toLowerCase());
  if (otherCase) return { kind: 'substitute', name: otherCase, why: 'other-case' };
  // The reference implementations share the entry's name with another language's extension.
  const stem = basename(expected, extname(expected)).toLowerCase();
  const otherExtension = names.find(
    (name) => basename(name, extname(name)).toLowerCase() === stem && launchable.includes(extname(name).toLowerCase()),
  );
  if (otherExtension) return { kind: 'substitute', name: otherExtension, why: 'other-extension' };
  const sameKind = names.filter((name) => extname(name).toLowerCase() === extname(expected).toLowerCase());
  if (sameKind.length === 1 && sameKind[0]) return { kind: 'substitute', name: sameKind[0], why: 'only-file' };
  return { kind: 'missing', candidates: names };
}

export function entryPath(submission: Submission, name: string): string {
  return join(submission.dir, name);
}
