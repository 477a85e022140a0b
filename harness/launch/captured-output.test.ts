import { describe, expect, it } from 'vitest';
import { CapturedOutput } from './captured-output.js';

function capture(cap: number, ...chunks: string[]): CapturedOutput {
  const output = new CapturedOutput(cap);
  for (const chunk of chunks) output.push(Buffer.from(chunk));
  return output;
}

function kept(output: CapturedOutput): { head: string; tail: string; cutBytes: number } {
  const { head, tail, cutBytes } = output.snapshot();
  return { head: head.toString(), tail: tail.toString(), cutBytes };
}

describe('CapturedOutput: what is kept', () => {
  it('keeps everything under the cap', () => {
    const output = capture(100, 'hello ', 'world', '\n');
    const { head, tail, cutBytes } = kept(output);
    expect(head + tail).toBe('hello world\n');
    expect(cutBytes).toBe(0);
    expect(output.totalBytes).toBe(12);
  });

  it('keeps everything when the output is exactly the cap', () => {
    const output = capture(10, '0123', '456789');
    expect(kept(output)).toEqual({ head: '01234', tail: '56789', cutBytes: 0 });
    expect(output.totalBytes).toBe(10);
  });

  it.each([
    { name: 'one big chunk', chunks: ['0123456789ABCDEFGHIJ'] },
    { name: 'chunks of 3 bytes', chunks: ['012', '345', '678', '9AB', 'CDE', 'FGH', 'IJ'] },
    { name: 'byte by byte', chunks: [...'0123456789ABCDEFGHIJ'] },
    { name: 'a chunk that straddles head and tail', chunks: ['0123', '456789ABCDEFGH', 'IJ'] },
  ])('over the cap keeps the head and the tail ($name)', ({ chunks }) => {
    const output = capture(10, ...chunks);
    expect(kept(output)).toEqual({ head: '01234', tail: 'FGHIJ', cutBytes: 10 });
    expect(output.totalBytes).toBe(20);
  });
});

describe('CapturedOutput: searching', () => {
  it('finds a needle that straddles the moment it was registered', () => {
    const output = new CapturedOutput(100);
    output.push(Buffer.from('xxab'));
    output.watchFor('abcd');
    output.push(Buffer.from('cdyy'));
    expect(output.hasSeen('abcd')).toBe(true);
  });

  it('keeps its bookkeeping exact with an odd cap', () => {
    const output = new CapturedOutput(7);
    for (const chunk of ['abc', 'defg', 'hij']) output.push(Buffer.from(chunk));
    const { head, tail, cutBytes } = output.snapshot();
    expect([head.toString(), tail.toString(), cutBytes]).toEqual(['abc', 'hij', 4]);
  });

  it('finds a watched needle split across two chunks', () => {
    const output = new CapturedOutput(1000);
    output.watchFor('i am the server');
    output.push(Buffer.from('received: i am th'));
    output.push(Buffer.from('e server\n'));
    expect(output.hasSeen('i am the server')).toBe(true);
    expect(output.hasSeen('i am the client')).toBe(false);
  });

  it('finds a watched needle split over many small chunks while the output is being cut', () => {
    const output = new CapturedOutput(8);
    output.watchFor('127.0.0.1');
    for (const chunk of ['x'.repeat(50), '(', '12', '7.', '0.0', '.1', "', 5", '4321)', 'y'.repeat(50)]) output.push(Buffer.from(chunk));
    expect(kept(output).head + kept(output).tail).not.toContain('127.0.0.1');
    expect(output.hasSeen('127.0.0.1')).toBe(true);
  });

  it('finds a watched needle that was printed in a part later cut away', () => {
    // The trailing run is longer than the 256 bytes of recent output kept for split needles.
    const chunks = ['a'.repeat(15), 'NEEDLE', 'b'.repeat(400)];
    const watched = new CapturedOutput(20);
    watched.watchFor('NEEDLE');
    for (const chunk of chunks) watched.push(Buffer.from(chunk));

    // The needle is no longer in what is kept: only the watch remembers it.
    const unwatched = capture(20, ...chunks);
    expect(kept(unwatched).head + kept(unwatched).tail).not.toContain('NEEDLE');
    expect(unwatched.hasSeen('NEEDLE')).toBe(false);

    expect(watched.hasSeen('NEEDLE')).toBe(true);
  });

  it('finds a needle registered after it was printed, while it is still kept', () => {
    const output = capture(100, 'hello from 127.0.0.1\n');
    output.watchFor('127.0.0.1');
    output.push(Buffer.from('z'.repeat(500)));
    expect(output.hasSeen('127.0.0.1')).toBe(true);
  });

  it('does not invent a match across the cut', () => {
    // Head: "xxxxxxNEED", then 30 bytes cut, then tail: "LEyyyyyyyy".
    const output = capture(20, 'xxxxxxNEED', 'z'.repeat(30), 'LEyyyyyyyy');
    const { head, tail, cutBytes } = kept(output);
    expect({ head, tail, cutBytes }).toEqual({ head: 'xxxxxxNEED', tail: 'LEyyyyyyyy', cutBytes: 30 });
    expect(head + tail).toContain('NEEDLE');

    expect(output.hasSeen('NEEDLE')).toBe(false);
    expect(output.hasSeen('xxNEED')).toBe(true);
    expect(output.hasSeen('LEyy')).toBe(true);
  });

  it('joins head and tail when nothing was cut between them', () => {
    const output = capture(20, 'xxxxxxNEED', 'LE');
    expect(kept(output)).toEqual({ head: 'xxxxxxNEED', tail: 'LE', cutBytes: 0 });
    expect(output.hasSeen('NEEDLE')).toBe(true);
  });
});

describe('CapturedOutput: a flood', () => {
  it('keeps a 50 MB stream pushed in 64 KiB chunks within the cap', () => {
    const cap = 1024 * 1024;
    const chunkSize = 64 * 1024;
    const chunkCount = 800; // 50 MiB
    const output = new CapturedOutput(cap);
    output.watchFor('MIDDLE-NEEDLE');

    for (let index = 0; index < chunkCount; index++) {
      const chunk = Buffer.alloc(chunkSize, 0x41 + (index % 26));
      // Split the needle across chunks 399 and 400, deep inside the part that is cut.
      if (index === 399) chunk.write('MIDDLE-', chunkSize - 7);
      if (index === 400) chunk.write('NEEDLE', 0);
      output.push(chunk);
    }

    const { head, tail, cutBytes } = output.snapshot();
    expect(head.length + tail.length).toBeLessThanOrEqual(cap);
    expect(head.length).toBe(cap / 2);
    expect(tail.length).toBe(cap / 2);
    expect(output.totalBytes).toBe(chunkCount * chunkSize);
    expect(cutBytes).toBe(chunkCount * chunkSize - cap);
    // The head is the first chunks, the tail the last ones.
    expect(head[0]).toBe(0x41);
    expect(tail[tail.length - 1]).toBe(0x41 + ((chunkCount - 1) % 26));
    expect(tail[0]).toBe(0x41 + ((chunkCount - cap / 2 / chunkSize) % 26));
    expect(output.hasSeen('MIDDLE-NEEDLE')).toBe(true);
  });
});
