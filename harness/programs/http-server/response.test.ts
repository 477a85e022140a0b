import { describe, expect, it } from 'vitest';
import { headerValue, looseStatusCodeOf, parseResponse, statusCodeOf } from './response.js';

describe('parseResponse', () => {
  it('splits a CRLF response into status line, headers and body', () => {
    const parsed = parseResponse(Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nhé'));
    expect(parsed.statusLine).toBe('HTTP/1.1 200 OK');
    expect(headerValue(parsed, 'content-length')).toBe('2');
    expect(parsed.bareLineFeeds).toBe(0);
    expect(parsed.body).toEqual(Buffer.from('hé'));
  });

  it('counts bare line feeds and still finds the body', () => {
    const parsed = parseResponse(Buffer.from('HTTP/1.0 200 OK\nContent-Length: 1\r\n\nx'));
    expect(parsed.bareLineFeeds).toBe(2);
    expect(parsed.body).toEqual(Buffer.from('x'));
  });

  it('has no body when no blank line ends the head, and never throws on arbitrary bytes', () => {
    expect(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n')).body).toBeUndefined();
    expect(parseResponse(Buffer.from([0xff, 0x00, 0x0a, 0x0d, 0x0a])).statusLine).toBe('ÿ\u0000');
    expect(parseResponse(Buffer.alloc(0))).toEqual({ statusLine: '', headers: [], bareLineFeeds: 0 });
  });
});

describe('status line grammar', () => {
  it.each([
    ['HTTP/1.1 200 OK', 200],
    ['HTTP/1.0 404 Not Found', 404],
    ['HTTP/1.1 200 ', 200],
    ['HTTP/1.1 200', undefined],
    ['HTTP/2 200 OK', undefined],
    ['http/1.1 200 OK', undefined],
    ['HTTP/1.1  200 OK', undefined],
  ])('%j has the exact code %s', (line, code) => {
    expect(statusCodeOf(line)).toBe(code);
  });

  it('reads the code of a line that only looks like a status line', () => {
    expect(looseStatusCodeOf('HTTP/1.1 404')).toBe(404);
    expect(looseStatusCodeOf('garbage')).toBeUndefined();
  });
});
