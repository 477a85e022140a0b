import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineEvents } from './line-events.js';

// Chunks as a pipe may cut them: a line over three chunks, a character split between two, two lines in one, the
// last line without its newline.
const chunks = ['started 1 4242\nexi', 't 1 0 -1\nfailed 2 caf', '\xc3', '\xa9 closed\n\nlast words'].map((text) => Buffer.from(text, 'latin1'));

async function linesOf(read: (input: Readable) => NodeJS.EventEmitter): Promise<string[]> {
  const lines: string[] = [];
  const events = read(Readable.from(chunks));
  events.on('line', (line: string) => lines.push(line));
  await once(events, 'close');
  return lines;
}

describe('lineEvents', () => {
  it("gives the lines node:readline gives, then 'close'", async () => {
    const ours = await linesOf((input) => lineEvents(input));
    expect(ours).toEqual(['started 1 4242', 'exit 1 0 -1', 'failed 2 café closed', '', 'last words']);
    expect(ours).toEqual(await linesOf((input) => createInterface({ input })));
  });
});
