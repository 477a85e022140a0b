import { startedAhead } from '../started-ahead.js';
import type { SlotLauncherGuess } from './launcher-guess.js';
import { type SlotProcess, spawnSlotProcess } from './slot-process.js';

// A slot booted ahead of need (./prefetch.ts; by --watch, between two runs): bwrap, a second Node and the worker's imports take
// ~100-170 ms, which then overlap the CLI's own start-up instead of following it. Used once, or
// killed with the other tracked groups when the harness exits.
const spare = startedAhead<SlotProcess>();

export function bootSpareSlot(bwrap: string, launcher?: SlotLauncherGuess): SlotProcess {
  return spare.start(bwrap, () => spawnSlotProcess(bwrap, launcher));
}

// The spare slot when it was started with this bwrap; a slot of its own otherwise.
export function takeSlotProcess(bwrap: string): SlotProcess {
  return spare.take(bwrap, () => spawnSlotProcess(bwrap));
}
