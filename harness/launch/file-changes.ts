import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

// Wake-ups when one file is created or written (inotify, through its folder: the file may not exist yet).
// Only a hint to look again: whoever writes the file (a student's program) cannot make it say anything.
export interface FileChanges extends Disposable {
  // Resolves at the next change, or at once if the file changed since the last call.
  next(): Promise<void>;
}

export function watchFileChanges(file: string): FileChanges | undefined {
  let changed = false;
  let wake: (() => void) | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
      if (name !== basename(file)) return;
      changed = true;
      wake?.();
    });
  } catch {
    return undefined; // No folder, or no watching on this system: the caller polls as before.
  }
  watcher.on('error', () => wake?.());
  return {
    next: () => {
      if (changed) {
        changed = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        wake = () => {
          changed = false;
          wake = undefined;
          resolve();
        };
      });
    },
    [Symbol.dispose]: () => watcher.close(),
  };
}
