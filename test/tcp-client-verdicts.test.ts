import { describe, expect, it } from 'vitest';
import { gradeFixtureCorpus } from './helpers/fixture-corpus.js';

// For each fixture, the checks that must fail; every other check must pass.
// handles-silence is worth 0 points: failing it is advice, the score stays whole.
const nothingSent = ['prints-reply', 'exits', 'handles-silence'];
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'hangs-without-timeout': ['handles-silence'],
  'wrong-port': ['sends', ...nothingSent],
  'never-connects': ['sends', ...nothingSent],
  'no-print': ['prints-reply', 'handles-silence'],
  'prints-bytes': ['prints-reply', 'handles-silence'],
};

// Checks that could not run because nothing the client sent reached the server.
const expectedBlocked: Record<string, readonly string[]> = {
  'wrong-port': nothingSent,
  'never-connects': nothingSent,
};

const { resultOf, checkOf, messageOf } = gradeFixtureCorpus({ rubric: 'tcp-client', expectedFailures, expectedBlocked });

describe('tcp-client messages', () => {
  it('records the bytes the client sent on its connection', () => {
    expect(messageOf('correct', 'sends')).toBe("The client connected to the server and sent b'Hello from client'.");
    expect(messageOf('correct', 'prints-reply')).toBe('The server’s reply is printed after "Message du serveur :".');
    expect(messageOf('correct', 'exits')).toBe('The program exits with code 0 after the reply.');
    expect(messageOf('correct', 'handles-silence')).toBe(
      'Against a server that never answers, the client gives up by itself and exits with code 0.',
    );
    expect(resultOf('correct').output?.stdout.head.toString()).toBe('Message du serveur :  i am the server\n');
  });

  it('reports the handout client hanging on a silent server as advice that costs nothing', () => {
    expect(resultOf('hangs-without-timeout').score).toBe(20);
    expect(checkOf('hangs-without-timeout', 'handles-silence')).toMatchObject({ passed: false, points: 0, maxPoints: 0, line: 6 });
    expect(messageOf('hangs-without-timeout', 'handles-silence')).toBe(
      'Against a server that never answers, the client was still waiting after 3 s: it was stopped.',
    );
    expect(messageOf('hangs-without-timeout', 'handles-silence', 'fr')).toBe(
      'Face à un serveur qui ne répond jamais, le client attendait encore au bout de 3 s : il a été arrêté.',
    );
  });

  it('names the port the code connects to instead of the crash it causes', () => {
    expect(messageOf('wrong-port', 'sends')).toBe(
      'No connection reached the server: the code connects to port 3001; the handout’s server listens on port 3000.',
    );
    expect(checkOf('wrong-port', 'sends').line).toBe(4);
    expect(messageOf('wrong-port', 'exits')).toBe('Not checked: the client sent nothing to the server.');
  });

  it('names the Python error and its line when the client never connects', () => {
    expect(messageOf('never-connects', 'sends')).toBe(
      'The program stopped before sending anything to the server (exit code 1): BrokenPipeError: [Errno 32] Broken pipe (line 4)',
    );
    expect(checkOf('never-connects', 'sends')).toMatchObject({ line: 4, evidence: { kind: 'python-error' } });
  });

  it('tells a missing print from a reply printed as bytes', () => {
    expect(messageOf('no-print', 'prints-reply')).toBe(
      'The output does not contain the server’s reply ("i am the server") after "Message du serveur :".',
    );
    expect(messageOf('prints-bytes', 'prints-reply')).toBe(
      "The reply is printed as bytes (b'i am the server'): decode it before printing it (data.decode()).",
    );
  });
});
