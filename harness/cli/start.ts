// First, the work started ahead of need, in this order: a sandbox slot boots (bwrap, a second Node) where one
// may be used, then Python's choice starts, both while yargs and the grader load.
import '../workers/prefetch.js';
import '../python/prefetch.js';

// The `grade` command. Only that work is imported statically: a module's static imports all load before its
// first line runs, and the CLI's (yargs, the reports, the messages) would hold back the slot's boot by ~15 ms.
export async function startCli(): Promise<void> {
  const { main } = await import('./main.js');
  await main();
}
