import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheFile, readCacheBytes, writeCacheVersion } from './cache-files.js';

// A bundled CommonJS file (scripts/bundle.mjs) compiled with V8's code cache of an earlier run. Node 20 keeps
// no compiled code between processes: the CLI and each sandbox slot compiled the same code at every start,
// then each function at its first call. The cache is written by a run that had none (or one V8 refused),
// once that run's work has compiled the functions a run needs; later runs only read it.
export interface CachedCode<Exports> {
  readonly exports: Exports;
  // The file's identity (size, mtime, inode): a rebuild changes it.
  readonly identity: string;
  // Writes the cache when this run could not use one; nothing otherwise. Never throws.
  keep(): void;
}

// A library bundled apart from the code that uses it (scripts/bundle.mjs: vendor/<name>.cjs), required on first use.
const apart = /^\.\/vendor\/[\w-]+\.cjs$/;

// `shared`: modules the file's code requires by these names, already loaded by the caller (../cli/early-modules.ts).
// The libraries it requires apart are compiled the same way, each with a cache of its own, kept with the file's.
export function loadWithCodeCache<Exports>(file: string, shared: Readonly<Record<string, object>> = {}): CachedCode<Exports> {
  const bytes = readFileSync(file);
  // The bundles are ASCII (esbuild escapes the rest): read as one-byte text, ~2 ms per MB less than UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // V8 checks a cache against the source's length only: the name carries the file's identity (size, mtime,
  // inode), which a rebuild or an edit changes, and costs a stat where a hash of the text costs ~4 ms per MB.
  const family = `${basename(file, extname(file))}-`;
  const { size, mtimeNs, ino } = statSync(file, { bigint: true });
  const identity = [size, mtimeNs, ino].map((part) => part.toString(36)).join('-');
  const cachePath = cacheFile(`${family}${identity}.v8`);
  const cachedData = readCacheBytes(cachePath);
  // The CommonJS wrapper, on the source's first line: positions in stack traces stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Exports };
  const nodeRequire = createRequire(file);
  const loadedApart = new Map<string, CachedCode<object>>();
  const requireApart = (id: string) => {
    let library = loadedApart.get(id);
    if (!library) loadedApart.set(id, (library = loadWithCodeCache<object>(join(dirname(file), id))));
    return library.exports;
  };
  const require = Object.assign(
    (id: string) => (Object.hasOwn(shared, id) ? shared[id] : apart.test(id) ? requireApart(id) : nodeRequire(id)),
    nodeRequire,
  );
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  const used = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    identity,
    keep: () => {
      for (const library of loadedApart.values()) library.keep();
      if (used) return;
      // Written under V8's defaults, as the next run checks it; this process keeps its flags.
      for (const byDefault of runTimeFlags.values()) setFlagsFromString(byDefault);
      writeCacheVersion(cachePath, family, script.createCachedData());
      for (const flag of runTimeFlags.keys()) setFlagsFromString(flag);
    },
  };
}

// V8's flags are part of the key of every code cache. Given on Node's command line, a flag makes Node compile each
// built-in module without its own cache (~9 ms of a start); set at run time, once the built-ins a run needs are
// loaded, it costs nothing there. Each flag set so, with the same flag at V8's default (`byDefault`), which a
// cache written afterwards is written under (keep()).
const runTimeFlags = new Map<string, string>();

// node:v8 costs a start ~0.3 ms to load: only a run that sets a flag or writes a cache loads it.
function setFlagsFromString(flags: string): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);
}

export function setV8FlagAtRunTime(flag: string, byDefault: string): void {
  if (runTimeFlags.has(flag)) return;
  runTimeFlags.set(flag, byDefault);
  setFlagsFromString(flag);
}
