import type { GradeRun } from '../grade.js';
import { translate } from '../messages/translate.js';
import type { Lang } from '../rubric/schema.js';

// reports/results.json: the stable, machine-readable result (documented in README.md, "results.json").
export interface ResultsJson {
  readonly version: 1;
  readonly rubric: string;
  readonly lang: Lang;
  readonly submissions: readonly {
    readonly id: string;
    readonly entry: string | null;
    readonly score: number;
    readonly maxScore: number;
    readonly fault: string | null;
    readonly notes: readonly string[];
    // Only in a student's view (--student), and only when the rubric hides checks.
    readonly hiddenChecks?: readonly { readonly id: string; readonly maxPoints: number }[];
    readonly checks: readonly {
      readonly id: string;
      readonly passed: boolean;
      readonly points: number;
      readonly maxPoints: number;
      readonly message: string;
    }[];
  }[];
}

// No timestamps or durations: grading the same class twice gives the same file.
export function renderResultsJson(run: GradeRun, lang: Lang): string {
  const results: ResultsJson = {
    version: 1,
    rubric: run.rubric.id,
    lang,
    submissions: run.submissions.map((result) => ({
      id: result.id,
      entry: result.entry ?? null,
      score: result.score,
      maxScore: result.maxScore,
      fault: result.fault ?? null,
      notes: result.notes.map((note) => translate(note, lang)),
      ...(result.hiddenChecks ? { hiddenChecks: result.hiddenChecks.map(({ id, maxPoints }) => ({ id, maxPoints })) } : {}),
      checks: result.checks.map((check) => ({
        id: check.id,
        passed: check.passed,
        points: check.points,
        maxPoints: check.maxPoints,
        message: translate(check.reason, lang),
      })),
    })),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
