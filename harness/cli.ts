#!/usr/bin/env node
// The `grade` command. Only the work started ahead of need is imported statically: a module's static imports
// all load before its first line runs, and the CLI's (yargs, the reports, the messages) would hold back the
// sandbox slot's boot by ~15 ms.
import './workers/prefetch.js'; // First: a sandbox slot boots (bwrap, a second Node), where one may be used.
await import('./python/prefetch.js'); // Then Python's choice starts while yargs and the grader load.
await import('./cli/main.js');
