import { readFile } from '../fs-promises.js';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFile, readCacheFile, writeCacheFile } from '../cache-files.js';
import { packageRoot } from '../paths.js';
import { sha256 } from '../sha256.js';

// What "the same harness" means for the cache: its version and every file of the code that runs, hooks
// included. A changed probe or message invalidates every cached result, as it should. Once per process.
let fingerprint: Promise<string> | undefined;

export function harnessFingerprint(): Promise<string> {
  const code = runningCode();
  const hooks = join(packageRoot, 'harness', 'hooks');
  const folders = hooks.startsWith(`${code}${sep}`) ? [code] : [code, hooks];
  return (fingerprint ??= fingerprintOf(packageRoot, folders, cacheFile('fingerprint.json')));
}

// The bundle (dist/bundle/, what `grade` runs: ~40 files) when this module is bundled; otherwise the harness
// folder it belongs to (harness/ from source, dist/harness/ compiled), this module being in its classroom/.
function runningCode(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'bundle' ? here : dirname(here);
}

interface CachedFingerprint {
  // The state (size, times, inode) of every file hashed, as text: while it is the same, so are their contents.
  readonly files: string;
  readonly fingerprint: string;
}

// The package's manifest and every file of `folders` but tests; `cache` remembers the answer for files in the
// same state.
export async function fingerprintOf(root: string, folders: readonly string[], cache: string): Promise<string> {
  // Named from the root: the prefix is worked out once per folder (path.relative resolves both of its paths, ~50 µs a call).
  const files = folders
    .flatMap((folder) => {
      const prefix = relative(root, folder);
      return listFiles(folder).map((file) => (prefix ? `${prefix}/${file}` : file));
    })
    .filter((file) => !file.endsWith('.test.ts'))
    .sort();
  const paths = [join(root, 'package.json'), ...files.map((file) => `${root}/${file}`)];
  // Reading and hashing every file costs ~20 ms of CPU, a tenth of a one-submission run; their states, ~1 ms.
  const states = fileStates(paths);
  const cached = readCacheFile(cache) as Partial<CachedFingerprint> | undefined;
  if (states !== undefined && cached?.files === states && typeof cached.fingerprint === 'string') return cached.fingerprint;
  // Read all at once: one after the other, ~190 files kept a one-submission run waiting ~40 ms at its end.
  const [manifest, ...contents] = await Promise.all(paths.map((path) => readFile(path)));
  const hash = sha256().update(manifest!);
  files.forEach((file, index) => hash.update(`${file}\0`).update(contents[index]!));
  const computed = hash.digest('hex');
  // Files that changed while they were read may not be what was hashed: no cache for this answer.
  if (states !== undefined && fileStates(paths) === states) writeCacheFile(cache, { files: states, fingerprint: computed } satisfies CachedFingerprint);
  return computed;
}

// undefined when a file could not be read: no cache then. Compared as it is (~5 KB for the bundle), not hashed.
function fileStates(paths: readonly string[]): string | undefined {
  try {
    const states = paths.map((path) => {
      const { size, mtimeMs, ctimeMs, ino } = statSync(path);
      return `${path}\0${size}\0${mtimeMs}\0${ctimeMs}\0${ino}`;
    });
    return states.join('\n');
  } catch {
    return undefined;
  }
}

// Python's bytecode caches are not code: they come and go with the interpreters that ran the hooks. One folder at a
// time: readdirSync's `recursive` joins and normalizes every path (~1 ms more for the bundle's 40 files).
function listFiles(dir: string, under = ''): string[] {
  return readdirSync(under ? join(dir, under) : dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === '__pycache__') return [];
    const file = under ? `${under}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, file) : entry.isFile() ? [file] : [];
  });
}
