import { setFlagsFromString } from 'node:v8';

// V8 doubles a process's young generation (up to 16 MiB a semi-space, three of them resident) while objects keep
// surviving their first collection, as a class's results and outputs do on their way to the reports. The main
// process's RSS grew from 71 to 108 MiB between a class of 40 and one of 200 (`--sandbox off`), with nothing
// more kept; held at the size it has when the first result arrives, it ends at 89 MiB, for the same CPU
// (bench/README.md, round 14).
// Set at run time, as a V8 flag: V8's flags are part of the key of every code cache (../code-cache.ts). Given on
// Node's command line, they would make Node compile each built-in module without its own cache; set after the
// first result, the built-ins a run needs are loaded. Set back before this process writes its own cache, which
// the next run checks under the default.
const held = '--semi-space-growth-factor=1';
// V8's default on Node 20. Were it another on a later Node, every run would write its code cache again: the CLI's
// code-cache test fails then.
const growing = '--semi-space-growth-factor=2';

let holding = false;

export function holdYoungGeneration(): void {
  if (holding) return;
  holding = true;
  setFlagsFromString(held);
}

export function releaseYoungGeneration(): void {
  if (!holding) return;
  holding = false;
  setFlagsFromString(growing);
}
