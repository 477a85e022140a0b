#!/usr/bin/env node
import './ahead-of-need.js';
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from '../code-cache.js';
import { earlyModules } from './early-modules.js';
import type { startCli } from './start.js';

// The `grade` command as package.json's bin runs it. This entry holds only the work started ahead of need; the
// rest, ./start.ts and all it loads, is one CommonJS file (scripts/bundle.mjs) compiled with V8's code cache of
// an earlier run (../code-cache.ts): ~30 ms less CPU before the first submission starts. The cache is written
// once a run has graded (exit code 0 or 1), when the functions a run needs are compiled; a run that ends
// early (--help, bad input) leaves it to the next. Bundled as CommonJS too (a Node start costs ~5 ms less than
// an ES module's): no top-level await, and a failure is an unhandled rejection, which ends the CLI as one would.
const code = loadWithCodeCache<{ startCli: typeof startCli }>(fileURLToPath(new URL('./cli-code.cjs', import.meta.url)), earlyModules);
void code.exports.startCli(code.identity).then(() => {
  if (process.exitCode === undefined || process.exitCode === 0 || process.exitCode === 1) code.keep();
});
