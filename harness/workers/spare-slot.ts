import type { SlotLauncherGuess } from './launcher-guess.js';
import { type SlotProcess, spawnSlotProcess } from './slot-process.js';

// A slot booted ahead of need (./prefetch.ts; by --watch, between two runs): bwrap, a second Node and the worker's imports take
// ~100-170 ms, which then overlap the CLI's own start-up instead of following it. Used once, or
// killed with the other tracked groups when the harness exits.
let spare: { readonly bwrap: string; readonly slot: SlotProcess } | undefined;

export function bootSpareSlot(bwrap: string, launcher?: SlotLauncherGuess): SlotProcess {
  spare ??= { bwrap, slot: spawnSlotProcess(bwrap, launcher) };
  return spare.slot;
}

// The spare slot when it was started with this bwrap; a slot of its own otherwise.
export function takeSlotProcess(bwrap: string): SlotProcess {
  const ready = spare?.bwrap === bwrap ? spare.slot : undefined;
  if (ready) spare = undefined;
  return ready ?? spawnSlotProcess(bwrap);
}
