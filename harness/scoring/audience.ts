import { message } from '../messages/translate.js';
import type { GradeRun } from '../grade.js';
import type { Rubric } from '../rubric/schema.js';
import type { CheckResult, SubmissionResult } from './result.js';

// Who reads the reports: the teacher sees everything; a student sees what the rubric lets them see.
export type Audience = 'teacher' | 'student';

export function audienceFromEnvironment(env: NodeJS.ProcessEnv = process.env): Audience {
  return env.GRADE_AUDIENCE === 'student' ? 'student' : 'teacher';
}

// The run as a student may see it: hidden checks reduced to their names, feedback cut to the rubric's level.
// Applied after scoring and before every report, so no format can leak what another hides.
export function forAudience(run: GradeRun, audience: Audience): GradeRun {
  if (audience === 'teacher') return run;
  return { ...run, submissions: run.submissions.map((result) => forStudent(result, run.rubric)) };
}

function forStudent(result: SubmissionResult, rubric: Rubric): SubmissionResult {
  const settings = new Map(rubric.checks.map((check) => [check.id, check]));
  const visible = result.checks.filter((check) => settings.get(check.id)?.visibility !== 'hidden');
  const hidden = result.checks.filter((check) => settings.get(check.id)?.visibility === 'hidden');
  const checks = visible.map((check) => withFeedback(check, settings.get(check.id)?.feedback ?? 'full'));
  return {
    ...result,
    checks,
    score: checks.reduce((sum, check) => sum + check.points, 0),
    maxScore: checks.reduce((sum, check) => sum + check.maxPoints, 0),
    ...(hidden.length > 0 ? { hiddenChecks: hidden.map(({ id, title, maxPoints }) => ({ id, title, maxPoints })) } : {}),
  };
}

function withFeedback(check: CheckResult, feedback: 'full' | 'actual-only' | 'none'): CheckResult {
  if (feedback === 'full') return check;
  const { evidence, line: _line, ...rest } = check;
  if (feedback === 'none') {
    return { ...rest, reason: message(check.passed ? 'feedback.passed' : 'feedback.none') };
  }
  // actual-only: what the program did stays; what was expected (and any hint at it) goes.
  if (evidence?.kind === 'bytes') {
    return { ...rest, reason: message('feedback.actual-only'), evidence: { kind: 'received', received: evidence.received } };
  }
  return check.passed ? { ...rest, reason: message('feedback.passed') } : check;
}
