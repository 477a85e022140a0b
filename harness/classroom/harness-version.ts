import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

// What "the same harness" means for the cache: its version and every file of its code and hooks.
// A changed probe or message invalidates every cached result, as it should. Computed once per process.
let fingerprint: Promise<string> | undefined;

export function harnessFingerprint(): Promise<string> {
  return (fingerprint ??= computeFingerprint());
}

async function computeFingerprint(): Promise<string> {
  const root = join(packageRoot, 'harness');
  const files = (await listFiles(root)).filter((file) => !file.endsWith('.test.ts')).sort();
  // Read all at once: one after the other, ~190 files kept a one-submission run waiting ~40 ms at its end.
  const [manifest, ...contents] = await Promise.all([join(packageRoot, 'package.json'), ...files.map((file) => join(root, file))].map((path) => readFile(path)));
  const hash = createHash('sha256').update(manifest!);
  files.forEach((file, index) => hash.update(`${file}\0`).update(contents[index]!));
  return hash.digest('hex');
}

// Python's bytecode caches are not code: they come and go with the interpreters that ran the hooks.
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name === '__pycache__' ? [] : listFiles(join(dir, entry.name), path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}
