import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type GradeRun } from '../harness/grade.js';
import { writeReports } from '../harness/reports/write.js';
import { translate } from '../harness/messages/translate.js';
import { udpServerCheckIds } from '../harness/programs/udp-server/check-ids.js';
import { sandboxAvailable } from './helpers/sandbox.js';
import { processesUnder, treeFingerprint } from './helpers/tree.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'udp-server');
const lsofAvailable = spawnSync('lsof', ['-v']).error === undefined;
if (!lsofAvailable) {
  if (process.env.CI) throw new Error('CI must run the lsof test, but lsof is not installed');
  console.warn('Skipping the lsof reader test: lsof is not installed.');
}

// For each fixture, the checks that must fail; every other check must pass.
const expectedFailures: Record<string, readonly string[]> = {
  correct: [],
  'handout-verbatim': [],
  'from-import-star': [],
  socketserver: [],
  asyncio: [],
  'catches-ctrl-c': [],
  'other-case-name': [],
  'connects-a-udp-socket-first': [],
  'forges-markdown': [],
  'no-shebang': ['shebang'],
  'tab-error': ['starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
  'name-error-at-start': ['starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
  'never-binds': ['starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
  'tcp-instead-of-udp': ['starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
  'missing-entry': [...udpServerCheckIds],
  'wrong-port': ['binds'],
  'binds-all-interfaces': ['binds'],
  'wrong-reply': ['reply'],
  'no-reuseaddr': ['reuseaddr'],
  'exits-after-one': ['many-clients', 'restart'],
  'ignores-ctrl-c': ['restart'],
  silent: ['prints-message', 'prints-client'],
  'prints-no-client': ['prints-client'],
  'crashes-on-datagram': ['reply', 'prints-client', 'many-clients', 'restart'],
};

// Workspaces go to a folder of this test file's own, so leftover processes can be told apart from other tests'.
const scratch = mkdtempSync(join(tmpdir(), 'verdicts-'));
process.env.TMPDIR = scratch;

// Sandboxed where possible (CI installs it); plain mode must give the very same verdicts.
const modes = sandboxAvailable ? (['on', 'off'] as const) : (['off'] as const);
const runs = new Map<(typeof modes)[number] | 'lsof', GradeRun>();
let run: GradeRun;
let fixturesBefore: Map<string, string>;
const outDir = join(scratch, 'reports');

beforeAll(async () => {
  fixturesBefore = treeFingerprint(fixtures);
  for (const sandbox of modes) {
    runs.set(sandbox, await grade({ paths: [fixtures], rubric: 'udp-server', outDir, jobs: 4, lang: 'en', python: 'python3', sandbox }));
  }
  // Where /proc is missing (macOS) sockets are read with lsof; forced here, the verdicts must not change.
  if (lsofAvailable) {
    process.env.GRADER_SOCKETS = 'lsof';
    try {
      runs.set('lsof', await grade({ paths: [fixtures], rubric: 'udp-server', outDir, jobs: 4, lang: 'en', python: 'python3', sandbox: 'off' }));
    } finally {
      delete process.env.GRADER_SOCKETS;
    }
  }
  run = runs.get(modes[0])!;
  await writeReports(run, outDir, 'en');
});

it.skipIf(!lsofAvailable)('gives the same verdicts and messages when sockets are read with lsof instead of /proc', () => {
  const verdicts = (graded: GradeRun) =>
    graded.submissions.map((result) => [result.id, result.checks.map((check) => [check.id, check.passed, translate(check.reason, 'en')])]);
  expect(verdicts(runs.get('lsof')!)).toEqual(verdicts(runs.get(modes[0])!));
});

it.skipIf(!sandboxAvailable)('gives the same verdicts and messages with and without the sandbox', () => {
  expect(runs.get('on')!.sandbox.kind).toBe('bwrap');
  expect(runs.get('off')!.sandbox.kind).toBe('none');
  const verdicts = (graded: GradeRun) =>
    graded.submissions.map((result) => [result.id, result.checks.map((check) => [check.id, check.passed, translate(check.reason, 'en')])]);
  expect(verdicts(runs.get('off')!)).toEqual(verdicts(runs.get('on')!));
});

const resultOf = (id: string) => {
  const result = run.submissions.find((submission) => submission.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
};
const messageOf = (id: string, check: string) =>
  translate(resultOf(id).checks.find((c) => c.id === check)!.reason, 'en');

describe('udp-server rubric on the fixture corpus', () => {
  it('grades every fixture folder, and nothing else', () => {
    expect(run.submissions.map((submission) => submission.id).sort()).toEqual(Object.keys(expectedFailures).sort());
  });

  it.each(Object.entries(expectedFailures))('%s: exactly the expected checks fail', (id, failing) => {
    const result = resultOf(id);
    const actuallyFailing = result.checks.filter((check) => !check.passed).map((check) => check.id);
    expect(actuallyFailing).toEqual(failing);
    expect(result.fault).toBeUndefined();
    const lost = result.checks.filter((check) => failing.includes(check.id)).reduce((sum, check) => sum + check.maxPoints, 0);
    expect(result.score).toBe(20 - lost);
  });

  it('names the Python error and its line when the server crashes at start', () => {
    expect(messageOf('tab-error', 'starts')).toBe(
      'The program stopped before binding a socket (exit code 1): TabError: inconsistent use of tabs and spaces in indentation (line 9)',
    );
    expect(messageOf('name-error-at-start', 'starts')).toContain("NameError: name 'HOST' is not defined (line 6)");
    expect(messageOf('crashes-on-datagram', 'reply')).toContain("NameError: name 'adress' is not defined");
  });

  it('says why the checks after a failed start were not run', () => {
    expect(messageOf('never-binds', 'starts')).toBe('No UDP socket bound after 5 s.');
    expect(messageOf('never-binds', 'reply')).toBe('Not checked: the server did not start.');
    expect(messageOf('tcp-instead-of-udp', 'starts')).toContain('a TCP socket listens on port 3000: use SOCK_DGRAM');
  });

  it('shows the bytes and the port the student actually used', () => {
    expect(messageOf('wrong-reply', 'reply')).toBe("Got b'i am the server\\n' instead of b'i am the server'.");
    expect(messageOf('wrong-port', 'binds')).toBe('The code asks for port 3001; the handout asks for port 3000.');
    expect(messageOf('binds-all-interfaces', 'binds')).toContain('Bound to 0.0.0.0');
    expect(messageOf('ignores-ctrl-c', 'restart')).toBe('Still running 2 s after Ctrl+C: the program was killed.');
    expect(messageOf('exits-after-one', 'restart')).toBe('The server had already stopped before Ctrl+C (exit code 0).');
  });

  it('says which file it graded when the name differs', () => {
    expect(translate(resultOf('other-case-name').notes[0]!, 'en')).toBe(
      'simpleudpserveur.py was graded instead of simpleUDPServeur.py (same name, other case).',
    );
    expect(messageOf('missing-entry', 'shebang')).toBe('No simpleUDPServeur.py in this submission (files found: client.py, server.py).');
  });

  it('leaves no student process behind and the fixtures untouched', () => {
    expect(processesUnder(scratch)).toEqual([]);
    expect(treeFingerprint(fixtures)).toEqual(fixturesBefore);
  });
});

describe('reports of the fixture corpus', () => {
  const md = new MarkdownIt({ html: true });

  it('renders whatever a student prints as text only', () => {
    const tokens = md.parse(readFileSync(join(outDir, 'forges-markdown.md'), 'utf8'), {});
    const headings = tokens.flatMap((token, i) => (token.type === 'heading_open' ? [`${token.tag} ${tokens[i + 1]!.content}`] : []));
    expect(headings).toEqual([
      'h1 forges-markdown — Simple UDP server (simpleUDPServeur.py)',
      'h2 Program output',
      'h2 Output of the restarted program',
    ]);
    expect(tokens.filter((token) => token.type === 'html_block' || token.type === 'html_inline')).toEqual([]);
    expect(tokens.filter((token) => token.type === 'table_open')).toHaveLength(1);
    expect(tokens.filter((token) => token.type === 'tr_open')).toHaveLength(1 + udpServerCheckIds.length);
    const html = md.render(readFileSync(join(outDir, 'forges-markdown.md'), 'utf8'));
    expect(html).not.toMatch(/<(script|img|details|a)\b/);
  });

  it('writes a summary with one row per submission, sorted by id', () => {
    const tokens = md.parse(readFileSync(join(outDir, 'summary.md'), 'utf8'), {});
    const firstTable = tokens.slice(0, tokens.findIndex((token) => token.type === 'table_close'));
    expect(firstTable.filter((token) => token.type === 'tr_open')).toHaveLength(1 + Object.keys(expectedFailures).length);
    const results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8'));
    expect(results.rubric).toBe('udp-server');
    expect(results.submissions.map((s: { id: string }) => s.id)).toEqual(run.submissions.map((s) => s.id));
    const wrongReply = results.submissions.find((s: { id: string }) => s.id === 'wrong-reply');
    expect(wrongReply).toMatchObject({ score: 16, maxScore: 20 });
    expect(wrongReply.checks.find((c: { id: string }) => c.id === 'reply')).toEqual({
      id: 'reply',
      passed: false,
      points: 0,
      maxPoints: 4,
      message: "Got b'i am the server\\n' instead of b'i am the server'.",
    });
  });
});
