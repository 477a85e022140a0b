import { describe, expect, it } from 'vitest';
import { gradeFixtureCorpus } from './helpers/fixture-corpus.js';

// For each fixture, the checks that must fail; every other check must pass.
const notStarted = ['binds', 'reply', 'prints-message', 'prints-client', 'closes-connection', 'many-clients', 'stops-on-ctrl-c', 'reuseaddr-restart'];
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'no-reuseaddr': ['reuseaddr-restart'],
  'wrong-reply': ['reply'],
  'wrong-port': ['binds', 'reuseaddr-restart'],
  'never-closes-connection': ['closes-connection'],
  'crashes-on-connection': ['reply', 'closes-connection', 'many-clients'],
  'never-listens': ['starts', ...notStarted],
  'udp-socket-instead': ['starts', ...notStarted],
};

// Checks that could not run because an earlier step failed.
const expectedBlocked: Record<string, readonly string[]> = {
  'wrong-port': ['reuseaddr-restart'],
  'crashes-on-connection': ['closes-connection', 'many-clients'],
  'never-listens': notStarted,
  'udp-socket-instead': notStarted,
};

const { resultOf, checkOf, messageOf } = gradeFixtureCorpus({ rubric: 'tcp-server', expectedFailures, expectedBlocked });

describe('tcp-server messages', () => {
  it('describes a correct server check by check', () => {
    expect(messageOf('correct', 'starts')).toBe('A TCP socket listens.');
    expect(messageOf('correct', 'binds')).toBe('Bound to 127.0.0.1, port 3000.');
    expect(messageOf('correct', 'reply')).toBe("Exact reply: b'i am the server'.");
    expect(messageOf('correct', 'closes-connection')).toBe(
      'After its reply the server closes the connection: the client reads the end of the stream.',
    );
    expect(messageOf('correct', 'many-clients')).toBe('3 clients one after the other, then 3 at once (queued for accept), each got a reply.');
    expect(messageOf('correct', 'stops-on-ctrl-c')).toBe('Ctrl+C stops the server.');
    expect(messageOf('correct', 'reuseaddr-restart')).toBe(
      'Restarted at once while a connection on port 3000 was still in TIME_WAIT: it listens again (SO_REUSEADDR is set).',
    );
  });

  it('shows the restart failing as in a terminal, with the fix, when SO_REUSEADDR is missing', () => {
    expect(messageOf('no-reuseaddr', 'reuseaddr-restart')).toBe(
      'Restarted at once while a connection on port 3000 was still in TIME_WAIT (for 60 s after a server closes a connection), the server could not bind: OSError: [Errno 98] Address already in use (line 4). Call serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) before bind().',
    );
    expect(messageOf('no-reuseaddr', 'reuseaddr-restart', 'fr')).toBe(
      'Relancé aussitôt alors qu’une connexion sur le port 3000 était encore en TIME_WAIT (pendant 60 s après qu’un serveur a fermé une connexion), le serveur n’a pas pu se lier : OSError: [Errno 98] Address already in use (ligne 4). Appelez serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1) avant bind().',
    );
    expect(checkOf('no-reuseaddr', 'reuseaddr-restart')).toMatchObject({ line: 4, evidence: { kind: 'python-error' } });
    // The report shows the restarted run's output: the traceback the student would see in a terminal.
    const stderr = resultOf('no-reuseaddr').restartOutput?.stderr;
    const shown = stderr && Buffer.concat([stderr.head, stderr.tail]).toString();
    expect(shown).toContain('OSError: [Errno 98] Address already in use');
    // bind() failed inside the grader's port-mapping hook: its frame is not the student's to read.
    expect(shown).toContain('File "simpleTCPServeur.py", line 4, in <module>');
    expect(shown).not.toContain('_grader_port_map');
  });

  it('shows the bytes received against the exact reply', () => {
    expect(messageOf('wrong-reply', 'reply')).toBe("Got b'i am the server\\n' instead of b'i am the server'.");
    expect(checkOf('wrong-reply', 'reply').line).toBe(14);
  });

  it('tells a connection left open from a closed one', () => {
    expect(messageOf('never-closes-connection', 'closes-connection')).toBe(
      'The connection was still open 1000 ms after the reply: close it (conn.close()) once the reply is sent, or the client keeps waiting for more.',
    );
    expect(messageOf('never-closes-connection', 'reply')).toBe("Exact reply: b'i am the server'.");
  });

  it('names the Python error and its line when the server crashes on a connection', () => {
    expect(messageOf('crashes-on-connection', 'reply')).toBe(
      "The server stopped on this connection (exit code 1): TypeError: a bytes-like object is required, not 'str' (line 14)",
    );
    expect(checkOf('crashes-on-connection', 'reply').line).toBe(14);
    expect(messageOf('crashes-on-connection', 'many-clients')).toBe(
      'Not checked: the server had stopped (exit code 1) after an earlier check; it must keep answering, in its loop, until Ctrl+C.',
    );
    // Ctrl+C and the restart are judged on a second run, since the first one had stopped.
    expect(messageOf('crashes-on-connection', 'stops-on-ctrl-c')).toBe(
      'Ctrl+C stops the server (on a second run: the first one had stopped during the earlier checks).',
    );
  });

  it('says what to do when no TCP socket listens', () => {
    expect(messageOf('never-listens', 'starts')).toBe(
      'The program stopped before a TCP socket listened (exit code 1): OSError: [Errno 22] Invalid argument (line 9)',
    );
    expect(messageOf('udp-socket-instead', 'starts')).toBe(
      'No TCP socket listening after 5 s, but a UDP socket is bound to port 3000: use SOCK_STREAM, not SOCK_DGRAM, then listen() and accept().',
    );
  });

  it('names the port the code asked for, and does not test the restart elsewhere', () => {
    expect(messageOf('wrong-port', 'binds')).toBe('The code asks for port 3001; the handout asks for port 3000.');
    expect(messageOf('wrong-port', 'reuseaddr-restart')).toBe(
      'Not checked: the server does not listen on the handout’s port 3000, where the restart is tested.',
    );
  });
});
