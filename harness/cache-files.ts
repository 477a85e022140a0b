import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { packageRoot } from './paths.js';

// Small files that let the next run skip work it already did (which Python --python is, the harness's
// fingerprint, the slot worker's compiled code). Losing one costs only that work: every failure to read or
// write one means no cache.

// The usual home of a tool's cache (find-cache-dir); GRADER_CACHE_DIR moves it (tests).
export function cacheFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(env.GRADER_CACHE_DIR || join(packageRoot, 'node_modules', '.cache', 'netlab-grader'), name);
}

export function readCacheFile(file: string): unknown {
  const text = readCacheBytes(file)?.toString('utf8');
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function writeCacheFile(file: string, value: unknown): void {
  writeCacheBytes(file, JSON.stringify(value));
}

export function readCacheBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export function writeCacheBytes(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside then renamed: runs side by side never read half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // No cache: the next run does the work again.
  }
}

// A cache kept per version of what it depends on (its name: `family`, the version, the extension): writes this
// version and removes the others, which would otherwise pile up one per version.
export function writeCacheVersion(file: string, family: string, data: string | Uint8Array): void {
  writeCacheBytes(file, data);
  const folder = dirname(file);
  try {
    for (const name of readdirSync(folder)) {
      const other = join(folder, name);
      if (name.startsWith(family) && extname(name) === extname(file) && other !== file) rmSync(other, { force: true });
    }
  } catch {
    // Left for the next version's write.
  }
}
