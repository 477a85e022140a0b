import { writeSync } from 'node:fs';

// A slot worker's first line, written as soon as its Node runs, before it loads its code: its bwrap built the slot's
// namespaces, so the machine allows them. The CLI's first slot is its sandbox detection's trial (../sandbox/probe.ts).
export const bootLine = 'booted';

// Synchronous, on the descriptor: process.stdout's stream is not even built yet.
export function announceBoot(): void {
  writeSync(1, `${bootLine}\n`);
}
