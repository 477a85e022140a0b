import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type GradeRun } from '../harness/grade.js';
import { writeReports } from '../harness/reports/write.js';
import { translate } from '../harness/messages/translate.js';
import { udpServerCheckIds } from '../harness/programs/udp-server/check-ids.js';
import { gradeFixtureCorpus, verdicts } from './helpers/fixture-corpus.js';

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

const corpus = gradeFixtureCorpus({ rubric: 'udp-server', expectedFailures });
const { resultOf, messageOf } = corpus;
const outDir = join(corpus.scratch, 'reports');
let lsofRun: GradeRun | undefined;

beforeAll(async () => {
  // Where /proc is missing (macOS) sockets are read with lsof; forced here, the verdicts must not change.
  if (lsofAvailable) {
    process.env.GRADER_SOCKETS = 'lsof';
    try {
      lsofRun = await grade({ paths: [corpus.fixtures], rubric: 'udp-server', outDir, jobs: 4, lang: 'en', python: 'python3', sandbox: 'off' });
    } finally {
      delete process.env.GRADER_SOCKETS;
    }
  }
  await writeReports(corpus.run(), outDir, 'en');
});

it.skipIf(!lsofAvailable)('gives the same verdicts and messages when sockets are read with lsof instead of /proc', () => {
  expect(verdicts(lsofRun!)).toEqual(verdicts(corpus.run()));
});

describe('udp-server messages', () => {
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
    expect(results.submissions.map((s: { id: string }) => s.id)).toEqual(corpus.run().submissions.map((s) => s.id));
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
