import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type GradeRun } from '../../harness/grade.js';
import { translate } from '../../harness/messages/translate.js';
import type { SubmissionResult } from '../../harness/scoring/result.js';
import { sandboxAvailable } from './sandbox.js';
import { processesUnder, treeFingerprint } from './tree.js';

export interface CorpusSpec {
  // The rubric id, which is also the folder of its fixtures under test/fixtures/.
  readonly rubric: string;
  // For each fixture folder, the checks that must fail; every other check must pass.
  readonly expectedFailures: Readonly<Record<string, readonly string[]>>;
  // When given: for each fixture folder, the checks that must be marked "not checked" (none when absent from it).
  readonly expectedBlocked?: Readonly<Record<string, readonly string[]>>;
}

export interface Corpus {
  readonly fixtures: string;
  readonly scratch: string;
  // The run of the first mode (sandboxed when possible).
  run(): GradeRun;
  resultOf(id: string): SubmissionResult;
  checkOf(id: string, check: string): SubmissionResult['checks'][number];
  messageOf(id: string, check: string, lang?: 'en' | 'fr'): string;
}

// Grades a rubric's fixture corpus once per sandbox mode (sandboxed where possible, and plain), and adds
// the tests every corpus shares: exact failing and blocked checks per fixture, the same verdicts in both
// modes, no process left behind and the fixtures untouched. The caller adds its own message tests.
export function gradeFixtureCorpus(spec: CorpusSpec): Corpus {
  const fixtures = join(import.meta.dirname, '..', 'fixtures', spec.rubric);
  // Workspaces go to a folder of this test file's own, so leftover processes can be told apart from other tests'.
  const scratch = mkdtempSync(join(tmpdir(), `${spec.rubric}-verdicts-`));
  process.env.TMPDIR = scratch;

  const modes = sandboxAvailable ? (['on', 'off'] as const) : (['off'] as const);
  const runs = new Map<(typeof modes)[number], GradeRun>();
  let fixturesBefore: Map<string, string>;

  beforeAll(async () => {
    fixturesBefore = treeFingerprint(fixtures);
    for (const sandbox of modes) {
      const outDir = join(scratch, `reports-${sandbox}`);
      runs.set(sandbox, await grade({ paths: [fixtures], rubric: spec.rubric, outDir, jobs: 4, lang: 'en', python: 'python3', sandbox }));
    }
  });

  const run = () => runs.get(modes[0])!;
  const resultOf = (id: string) => {
    const result = run().submissions.find((submission) => submission.id === id);
    if (!result) throw new Error(`no result for ${id}`);
    return result;
  };
  const checkOf = (id: string, check: string) => {
    const found = resultOf(id).checks.find((c) => c.id === check);
    if (!found) throw new Error(`no check ${check} for ${id}`);
    return found;
  };
  const messageOf = (id: string, check: string, lang: 'en' | 'fr' = 'en') => translate(checkOf(id, check).reason, lang);

  describe(`${spec.rubric} rubric on the fixture corpus`, () => {
    it('grades every fixture folder, and nothing else, against 20 points', () => {
      expect(run().submissions.map((submission) => submission.id).sort()).toEqual(Object.keys(spec.expectedFailures).sort());
      expect(run().rubric.checks.reduce((sum, check) => sum + check.points, 0)).toBe(20);
    });

    it.each(Object.entries(spec.expectedFailures))('%s: exactly the expected checks fail', (id, failing) => {
      const result = resultOf(id);
      expect(result.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual(failing);
      if (spec.expectedBlocked) {
        expect(result.checks.filter((check) => check.blocked).map((check) => check.id)).toEqual(spec.expectedBlocked[id] ?? []);
      }
      expect(result.fault).toBeUndefined();
      const lost = result.checks.filter((check) => failing.includes(check.id)).reduce((sum, check) => sum + check.maxPoints, 0);
      expect(result.score).toBe(20 - lost);
    });

    it.skipIf(!sandboxAvailable)('gives the same verdicts and messages with and without the sandbox', () => {
      expect(runs.get('on')!.sandbox.kind).toBe('bwrap');
      expect(runs.get('off')!.sandbox.kind).toBe('none');
      expect(verdicts(runs.get('off')!)).toEqual(verdicts(runs.get('on')!));
    });

    it('leaves no student process behind and the fixtures untouched', () => {
      expect(processesUnder(scratch)).toEqual([]);
      expect(treeFingerprint(fixtures)).toEqual(fixturesBefore);
    });
  });

  return { fixtures, scratch, run, resultOf, checkOf, messageOf };
}

export function verdicts(graded: GradeRun) {
  return graded.submissions.map((result) => [result.id, result.checks.map((check) => [check.id, check.passed, translate(check.reason, 'en')])]);
}
