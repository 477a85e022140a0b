import { BadInputError } from '../errors.js';
import { HarnessFault } from '../harness-fault.js';
import { translate } from '../messages/translate.js';
import type { Lang } from '../rubric/schema.js';

// Bad input: its one sentence. Anything else is the grader's fault: say so, with what to report.
export function printError(error: unknown, lang: Lang): void {
  if (error instanceof BadInputError) {
    process.stderr.write(`grade: ${translate(error.sentence, lang)}\n`);
    return;
  }
  const detail = error instanceof HarnessFault ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`grade: internal error, please report it with this output:\n${detail}\n`);
}
