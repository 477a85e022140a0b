import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';
import { sha256 } from '../sha256.js';

export interface Shard {
  // 1-based, as CI matrices count.
  readonly index: number;
  readonly count: number;
}

// "2/4" → { index: 2, count: 4 }; anything else is bad input.
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new BadInputError('INVALID_OPTION', message('input.bad-shard', { shard: text }));
  return { index, count };
}

// A submission's shard depends on its id alone: adding a student never moves the others.
export function inShard(id: string, shard: Shard): boolean {
  return sha256().update(id).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}
