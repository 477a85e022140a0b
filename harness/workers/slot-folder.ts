import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackFolder } from '../launch/cleanup-registry.js';

// A slot's folder of private copies (its launcher's socket goes in a folder there too): removed with the slot, or
// when the harness exits. Its programs, run as another uid, must cross it to reach their copy, but not see the others.
export function makeSlotFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'grade-slot-'));
  chmodSync(folder, 0o711);
  trackFolder(folder);
  return folder;
}
