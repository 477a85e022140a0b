// The work started ahead of need, first thing in both of the CLI's entries (./bundled-cli.ts, ./start.ts), in this
// order: a sandbox slot boots (bwrap, a second Node) where one may be used, or an unsandboxed run's launcher starts;
// then Python's choice starts; all while yargs and the grader load.
import '../workers/prefetch.js';
import '../sandbox/plain-launcher-prefetch.js';
import '../python/prefetch.js';
