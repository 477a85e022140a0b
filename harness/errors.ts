import { type Message, translate } from './messages/translate.js';

// Errors are for the harness's own faults (./harness-fault.ts) and bad input; a student's failure is a result, never
// an error.

export type BadInputCode =
  | 'PATH_NOT_FOUND'
  | 'NOTHING_TO_GRADE'
  | 'UNKNOWN_RUBRIC'
  | 'AMBIGUOUS_RUBRIC'
  | 'INVALID_RUBRIC'
  | 'NO_PYTHON'
  | 'NO_SANDBOX'
  | 'INVALID_OPTION';

// Bad input: the user can fix it; the message is one sentence that says how, in either language. Exit code 2.
export class BadInputError extends Error {
  override name = 'BadInputError';
  constructor(
    readonly code: BadInputCode,
    readonly sentence: Message,
  ) {
    super(translate(sentence, 'en'));
  }
}
