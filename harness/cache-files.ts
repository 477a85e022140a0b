import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from './paths.js';

// Small JSON files that let the next run skip work it already did (which Python --python is, the harness's
// fingerprint). Losing one costs only that work: every failure to read or write one means no cache.

// The usual home of a tool's cache (find-cache-dir); GRADER_CACHE_DIR moves it (tests).
export function cacheFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(env.GRADER_CACHE_DIR || join(packageRoot, 'node_modules', '.cache', 'netlab-grader'), name);
}

export function readCacheFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function writeCacheFile(file: string, value: unknown): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside then renamed: runs side by side never read half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, file);
  } catch {
    // No cache: the next run does the work again.
  }
}
