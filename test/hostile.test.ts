import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type GradeRun } from '../harness/grade.js';
import { writeReports } from '../harness/reports/write.js';
import { translate } from '../harness/messages/translate.js';
import { sandboxAvailable } from './helpers/sandbox.js';
import { processesUnder, treeFingerprint } from './helpers/tree.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'hostile');

// Checks that must fail for each hostile program; all others must pass (the attacks cost nothing else).
const expectedFailures: Record<string, readonly string[]> = {
  'forks-daemon': [],
  'floods-stdout': [],
  'forges-markdown': [],
  'process-storm': [],
  'sees-only-loopback': [],
  'writes-outside': [],
  'ignores-sigint': ['restart'],
  'spins-before-bind': ['starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
  'allocates-4g': ['starts', 'binds', 'reply', 'prints-message', 'prints-client', 'many-clients', 'reuseaddr', 'restart'],
};

// Plain mode contains less: these attacks reach outside a program's copy or see the host's network.
const sandboxOnly = new Set(['writes-outside', 'sees-only-loopback']);
// Graded in plain mode too (nothing may survive it), but its verdict there depends on the machine:
// as root nothing limits its 300 processes, which then all handle Ctrl+C at once.
const uncontainedInPlainMode = new Set(['process-storm']);

const scratch = mkdtempSync(join(tmpdir(), 'hostile-'));
process.env.TMPDIR = scratch;
// A file outside every submission that writes-outside hunts for (/tmp/**/CANARY*).
const canary = join(scratch, 'CANARY-teacher-notes.txt');
writeFileSync(canary, 'untouched\n');

async function gradeInto(name: string, paths: string[], sandbox: 'on' | 'off', jobs: number): Promise<{ run: GradeRun; out: string }> {
  const out = join(scratch, `reports-${name}`);
  const run = await grade({ paths, rubric: 'udp-server', outDir: out, jobs, lang: 'en', python: 'python3', sandbox });
  await writeReports(run, out, 'en');
  return { run, out };
}

function gradeCorpus(sandbox: 'on' | 'off'): Promise<{ run: GradeRun; out: string }> {
  const paths = Object.keys(expectedFailures)
    .filter((id) => sandbox === 'on' || !sandboxOnly.has(id))
    .map((id) => join(fixtures, id));
  return gradeInto(sandbox, paths, sandbox, 4);
}

const reportOf = (out: string, id: string) => readFileSync(join(out, `${id}.md`), 'utf8');

describe.each(sandboxAvailable ? (['on', 'off'] as const) : (['off'] as const))('hostile submissions, --sandbox %s', (mode) => {
  let run: GradeRun;
  let out: string;
  let fixturesBefore: Map<string, string>;
  beforeAll(async () => {
    fixturesBefore = treeFingerprint(fixtures);
    ({ run, out } = await gradeCorpus(mode));
  });

  it('grades every program, with exactly the expected failures', () => {
    const judged = (id: string) => mode === 'on' || !(sandboxOnly.has(id) || uncontainedInPlainMode.has(id));
    const failures = Object.fromEntries(
      run.submissions.filter((result) => judged(result.id)).map((result) => [result.id, result.checks.filter((c) => !c.passed).map((c) => c.id)]),
    );
    const expected = Object.fromEntries(Object.entries(expectedFailures).filter(([id]) => judged(id)));
    expect(failures).toEqual(expected);
    expect(run.submissions.every((result) => result.fault === undefined)).toBe(true);
  });

  it('leaves no process alive, daemons and forked children included, and changes no file outside the copies', () => {
    expect(processesUnder(scratch)).toEqual([]);
    expect(treeFingerprint(fixtures)).toEqual(fixturesBefore);
    expect(readFileSync(canary, 'utf8')).toBe('untouched\n');
  });

  it('says why a program that asks for 4 GiB did not start', () => {
    const starts = run.submissions.find((result) => result.id === 'allocates-4g')!.checks.find((check) => check.id === 'starts')!;
    expect(translate(starts.reason, 'en')).toContain('MemoryError (line 4)');
  });

  it('keeps a bounded excerpt of a 200 MB output and says how much was cut', () => {
    const report = reportOf(out, 'floods-stdout');
    expect(report).toMatch(/… \d+ bytes cut …/);
    expect(report.length).toBeLessThan(64 * 1024);
  });
});

describe.skipIf(!sandboxAvailable)('what a sandboxed program can reach', () => {
  let out: string;
  beforeAll(async () => {
    ({ out } = await gradeCorpus('on'));
  });

  it('sees a loopback interface and nothing else', () => {
    expect(reportOf(out, 'sees-only-loopback')).toMatch(/^interfaces: lo$/m);
  });

  it('cannot fork past its process limit', () => {
    expect(reportOf(out, 'process-storm')).toMatch(/fork refusé après \d+ processus : \[Errno 11\]/);
  });

  it('writes only inside its own copy and private /tmp; the system is read-only and the class folders are invisible', () => {
    const report = reportOf(out, 'writes-outside');
    expect(report).toMatch(/refused \/etc\/pwned/);
    // What it could write is its own: its copy's folder (../x, ~ is its HOME there) and its private /tmp.
    const written = [...report.matchAll(/^WROTE (\S+)$/gm)].map(([, path]) => path!);
    expect(written.length).toBeGreaterThan(0);
    for (const path of written) expect(path === '../x' || path === '/tmp/pwned' || /^\/.*\/grade-[^/]+\/pwned$/.test(path)).toBe(true);
    // This run's class folders and the grader's /tmp (where the canary is) were never even seen.
    expect(report).not.toContain(fixtures);
    expect(report).not.toContain('CANARY');
  });
});

// Sandboxed as root, a slot's programs share its namespace: what one leaves must be gone before the next starts.
describe.skipIf(!sandboxAvailable)('two submissions graded one after the other in the same slot', () => {
  const neighbours = join(import.meta.dirname, 'fixtures', 'slot-neighbours');
  let out: string;
  let run: GradeRun;
  beforeAll(async () => {
    ({ run, out } = await gradeInto('neighbours', [neighbours], 'on', 1));
  });

  it('grades both in full: the traces cost the first one nothing', () => {
    expect(run.submissions.map(({ id, score }) => [id, score])).toEqual([
      ['leaves-traces', 20],
      ['looks-for-traces', 20],
    ]);
  });

  it("the second sees neither the first one's /tmp file nor its detached process", () => {
    const report = reportOf(out, 'looks-for-traces');
    expect(report).toMatch(/^tmp: \[.*\]$/m);
    expect(report).not.toContain('left-by-a-neighbour');
    expect(report).toMatch(/^sleepers: 0$/m);
  });
});

// What the slot could not clear after a submission must cost the next one nothing: it goes to a fresh slot.
describe.skipIf(!sandboxAvailable)('a submission graded after one whose /tmp leftovers could not be cleared', () => {
  const fixture = (...path: string[]) => join(import.meta.dirname, 'fixtures', ...path);
  let out: string;
  let run: GradeRun;
  beforeAll(async () => {
    const paths = [fixture('slot-spoilt', 'leaves-a-folder-it-cannot-remove'), fixture('slot-neighbours', 'looks-for-traces')];
    ({ run, out } = await gradeInto('spoilt', paths, 'on', 1));
  });

  it('is graded in full, on a slot that never saw the leftovers', () => {
    expect(run.submissions.map(({ id, score, fault }) => [id, score, fault])).toEqual([
      ['leaves-a-folder-it-cannot-remove', 20, undefined],
      ['looks-for-traces', 20, undefined],
    ]);
    const report = reportOf(out, 'looks-for-traces');
    expect(report).toMatch(/^tmp: \[.*\]$/m);
    expect(report).not.toContain('stuck');
  });
});
