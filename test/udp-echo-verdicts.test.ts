import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { udpEchoCheckIds } from '../harness/programs/udp-echo/check-ids.js';
import { writeReports } from '../harness/reports/write.js';
import { loadRubric } from '../harness/rubric/load.js';
import { gradeFixtureCorpus } from './helpers/fixture-corpus.js';

const afterStart = udpEchoCheckIds.filter((id) => id !== 'shebang');

// For each fixture, the checks that must fail; every other check must pass.
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'recv-1024-truncates': ['echo-sizes'],
  // Crashes on the binary probe: Ctrl+C is then judged on a second run, which stops cleanly.
  'decodes-text': ['echo-binary'],
  'decodes-with-replace': ['echo-binary'],
  'replies-fixed-text': ['echo', 'echo-sizes', 'echo-binary'],
  'no-stop-line': ['stops-cleanly'],
  'exits-after-one': ['echo-sizes', 'echo-binary', 'many-clients'],
  'wrong-port': ['binds'],
  'binds-localhost': ['binds'],
  'never-binds': afterStart,
};

const corpus = gradeFixtureCorpus({ rubric: 'udp-echo', expectedFailures });
const { resultOf, checkOf, messageOf } = corpus;
const outDir = join(corpus.scratch, 'reports');

beforeAll(async () => {
  await writeReports(corpus.run(), outDir, 'en');
});

it('ships a rubric of 20 points over the echo checks, in order', async () => {
  const rubric = await loadRubric('udp-echo');
  expect(rubric.program).toMatchObject({ kind: 'udp-echo', entry: 'udp_server.py', port: 9999, bindAddresses: ['0.0.0.0'], maxPayload: 4096 });
  expect(rubric.checks.map((check) => check.id)).toEqual([...udpEchoCheckIds]);
  expect(rubric.checks.reduce((sum, check) => sum + check.points, 0)).toBe(20);
});


describe('udp-echo messages', () => {
  it('shows expected and received lengths when recvfrom(1024) cuts a datagram, and points at recvfrom', () => {
    expect(messageOf('recv-1024-truncates', 'echo-sizes')).toBe(
      'Bytes sent → bytes echoed: 1 → 1, 512 → 512, 1024 → 1024, 4096 → 1024. Every datagram longer than 1024 bytes is cut to 1024 bytes: ' +
        'the size given to recvfrom (1024) is the most it keeps of a datagram; ask for at least 4096.',
    );
    expect(checkOf('recv-1024-truncates', 'echo-sizes').line).toBe(9);
  });

  it('names the decoding error of a server that treats bytes as text, or shows how the bytes changed', () => {
    expect(messageOf('decodes-text', 'echo-binary')).toBe(
      "The server stopped on receiving bytes that are not UTF-8 text (exit code 1): UnicodeDecodeError: 'utf-8' codec can't decode byte 0x80 in position 128: invalid start byte (line 10)",
    );
    expect(checkOf('decodes-text', 'echo-binary').line).toBe(10);
    expect(messageOf('decodes-with-replace', 'echo-binary')).toContain('came back changed (512 bytes received)');
    expect(checkOf('decodes-with-replace', 'echo-binary').evidence).toMatchObject({ kind: 'bytes', received: expect.any(Buffer) });
  });

  it('judges Ctrl+C apart from an earlier crash, on a second run, and says so', () => {
    expect(messageOf('decodes-text', 'stops-cleanly')).toBe(
      'After Ctrl+C the server printed "Arrêt du serveur" and exited with code 0 (on a second run: the first one had stopped during the earlier checks).',
    );
    expect(resultOf('decodes-text').restartOutput?.stdout.head.toString()).toContain('Arrêt du serveur');
    expect(messageOf('correct', 'stops-cleanly')).toBe('After Ctrl+C the server printed "Arrêt du serveur" and exited with code 0.');
  });

  it('says a KeyboardInterrupt traceback is not a clean stop', () => {
    expect(messageOf('no-stop-line', 'stops-cleanly')).toBe(
      'Ctrl+C ended the server with an uncaught KeyboardInterrupt traceback (killed by SIGINT): catch KeyboardInterrupt, print "Arrêt du serveur", close the socket and let the program end normally.',
    );
    expect(messageOf('no-stop-line', 'stops-cleanly', 'fr')).toContain('KeyboardInterrupt non interceptée');
  });

  it('marks the probes after a server stopped as not checked, with the reason', () => {
    for (const check of ['echo-sizes', 'echo-binary', 'many-clients']) {
      expect(checkOf('exits-after-one', check).blocked).toBe(true);
      expect(messageOf('exits-after-one', check)).toBe(
        'Not checked: the server had stopped (exit code 0) after an earlier check; it must keep answering, in its loop, until Ctrl+C.',
      );
    }
    expect(messageOf('never-binds', 'starts')).toBe('No UDP socket bound after 5 s.');
    expect(messageOf('never-binds', 'echo')).toBe('Not checked: the server did not start.');
  });

  it('shows the bytes, the port and the address the student actually used', () => {
    expect(messageOf('replies-fixed-text', 'echo')).toBe("Got b'i am the server' instead of b'hello from the grader, echo probe'.");
    expect(messageOf('replies-fixed-text', 'many-clients')).toBe('3 clients each got their 2 replies.');
    expect(messageOf('wrong-port', 'binds')).toBe('The code asks for port 9998; the handout asks for port 9999.');
    expect(messageOf('binds-localhost', 'binds')).toBe('Bound to 127.0.0.1 ("localhost"); the handout asks for 0.0.0.0.');
  });

  it('writes reports whose every check id is an echo check', () => {
    const results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8'));
    expect(results.rubric).toBe('udp-echo');
    for (const submission of results.submissions) expect(submission.checks.map((c: { id: string }) => c.id)).toEqual([...udpEchoCheckIds]);
    expect(readFileSync(join(outDir, 'decodes-text.md'), 'utf8')).toContain('UnicodeDecodeError');
  });
});
