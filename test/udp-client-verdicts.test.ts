import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type GradeRun } from '../harness/grade.js';
import { translate } from '../harness/messages/translate.js';
import { sandboxAvailable } from './helpers/sandbox.js';
import { processesUnder, treeFingerprint } from './helpers/tree.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'udp-client');

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

// Workspaces go to a folder of this test file's own, so leftover processes can be told apart from other tests'.
const scratch = mkdtempSync(join(tmpdir(), 'client-verdicts-'));
process.env.TMPDIR = scratch;

// Sandboxed where possible (CI installs it); plain mode must give the very same verdicts.
const modes = sandboxAvailable ? (['on', 'off'] as const) : (['off'] as const);
const runs = new Map<(typeof modes)[number], GradeRun>();
let run: GradeRun;
let fixturesBefore: Map<string, string>;

beforeAll(async () => {
  fixturesBefore = treeFingerprint(fixtures);
  for (const sandbox of modes) {
    const outDir = join(scratch, `reports-${sandbox}`);
    runs.set(sandbox, await grade({ paths: [fixtures], rubric: 'udp-client', outDir, jobs: 4, lang: 'en', python: 'python3', sandbox }));
  }
  run = runs.get(modes[0])!;
});

const verdicts = (graded: GradeRun) =>
  graded.submissions.map((result) => [result.id, result.checks.map((check) => [check.id, check.passed, translate(check.reason, 'en')])]);

it.skipIf(!sandboxAvailable)('gives the same verdicts and messages with and without the sandbox', () => {
  expect(runs.get('on')!.sandbox.kind).toBe('bwrap');
  expect(runs.get('off')!.sandbox.kind).toBe('none');
  expect(verdicts(runs.get('off')!)).toEqual(verdicts(runs.get('on')!));
});

const resultOf = (id: string) => {
  const result = run.submissions.find((submission) => submission.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
};
const checkOf = (id: string, check: string) => resultOf(id).checks.find((c) => c.id === check)!;
const messageOf = (id: string, check: string) => translate(checkOf(id, check).reason, 'en');

describe('udp-client rubric on the fixture corpus', () => {
  it('grades every fixture folder, and nothing else', () => {
    expect(run.submissions.map((submission) => submission.id).sort()).toEqual(Object.keys(expectedFailures).sort());
    expect(run.rubric.checks.reduce((sum, check) => sum + check.points, 0)).toBe(20);
  });

  it.each(Object.entries(expectedFailures))('%s: exactly the expected checks fail', (id, failing) => {
    const result = resultOf(id);
    expect(result.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual(failing);
    expect(result.checks.filter((check) => check.blocked).map((check) => check.id)).toEqual(expectedBlocked[id] ?? []);
    expect(result.fault).toBeUndefined();
    const lost = result.checks.filter((check) => failing.includes(check.id)).reduce((sum, check) => sum + check.maxPoints, 0);
    expect(result.score).toBe(20 - lost);
  });

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

  it('leaves no student process behind and the fixtures untouched', () => {
    expect(processesUnder(scratch)).toEqual([]);
    expect(treeFingerprint(fixtures)).toEqual(fixturesBefore);
  });
});
