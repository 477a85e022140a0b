import { describe, expect, it } from 'vitest';
import { decodeLine, encodeLine } from './wire.js';

describe('the wire encoding', () => {
  it('carries Buffers anywhere in a message as base64 and gives them back as Buffers', () => {
    const message = { kind: 'result', output: Buffer.from('i am the server\n'), runs: [{ stderr: Buffer.from([0, 255, 10]) }, 3, null], text: 'é' };
    const line = encodeLine(message);
    expect(line.endsWith('\n')).toBe(true);
    expect(line).toContain('{"$base64":"aSBhbSB0aGUgc2VydmVyCg=="}');
    expect(decodeLine(line)).toEqual(message);
    // The message itself is left as it was.
    expect(Buffer.isBuffer(message.output)).toBe(true);
  });

  it('writes a capped output (1 MiB) as base64, not as a list of numbers', () => {
    const output = Buffer.alloc(1024 * 1024, 'x');
    const line = encodeLine({ output });
    expect(line.length).toBeLessThan(1.4 * 1024 * 1024);
    expect((decodeLine<{ output: Buffer }>(line).output as Buffer).equals(output)).toBe(true);
  });

  it('writes a Date as JSON does (the run state keeps when a run started)', () => {
    const startedAt = new Date('2026-11-25T07:00:00.000Z');
    expect(decodeLine<{ startedAt: string }>(encodeLine({ run: { startedAt, files: [Buffer.from('a')] } }))).toEqual({
      run: { startedAt: '2026-11-25T07:00:00.000Z', files: [Buffer.from('a')] },
    });
  });

  it('gives back plain JSON unchanged', () => {
    const value = { a: [1, 'two', { three: true }], b: null, c: { $note: 'not base64' } };
    expect(decodeLine(encodeLine(value))).toEqual(value);
    expect(encodeLine(value)).toBe(`${JSON.stringify(value)}\n`);
  });
});
