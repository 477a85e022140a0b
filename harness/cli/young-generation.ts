import { setV8FlagAtRunTime } from '../code-cache.js';

// V8 doubles a process's young generation (up to 16 MiB a semi-space, three of them resident) while objects keep
// surviving their first collection, as a class's results and outputs do on their way to the reports. The main
// process's RSS grew from 71 to 108 MiB between a class of 40 and one of 200 (`--sandbox off`), with nothing
// more kept; held at the size it has when the first result arrives, it ends at 89 MiB, for the same CPU
// (bench/README.md, round 14). The second flag is V8's default on Node 20: were it another on a later Node,
// every run would write the CLI's code cache again, and the CLI's code-cache test fails.
export function holdYoungGeneration(): void {
  setV8FlagAtRunTime('--semi-space-growth-factor=1', '--semi-space-growth-factor=2');
}
