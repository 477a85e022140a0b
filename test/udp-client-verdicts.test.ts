import { describe, expect, it } from 'vitest';
import { gradeFixtureCorpus } from './helpers/fixture-corpus.js';

// For each fixture, the checks that must fail; every other check must pass.
// handles-silence is worth 0 points: failing it is advice, the score stays whole.
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'connects-first': [],
  'hangs-without-timeout': ['handles-silence'],
  'wrong-port': ['sends', 'prints-reply', 'exits', 'handles-silence'],
  'never-sends': ['sends', 'prints-reply', 'exits', 'handles-silence'],
  'crashes-on-reply': ['prints-reply', 'exits'],
  'no-print': ['prints-reply'],
  'prints-bytes': ['prints-reply'],
};

// Checks that could not run because no datagram reached the server.
const expectedBlocked: Record<string, readonly string[]> = {
  'wrong-port': ['prints-reply', 'exits', 'handles-silence'],
  'never-sends': ['prints-reply', 'exits', 'handles-silence'],
};

const { resultOf, checkOf, messageOf } = gradeFixtureCorpus({ rubric: 'udp-client', expectedFailures, expectedBlocked });

describe('udp-client messages', () => {
  it('records the datagram the client sent', () => {
    expect(messageOf('correct', 'sends')).toBe("One datagram reached the server: b'Hello from client'.");
    expect(messageOf('connects-first', 'sends')).toBe("One datagram reached the server: b'Bonjour du client'.");
    expect(messageOf('correct', 'prints-reply')).toBe('The server’s reply is printed after "Message du serveur :".');
    expect(messageOf('correct', 'exits')).toBe('The program exits with code 0 after the reply.');
  });

  it('reports the handout client hanging on a silent server as advice that costs nothing', () => {
    const result = resultOf('hangs-without-timeout');
    expect(result.score).toBe(20);
    expect(checkOf('hangs-without-timeout', 'handles-silence')).toMatchObject({ passed: false, points: 0, maxPoints: 0, line: 6 });
    expect(messageOf('hangs-without-timeout', 'handles-silence')).toBe(
      'Against a server that never answers, the client was still waiting after 3 s: it was stopped.',
    );
    expect(messageOf('correct', 'handles-silence')).toBe(
      'Against a server that never answers, the client gives up by itself and exits with code 0.',
    );
  });

  it('says where the datagram went when none reached the server', () => {
    expect(messageOf('wrong-port', 'sends')).toBe(
      'No datagram reached the server: the code sends to port 3001; the handout’s server listens on port 3000.',
    );
    expect(checkOf('wrong-port', 'sends').line).toBe(5);
    expect(messageOf('never-sends', 'sends')).toBe('No datagram reached the server within 5 s.');
    expect(messageOf('never-sends', 'exits')).toBe('Not checked: no datagram from the client reached the server.');
  });

  it('names the Python error and its line when the client crashes on the reply', () => {
    expect(messageOf('crashes-on-reply', 'prints-reply')).toBe(
      "The program stopped after the server’s reply without printing it (exit code 1): NameError: name 'reponse' is not defined (line 8)",
    );
    expect(checkOf('crashes-on-reply', 'exits')).toMatchObject({ line: 8, evidence: { kind: 'python-error' } });
  });

  it('tells a missing print from a reply printed as bytes', () => {
    expect(messageOf('no-print', 'prints-reply')).toBe(
      'The output does not contain the server’s reply ("i am the server") after "Message du serveur :".',
    );
    expect(messageOf('prints-bytes', 'prints-reply')).toBe(
      "The reply is printed as bytes (b'i am the server'): decode it before printing it (data.decode()).",
    );
  });

  it('keeps the client’s own output in the report', () => {
    expect(resultOf('correct').output?.stdout.head.toString()).toBe('Message du serveur :  i am the server\n');
  });
});
