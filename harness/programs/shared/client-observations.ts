import type { Death } from './launch.js';

// What the harness sees of any client it plays the server for (UDP or TCP): plain data.

// How one run of the client ended.
export type ClientEnd =
  // Exited by itself (before the deadline).
  | { readonly kind: 'exited'; readonly death: Death }
  // Still running at the deadline (`deadlineMs`): killed by the harness.
  | { readonly kind: 'killed'; readonly deadlineMs: number };
