import { type Message, message } from '../../messages/translate.js';
import { firstLineMatching } from '../../python/source-lines.js';
import { atLine, type CheckOutcome, fail, pass } from '../../scoring/outcome.js';
import type { ProgramObservations } from './observations.js';

// Verdicts every kind of lab program shares (servers and clients): pure functions of observations.

// The file starts with the line the handout asks for.
export function judgeShebang(observed: ProgramObservations, expected: string): CheckOutcome {
  if (observed.kind === 'no-entry') return fail(noEntry(observed));
  const text = observed.source.toString('utf8');
  if (text.length === 0) return fail(message('shebang.empty'));
  const line = text.split('\n')[0]!;
  return line === expected
    ? pass(message('shebang.ok', { line: quote(line) }))
    : fail(message('shebang.wrong', { line: quote(line), expected: quote(expected) }));
}

// A kind's checks, each failed verdict pointing at the line of the student's file involved (see below);
// `calls`: per check, the calls that line makes.
export function withLines<Id extends string, O extends ProgramObservations, R>(
  judges: Readonly<Record<Id, (observed: O, rubric: R) => CheckOutcome>>,
  calls: Readonly<Partial<Record<Id, readonly RegExp[]>>>,
): Record<Id, (observed: O, rubric: R) => CheckOutcome> {
  const entries = Object.entries<(observed: O, rubric: R) => CheckOutcome>(judges).map(([id, judge]) => [
    id,
    (observed: O, rubric: R) => pointingAtLine(judge(observed, rubric), observed, calls[id as Id] ?? []),
  ]);
  return Object.fromEntries(entries) as Record<Id, (observed: O, rubric: R) => CheckOutcome>;
}

// A failed verdict points at the line of the student's file involved: the line the verdict names itself,
// else the crash's own line, else the first line that makes one of `calls` (the bind, the sendto…).
export function pointingAtLine(outcome: CheckOutcome, observed: ProgramObservations, calls: readonly RegExp[]): CheckOutcome {
  if (outcome.passed || outcome.blocked || outcome.line !== undefined || observed.kind === 'no-entry') return outcome;
  if (outcome.evidence?.kind === 'python-error') return atLine(outcome, outcome.evidence.error.line);
  const line = calls.map((pattern) => firstLineMatching(observed.source, pattern)).find((found) => found !== undefined);
  return atLine(outcome, line);
}

export function noEntry(observed: ProgramObservations & { kind: 'no-entry' }): Message {
  const candidates = observed.candidates.length > 0 ? message('entry.candidates', { names: observed.candidates.join(', ') }) : '';
  return message('entry.missing', { expected: observed.expected, candidates });
}

export function quote(text: string): string {
  return JSON.stringify(text);
}
