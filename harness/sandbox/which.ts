import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// As `command -v` finds it: the first executable file of that name along PATH (no shell started).
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', command);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here: the next folder of PATH.
    }
  }
  return undefined;
}
