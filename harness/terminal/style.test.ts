import { describe, expect, it } from 'vitest';
import { styleFor } from './style.js';

describe('styleFor', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    // NO_COLOR only counts when it is non-empty (no-color.org).
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
  ])('stream %j with env %j colours: %s', (stream, env, coloured) => {
    expect(styleFor(stream, env).pass('ok') !== 'ok').toBe(coloured);
  });
});
