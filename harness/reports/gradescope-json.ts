import { translate } from '../messages/translate.js';
import type { Lang, Rubric } from '../rubric/schema.js';
import type { CheckResult, SubmissionResult } from '../scoring/result.js';
import { colon, label, localized } from './format.js';
import { plainText } from './markdown-text.js';
import { renderSubmissionMarkdown } from './submission-markdown.js';

// Gradescope's autograder results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/),
// limited to the fields this harness fills.
export interface GradescopeResults {
  readonly score: number;
  readonly output: string;
  readonly output_format: 'md';
  readonly tests: readonly GradescopeTest[];
}

export interface GradescopeTest {
  readonly name: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: 'passed' | 'failed';
  readonly output: string;
  readonly output_format: 'md';
  readonly visibility?: 'after_published';
}

/**
 * reports/gradescope/<id>.json: what a Gradescope autograder writes to /autograder/results/results.json.
 * - `score` is the submission's score (Gradescope takes it over the sum of the tests; they agree).
 *   No top-level `max_score`: the specification has none, Gradescope uses the assignment's points.
 * - `output` is the submission's Markdown report (the same text as reports/<id>.md, already safe
 *   Markdown: whatever the student printed stays inert), with `output_format: "md"`.
 * - One test per check: name "id — title", score and max_score, status, and as output the check's
 *   message (and the hint when it failed), as Markdown escaped like the reports.
 * - A check the rubric marks hidden gets `visibility: "after_published"`: on the teacher's run the
 *   student sees it, and the total, once the teacher publishes grades. (A --student run has already
 *   left such checks out, and its score without them; run Gradescope as the teacher.)
 * - No execution_time: the file stays deterministic, like results.json.
 */
export function renderGradescopeJson(result: SubmissionResult, rubric: Rubric, lang: Lang): string {
  const hidden = new Set(rubric.checks.filter((check) => check.visibility === 'hidden').map((check) => check.id));
  const results: GradescopeResults = {
    score: result.score,
    output: renderSubmissionMarkdown(result, rubric, lang),
    output_format: 'md',
    tests: result.checks.map((check) => ({
      name: `${check.id} — ${localized(check.title, lang)}`,
      score: check.points,
      max_score: check.maxPoints,
      status: check.passed ? 'passed' : 'failed',
      output: testOutput(check, lang),
      output_format: 'md',
      ...(hidden.has(check.id) ? { visibility: 'after_published' as const } : {}),
    })),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}

// Why: what the student reads when opening one test on Gradescope.
function testOutput(check: CheckResult, lang: Lang): string {
  const parts = [plainText(translate(check.reason, lang))];
  if (!check.passed && check.line !== undefined && check.evidence?.kind !== 'python-error') parts.push(plainText(label('yourLine', lang, { line: check.line })));
  if (!check.passed && !check.blocked && check.hint) parts.push(`**${label('hint', lang)}${colon(lang)}** ${plainText(localized(check.hint, lang))}`);
  return parts.join('\n\n');
}
