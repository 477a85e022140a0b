import type { Message } from '../messages/translate.js';
import type { PythonError } from '../python/traceback.js';

// What a failed check can show beyond its one-line reason.
export type Evidence =
  | { readonly kind: 'bytes'; readonly expected: Buffer; readonly received: Buffer | undefined; readonly difference?: Message }
  | { readonly kind: 'python-error'; readonly error: PythonError }
  // What the program sent, without what was expected (a check with feedback: actual-only, for students).
  | { readonly kind: 'received'; readonly received: Buffer | undefined };

// The verdict of one check on one submission. Passing or not, it always says why.
// `blocked`: the check could not run because an earlier step failed; it fails, an unknown state earns nothing.
export interface CheckOutcome {
  readonly passed: boolean;
  readonly reason: Message;
  readonly evidence?: Evidence;
  readonly blocked?: true;
  // The line of the student's file the verdict is about (the crash, the bind call…), when known.
  readonly line?: number;
}

export const pass = (reason: Message, evidence?: Evidence): CheckOutcome =>
  evidence ? { passed: true, reason, evidence } : { passed: true, reason };
export const fail = (reason: Message, evidence?: Evidence): CheckOutcome =>
  evidence ? { passed: false, reason, evidence } : { passed: false, reason };
export const blocked = (reason: Message): CheckOutcome => ({ passed: false, reason, blocked: true });

// The same outcome, pointing at a line of the student's file.
export const atLine = (outcome: CheckOutcome, line: number | undefined): CheckOutcome =>
  line === undefined || outcome.passed ? outcome : { ...outcome, line };
