import './ahead-of-need.js';
import { HarnessFault } from '../harness-fault.js';
import { printError } from './fail.js';

// The `grade` command. Only that work is imported statically: a module's static imports all load before its
// first line runs, and the CLI's (yargs, the reports, the messages) would hold back the slot's boot by ~15 ms.
// `build`: the bundle's identity, when the CLI runs bundled (./bundled-cli.ts).
export async function startCli(build?: string): Promise<void> {
  process.once('beforeExit', endedUnfinished);
  const { main } = await import('./main.js');
  await main(build);
  process.off('beforeExit', endedUnfinished);
}

// Node ends a process whose event loop is empty, with code 0 as if all was graded, even while the run still waits
// for something: a wait nothing can end any more is the grader's fault, and says so.
function endedUnfinished(): void {
  printError(new HarnessFault('the run ended before its work did: it waited for something that could no longer happen'), 'en');
  process.exitCode = 2;
}
