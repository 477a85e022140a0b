import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheFile, readCacheBytes, writeCacheVersion } from '../cache-files.js';
import type { serve } from './serve.js';

// The slot worker as the bundled CLI starts it: ./serve.ts bundled into one CommonJS file (scripts/bundle.mjs),
// compiled with V8's code cache of an earlier run. Node 20 keeps no compiled code between processes, and a
// slot compiled the same ~550 KB at every boot, then each function at its first call: ~20 ms of CPU per slot,
// on the way to its first launch. The cache is written once per build of the code, after the first grading
// (when the functions a grading needs are compiled), and only read after that; other builds' caches go.

const code = fileURLToPath(new URL('./worker-code.cjs', import.meta.url));
const source = readFileSync(code, 'utf8');
// Named by the code's content: V8 checks a cache against the source's length only, not its text.
const cachePrefix = 'worker-code-';
const cachePath = cacheFile(`${cachePrefix}${createHash('sha256').update(source).digest('hex').slice(0, 16)}.v8`);
const cachedData = readCacheBytes(cachePath);
// The CommonJS wrapper, on the source's first line: positions in stack traces stay those of the file.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: code, cachedData });
const module = { exports: {} as { serve?: typeof serve } };
script.runInThisContext()(module.exports, createRequire(code), module, code, dirname(code));
const cacheIsUsed = cachedData !== undefined && !script.cachedDataRejected;
await module.exports.serve!(cacheIsUsed ? {} : { afterFirstGrading: () => writeCacheVersion(cachePath, cachePrefix, script.createCachedData()) });

