import type { Rubric } from '../rubric/schema.js';
import type { CheckOutcome } from './outcome.js';
import type { CheckResult } from './result.js';

// All or nothing per check, in the rubric's order; the score is the sum of the points.
export function scoreChecks(rubric: Rubric, outcomes: (checkId: string) => CheckOutcome): { score: number; maxScore: number; checks: CheckResult[] } {
  const checks = rubric.checks.map((check): CheckResult => {
    const outcome = outcomes(check.id);
    return {
      id: check.id,
      title: check.title,
      ...(check.hint ? { hint: check.hint } : {}),
      passed: outcome.passed,
      points: outcome.passed ? check.points : 0,
      maxPoints: check.points,
      reason: outcome.reason,
      ...(outcome.evidence ? { evidence: outcome.evidence } : {}),
      ...(outcome.blocked ? { blocked: true } : {}),
      ...(outcome.line === undefined ? {} : { line: outcome.line }),
    };
  });
  return {
    score: checks.reduce((sum, check) => sum + check.points, 0),
    maxScore: checks.reduce((sum, check) => sum + check.maxPoints, 0),
    checks,
  };
}
