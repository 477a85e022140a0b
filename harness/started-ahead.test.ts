import { describe, expect, it } from 'vitest';
import { startedAhead } from './started-ahead.js';

describe('startedAhead', () => {
  it('gives what it started to the first caller with the same key, once', () => {
    const ahead = startedAhead<string>();
    expect(ahead.start('a', () => 'early a')).toBe('early a');
    expect(ahead.start('b', () => 'early b')).toBe('early a');
    expect(ahead.take('a', () => 'made a')).toBe('early a');
    expect(ahead.take('a', () => 'made a')).toBe('made a');
  });

  it('keeps it waiting for another key, unless told to discard it', () => {
    const kept = startedAhead<string>();
    kept.start('a', () => 'early a');
    expect(kept.take('b', () => 'made b')).toBe('made b');
    expect(kept.take('a', () => 'made a')).toBe('early a');

    const discarded: string[] = [];
    const strict = startedAhead<string>((unused) => discarded.push(unused));
    strict.start('a', () => 'early a');
    expect(strict.take('b', () => 'made b')).toBe('made b');
    expect(discarded).toEqual(['early a']);
    expect(strict.take('a', () => 'made a')).toBe('made a');
  });
});
