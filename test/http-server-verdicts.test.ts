import { describe, expect, it } from 'vitest';
import { gradeFixtureCorpus } from './helpers/fixture-corpus.js';

const afterStart = ['status-line', 'content-type', 'content-length', 'crlf', 'closes', 'not-found', 'survives-malformed', 'stops'];

// For each fixture, the checks that must fail; every other check must pass.
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'counts-characters': ['content-length'],
  'no-content-type': ['content-type'],
  'no-404': ['not-found'],
  'dies-on-malformed': ['survives-malformed'],
  'lf-only-line-endings': ['crlf'],
  'never-closes': ['closes'],
  'wrong-port': ['binds'],
  'never-listens': ['starts', 'binds', ...afterStart],
  'uses-udp': ['starts', 'binds', ...afterStart],
};

// Checks that could not run because the server never listened.
const expectedBlocked: Record<string, readonly string[]> = {
  'never-listens': ['binds', ...afterStart],
  'uses-udp': ['binds', ...afterStart],
};

const { resultOf, checkOf, messageOf } = gradeFixtureCorpus({ rubric: 'http-server', expectedFailures, expectedBlocked });

describe('http-server messages', () => {
  it('describes what a correct server sent', () => {
    expect(messageOf('correct', 'starts')).toBe('A TCP socket is listening.');
    expect(messageOf('correct', 'binds')).toBe('Bound to 127.0.0.1, port 8080.');
    expect(messageOf('correct', 'status-line')).toBe('Status line: "HTTP/1.1 200 OK".');
    expect(messageOf('correct', 'content-type')).toBe('Content-Type: "text/html; charset=utf-8".');
    expect(messageOf('correct', 'content-length')).toBe('Content-Length: 117, the body’s byte count.');
    expect(messageOf('correct', 'not-found')).toBe('GET /nope gets "HTTP/1.1 404 Not Found", with a body.');
    expect(messageOf('correct', 'survives-malformed')).toBe(
      'After a request that is not HTTP ("garbage\\r\\n\\r\\n") and an empty connection, the page is still served.',
    );
    expect(messageOf('correct', 'stops')).toBe('Ctrl+C stops the server.');
  });

  it('shows both numbers when Content-Length counts characters instead of bytes', () => {
    expect(messageOf('counts-characters', 'content-length')).toBe(
      'Content-Length says 114 but the body has 117 bytes: 114 is its number of characters. An accented letter takes 2 bytes in UTF-8: count the bytes, len(body.encode("utf-8")), not len(body).',
    );
    expect(messageOf('counts-characters', 'content-length', 'fr')).toBe(
      'Content-Length annonce 114 mais le corps fait 117 octets : 114 est son nombre de caractères. Une lettre accentuée prend 2 octets en UTF-8 : comptez les octets, len(corps.encode("utf-8")), pas len(corps).',
    );
    expect(checkOf('counts-characters', 'content-length').line).toBe(11);
  });

  it('names the headers that came when Content-Type is missing', () => {
    expect(messageOf('no-content-type', 'content-type')).toBe('No Content-Type header in the response (headers received: Content-Length).');
  });

  it('quotes the status line an unknown path got', () => {
    expect(messageOf('no-404', 'not-found')).toBe('GET /nope gets "HTTP/1.1 200 OK" instead of a 404 status.');
  });

  it('names the malformed request that killed the server, with the Python error and its line', () => {
    expect(messageOf('dies-on-malformed', 'survives-malformed')).toBe(
      'The server stopped on the request "garbage\\r\\n\\r\\n", which is not HTTP (exit code 1): IndexError: list index out of range (line 23)',
    );
    expect(checkOf('dies-on-malformed', 'survives-malformed')).toMatchObject({ line: 23, evidence: { kind: 'python-error' } });
    // Ctrl+C is judged on a second run: the crash costs the survives-malformed points only.
    expect(messageOf('dies-on-malformed', 'stops')).toBe('Ctrl+C stops the server (on a second run: the first one had stopped during the earlier checks).');
    expect(resultOf('dies-on-malformed').restartOutput).toBeDefined();
  });

  it('counts the head lines that end with a bare line feed', () => {
    expect(messageOf('lf-only-line-endings', 'crlf')).toBe(
      '4 line(s) of the head end with "\\n" alone: HTTP asks for "\\r\\n" (status line, headers and the blank line).',
    );
    expect(messageOf('lf-only-line-endings', 'status-line')).toBe('Status line: "HTTP/1.1 200 OK".');
  });

  it('finishes within its deadlines when the server never closes, and says so', () => {
    expect(messageOf('never-closes', 'closes')).toBe(
      'The connection was still open 1000 ms after the request: close it (conn.close()) once the response is sent.',
    );
    expect(messageOf('never-closes', 'content-length')).toBe('Content-Length: 117, the body’s byte count.');
  });

  it('says which port the code asked for', () => {
    expect(messageOf('wrong-port', 'binds')).toBe('The code asks for port 8000; the handout asks for port 8080.');
    expect(checkOf('wrong-port', 'binds').line).toBe(17);
  });

  it('shows the crash of a server that never calls listen()', () => {
    expect(messageOf('never-listens', 'starts')).toBe(
      'The program stopped before listening on a TCP socket (exit code 1): OSError: [Errno 22] Invalid argument (line 20). accept() fails on a socket that is not listening: call listen() after bind().',
    );
    expect(messageOf('never-listens', 'status-line')).toBe('Not checked: the server did not start.');
  });

  it('tells a UDP server that HTTP runs over TCP', () => {
    expect(messageOf('uses-udp', 'starts')).toBe(
      'No TCP socket listening after 5 s, but a UDP socket is bound to port 8080: HTTP runs over TCP, use SOCK_STREAM, not SOCK_DGRAM.',
    );
    expect(checkOf('uses-udp', 'starts').line).toBe(6);
  });
});
