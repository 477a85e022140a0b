import { entryPath } from '../../discovery/entry-file.js';
import type { Submission } from '../../discovery/submission.js';
import type { RunOutput } from '../../launch/run-output.js';
import { type Message, message } from '../../messages/translate.js';
import type { Rubric } from '../../rubric/schema.js';
import { type CheckOutcome, fail } from '../../scoring/outcome.js';
import type { SubmissionResult } from '../../scoring/result.js';
import { scoreChecks } from '../../scoring/score.js';
import type { ProgramKind } from '../configs.js';
import type { ScenarioContext } from './context.js';
import type { ProgramObservations } from './observations.js';
import { type RubricFor, rubricFor } from './rubric.js';
import { now } from '../../clock.js';

// What any kind's observations give its result beyond the checks: the program's output (and a restarted run's).
// A client run twice (against an answering and a silent server) shows the first; the second is in its check's message.
type WithOutput = ProgramObservations<{ readonly output: RunOutput; readonly restartOutput?: RunOutput }>;

// A kind's grading: submission -> its scenario's observations -> its checks' verdicts -> score.
export function programGrader<K extends ProgramKind, O extends WithOutput, Id extends string>(
  kind: K,
  observe: (submission: Submission, context: ScenarioContext) => Promise<O>,
  checks: Readonly<Record<Id, (observed: O, rubric: RubricFor<K>) => CheckOutcome>>,
): (submission: Submission, context: ScenarioContext) => Promise<SubmissionResult> {
  return async (submission, context) => {
    const started = now();
    const rubric = rubricFor(context.rubric, kind);
    const observed = await observe(submission, context);
    const judge = (id: string) => (Object.hasOwn(checks, id) ? checks[id as Id](observed, rubric) : undefined);
    return programResult(submission, rubric, observed, judge, now() - started);
  };
}

// observations -> verdicts -> score, for any kind: `judge` gives the kind's verdict of one check id
// (undefined for an id the kind does not know, which the rubric's rules already reject).
function programResult(
  submission: Submission,
  rubric: Rubric,
  observed: WithOutput,
  judge: (checkId: string) => CheckOutcome | undefined,
  durationMs: number,
): SubmissionResult {
  const scored = scoreChecks(rubric, (id) => judge(id) ?? fail(message('skipped.no-entry')));
  const base = { id: submission.id, notes: notesOf(observed, rubric), ...scored, durationMs };
  if (observed.kind === 'no-entry') return base;
  const withEntry = { ...base, entry: observed.entry.name, entryPath: entryPath(submission, observed.entry.name) };
  if (observed.kind !== 'ran') return withEntry;
  return observed.restartOutput
    ? { ...withEntry, output: observed.output, restartOutput: observed.restartOutput }
    : { ...withEntry, output: observed.output };
}

// Another file than the expected one was graded: the report says which and why.
function notesOf(observed: WithOutput, rubric: Rubric): Message[] {
  if (observed.kind === 'no-entry' || observed.entry.kind !== 'substitute') return [];
  return [message(`entry.substitute.${observed.entry.why}`, { name: observed.entry.name, expected: rubric.program.entry })];
}
