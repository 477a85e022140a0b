import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { cacheFile, readCacheFile, writeCacheFile } from '../cache-files.js';
import { packageRoot } from '../paths.js';

// What "the same harness" means for the cache: its version and every file of its code and hooks.
// A changed probe or message invalidates every cached result, as it should. Computed once per process.
let fingerprint: Promise<string> | undefined;

export function harnessFingerprint(): Promise<string> {
  return (fingerprint ??= fingerprintOf(packageRoot, cacheFile('fingerprint.json')));
}

interface CachedFingerprint {
  // The state (size, times, inode) of every file hashed: while it is the same, so are their contents.
  readonly files: string;
  readonly fingerprint: string;
}

// The package's manifest and its harness/ folder; `cache` remembers the answer for files in the same state.
export async function fingerprintOf(packageDir: string, cache: string): Promise<string> {
  const root = join(packageDir, 'harness');
  const files = listFiles(root).filter((file) => !file.endsWith('.test.ts')).sort();
  const paths = [join(packageDir, 'package.json'), ...files.map((file) => join(root, file))];
  // Reading and hashing ~190 files costs ~20 ms of CPU, a tenth of a one-submission run; their states, ~2 ms.
  const states = fileStates(paths);
  const cached = readCacheFile(cache) as Partial<CachedFingerprint> | undefined;
  if (states !== undefined && cached?.files === states && typeof cached.fingerprint === 'string') return cached.fingerprint;
  // Read all at once: one after the other, ~190 files kept a one-submission run waiting ~40 ms at its end.
  const [manifest, ...contents] = await Promise.all(paths.map((path) => readFile(path)));
  const hash = createHash('sha256').update(manifest!);
  files.forEach((file, index) => hash.update(`${file}\0`).update(contents[index]!));
  const computed = hash.digest('hex');
  // Files that changed while they were read may not be what was hashed: no cache for this answer.
  if (states !== undefined && fileStates(paths) === states) writeCacheFile(cache, { files: states, fingerprint: computed } satisfies CachedFingerprint);
  return computed;
}

// undefined when a file could not be read: no cache then.
function fileStates(paths: readonly string[]): string | undefined {
  try {
    const states = paths.map((path) => {
      const { size, mtimeMs, ctimeMs, ino } = statSync(path);
      return `${path}\0${size}\0${mtimeMs}\0${ctimeMs}\0${ino}`;
    });
    return createHash('sha256').update(states.join('\n')).digest('hex');
  } catch {
    return undefined;
  }
}

// Python's bytecode caches are not code: they come and go with the interpreters that ran the hooks.
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => [...entry.parentPath.slice(dir.length + 1).split(sep), entry.name].filter(Boolean).join('/'))
    .filter((file) => !file.split('/').includes('__pycache__'));
}
