import { describe, expect, it } from 'vitest';
import { gradeFixtureCorpus } from './helpers/fixture-corpus.js';

// For each fixture, the checks that must fail; every other check must pass.
// late-echo is worth 0 points: failing it is advice, the score stays whole.
const stoppedAtLoss = ['handles-loss', 'counts', 'rtt', 'finishes', 'late-echo'];
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'takes-late-echo': ['late-echo'],
  'no-timeout': stoppedAtLoss,
  'crashes-on-timeout': stoppedAtLoss,
  'counts-wrong': ['counts'],
  'no-summary': ['counts', 'rtt', 'late-echo'],
  'rtt-in-seconds': ['rtt'],
  'wrong-port': ['pings', ...stoppedAtLoss],
};

// Checks that could not run because an earlier step failed.
const expectedBlocked: Record<string, readonly string[]> = {
  'no-timeout': ['counts', 'rtt', 'finishes', 'late-echo'],
  'crashes-on-timeout': ['counts', 'rtt', 'finishes', 'late-echo'],
  'no-summary': ['late-echo'],
  'wrong-port': stoppedAtLoss,
};

const { resultOf, checkOf, messageOf } = gradeFixtureCorpus({ rubric: 'udp-rtt-client', expectedFailures, expectedBlocked });

describe('udp-rtt-client messages', () => {
  it('confirms what a correct client measured against what the relay did', () => {
    expect(messageOf('correct', 'pings')).toBe('The 50 pings reached the server, each with its own number.');
    expect(messageOf('correct', 'handles-loss')).toBe(
      'After each lost echo (pings 12, 27, 41), the client waited about 1 s, then sent the next ping.',
    );
    expect(messageOf('correct', 'counts')).toBe('The summary is right: 50 sent, 47 received, 3 lost.');
    expect(messageOf('correct', 'rtt')).toBe('RTT min/avg/max match the injected delays (about 10/22.3/400 ms).');
    expect(messageOf('correct', 'finishes')).toBe('The client exits with code 0 after its last ping.');
    expect(messageOf('correct', 'late-echo')).toBe(
      'In a second run, the echo of ping 20, back after the timeout, was not taken for the reply to ping 21: the summary shows "Pertes 2", as expected.',
    );
    expect(messageOf('correct', 'counts', 'fr')).toBe('Le bilan est exact : 50 envoyés, 47 reçus, 3 perdus.');
  });

  it('reads a handout-style summary (labels without space before the colon, percentage, spaced RTT figures)', () => {
    expect(resultOf('takes-late-echo').score).toBe(20);
    expect(messageOf('takes-late-echo', 'counts')).toBe('The summary is right: 50 sent, 47 received, 3 lost.');
  });

  it('explains a late echo taken for the next ping’s reply, as advice that costs nothing', () => {
    expect(checkOf('takes-late-echo', 'late-echo')).toMatchObject({ passed: false, points: 0, maxPoints: 0, line: 15 });
    expect(messageOf('takes-late-echo', 'late-echo')).toBe(
      'In a second run, the echo of ping 20 came back after the timeout, just after ping 21 was sent: the client took it for the reply to ping 21, and its summary shows "Pertes 1" instead of "Pertes 2". Check that the echo received is the one of the ping just sent (compare the bytes or the number); otherwise ignore it and wait again.',
    );
  });

  it('stops a client that waits forever on a lost echo, and says why the summary was not checked', () => {
    expect(resultOf('no-timeout').score).toBe(5);
    expect(checkOf('no-timeout', 'handles-loss')).toMatchObject({ passed: false, line: 14 });
    expect(messageOf('no-timeout', 'handles-loss')).toBe(
      'The echo of ping 12 was lost on purpose: the client was still waiting for it 3 s later and was stopped. Without a timeout, recvfrom waits forever.',
    );
    expect(messageOf('no-timeout', 'counts')).toBe('Not checked: the client stopped at the lost echo of ping 12 (see the loss check).');
    expect(messageOf('no-timeout', 'late-echo')).toBe('Not checked: the first run did not end normally (exit code 0).');
    expect(messageOf('no-timeout', 'pings')).toBe(
      'The 12 pings sent before the client stopped at a lost echo reached the server, each with its own number (the handout asks for 50: see the loss check).',
    );
  });

  it('names the Python error and its line when the timeout is not caught', () => {
    expect(checkOf('crashes-on-timeout', 'handles-loss')).toMatchObject({ line: 12, evidence: { kind: 'python-error' } });
    expect(messageOf('crashes-on-timeout', 'handles-loss')).toBe(
      'The echo of ping 12 was lost on purpose, and the program stopped (exit code 1): TimeoutError: timed out (line 12)',
    );
  });

  it('shows printed and expected counts', () => {
    expect(checkOf('counts-wrong', 'counts').line).toBe(39);
    expect(messageOf('counts-wrong', 'counts')).toBe(
      'The summary shows Envoyés 50, Reçus 50, Pertes 3; the server lost the echoes of pings 12, 27, 41 on purpose, so expected: Envoyés 50, Reçus 47, Pertes 3.',
    );
    expect(messageOf('no-summary', 'counts')).toBe('The output has no summary line "Envoyés", "Reçus", "Pertes" followed by a number.');
    expect(messageOf('no-summary', 'rtt')).toBe('The output has no "RTT min/avg/max" line followed by three figures (min/avg/max).');
  });

  it('gives the expected ranges, and spots RTT printed in seconds', () => {
    expect(messageOf('rtt-in-seconds', 'rtt')).toBe(
      'RTT min/avg/max: min, avg, max outside what the injected delays give, about 10/22.3/400 ms (min within 8–310, avg within 20.3–322.3, max within 398–1300 ms). These figures are in seconds: multiply by 1000 for milliseconds.',
    );
  });

  it('says where the pings went when none reached the server', () => {
    expect(messageOf('wrong-port', 'pings')).toBe(
      'No datagram reached the server: the code sends to port 9998; the handout’s server listens on port 9999.',
    );
    expect(messageOf('wrong-port', 'counts')).toBe('Not checked: no datagram from the client reached the server.');
  });

  it('keeps the measured run’s output in the report', () => {
    const stdout = resultOf('correct').output?.stdout.head.toString() ?? '';
    expect(stdout).toContain('Ping 12 : délai dépassé, paquet perdu\n');
    expect(stdout).toContain('Envoyés : 50\nReçus : 47\nPertes : 3 (6%)\nRTT min/avg/max = ');
  });
});
