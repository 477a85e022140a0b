import type { EntryChoice } from '../../discovery/entry-file.js';

// What every kind of program's observations start with: which file ran (or why none could), then what
// the kind's own scenario saw (`Ran`). Plain data, judged later by the checks.
export type ProgramObservations<Ran extends object = object> =
  | { readonly kind: 'no-entry'; readonly expected: string; readonly candidates: readonly string[] }
  | { readonly kind: 'no-launcher'; readonly entry: EntryChoice & { name: string }; readonly source: Buffer }
  | ({
      readonly kind: 'ran';
      readonly entry: EntryChoice & { name: string };
      readonly source: Buffer;
      // The port the lab's code uses, and the free port it was mapped to for this run.
      readonly labPort: number;
      readonly mappedPort: number;
    } & Ran);
