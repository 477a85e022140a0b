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
  const hash = createHash('sha256');
  hash.update(await readFile(join(packageRoot, 'package.json')));
  const root = join(packageRoot, 'harness');
  for (const file of (await listFiles(root)).sort()) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)));
  }
  return hash.digest('hex');
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(join(dir, entry.name), path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
