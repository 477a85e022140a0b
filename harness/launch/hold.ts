import type { Duplex } from 'node:stream';

// A launch started ahead of time and held before the program's own code (the Python hook's
// _grader_hold.py): the interpreter's start-up is done while something else runs, and the program starts
// only on release. The channel is the child's descriptor 3, a socket pair.
export interface Hold {
  // true once the interpreter waits for its release; false if it ended (or its channel closed) first.
  readonly held: Promise<boolean>;
  // Lets the program run; false (nothing sent) unless it is held.
  release(): boolean;
}

export const holdDescriptor = 3;
export const holdVariable = 'GRADER_HOLD_FD';

export function holdChannel(channel: Duplex): Hold {
  let isHeld = false;
  const held = new Promise<boolean>((resolve) => {
    channel.once('data', () => {
      isHeld = true;
      resolve(true);
    });
    channel.once('close', () => resolve(false));
    channel.once('error', () => resolve(false));
  });
  return {
    held,
    release: () => {
      if (!isHeld || channel.destroyed) return false;
      channel.end('g');
      return true;
    },
  };
}
