import { probeSandbox } from '../sandbox/probe.js';
import type { SandboxMode } from '../sandbox/support.js';
import { type SlotProcess, spawnSlotProcess } from './slot-process.js';

// A slot booted ahead of need (./prefetch.ts): bwrap, a second Node and the worker's imports take
// ~100-170 ms, which then overlap the CLI's own start-up instead of following it. Used once, or
// killed with the other tracked groups when the harness exits.
let spare: { readonly bwrap: string; readonly slot: SlotProcess } | undefined;

export function bootSpareSlot(bwrap: string): void {
  spare ??= { bwrap, slot: spawnSlotProcess(bwrap) };
}

// --watch, between two runs: the next save's run takes a slot already booted instead of waiting ~50-60 ms for
// one on the way to its checklist (../cli/watch-loop.ts). Nothing where the run is not sandboxed.
export async function bootSpareSlotFor(mode: SandboxMode): Promise<void> {
  if (mode === 'off') return;
  const support = await probeSandbox();
  if (support.kind === 'bwrap') bootSpareSlot(support.bwrap);
}

// The spare slot when it was started with this bwrap; a slot of its own otherwise.
export function takeSlotProcess(bwrap: string): SlotProcess {
  const ready = spare?.bwrap === bwrap ? spare.slot : undefined;
  if (ready) spare = undefined;
  return ready ?? spawnSlotProcess(bwrap);
}
