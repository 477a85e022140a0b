import { fileURLToPath } from 'node:url';
import { announceBoot } from './boot-line.js';
import { loadWithCodeCache } from '../code-cache.js';
import type { serve } from './serve.js';

// The slot worker as the bundled CLI starts it: ./serve.ts bundled into one CommonJS file (scripts/bundle.mjs),
// compiled with V8's code cache of an earlier run (../code-cache.ts): ~20 ms less CPU per slot on the way to
// its first launch. The cache is written after the first grading, when the functions a grading needs are compiled.
// Bundled as CommonJS too, where a Node start costs ~5 ms less than an ES module's: no top-level await, and
// a failure is an unhandled rejection, which ends the worker as one would.
announceBoot();
const code = loadWithCodeCache<{ serve: typeof serve }>(fileURLToPath(new URL('./worker-code.cjs', import.meta.url)));
void code.exports.serve({ afterFirstGrading: code.keep });
