import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isRunnable } from '../discovery/runnable.js';
import type { Submission } from '../discovery/submission.js';
import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';
import { programKinds } from '../programs/kinds.js';
import type { Rubric } from './schema.js';

// Which lab programs each submission holds, when no --rubric is given: a rubric is chosen for a submission
// when its entry file is there, in any case or as the same name in another runnable language (the
// TypeScript references). A submission that holds none is graded against the fallback rubric, whose
// report then says which file was expected.

export interface ProgramPlan {
  readonly rubric: Rubric;
  readonly submissions: readonly Submission[];
}

// One plan per rubric that some submission matches, in the order of `rubrics` (the lab's order).
export async function planPrograms(submissions: readonly Submission[], rubrics: readonly Rubric[], fallback: Rubric): Promise<ProgramPlan[]> {
  const chosen = new Map<Rubric, Submission[]>();
  for (const submission of submissions) {
    const names = await runnableNames(submission);
    const matching = rubrics.filter((rubric) => names.some((name) => isEntryOf(name, rubric)));
    const clash = matching.find((rubric) => matching.some((other) => other !== rubric && sameEntry(other, rubric)));
    if (clash) {
      const ids = matching.filter((rubric) => sameEntry(rubric, clash)).map((rubric) => rubric.id);
      throw new BadInputError('AMBIGUOUS_RUBRIC', message('input.ambiguous-rubric', { entry: clash.program.entry, rubrics: ids.join(', ') }));
    }
    for (const rubric of matching.length > 0 ? matching : [fallback]) chosen.set(rubric, [...(chosen.get(rubric) ?? []), submission]);
  }
  const order = [...rubrics, ...(rubrics.includes(fallback) ? [] : [fallback])];
  return order.flatMap((rubric) => {
    const found = chosen.get(rubric);
    return found ? [{ rubric, submissions: found }] : [];
  });
}

// In the lab's order (the order of program kinds), then by id.
export function inLabOrder(rubrics: readonly Rubric[]): Rubric[] {
  const rank = (rubric: Rubric) => (programKinds as readonly string[]).indexOf(rubric.program.kind);
  return [...rubrics].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// Two rubrics for the same file (a teacher's variant next to the lab's): which one to use is the user's call.
function sameEntry(a: Rubric, b: Rubric): boolean {
  const stem = (rubric: Rubric) => basename(rubric.program.entry, extname(rubric.program.entry)).toLowerCase();
  return stem(a) === stem(b);
}

function isEntryOf(name: string, rubric: Rubric): boolean {
  const expected = rubric.program.entry.toLowerCase();
  const lower = name.toLowerCase();
  if (lower === expected) return true;
  const stem = (file: string) => basename(file, extname(file));
  return stem(lower) === stem(expected) && Object.keys(rubric.launch).includes(extname(lower));
}

// A file named on the command line is the only candidate; a folder offers its runnable files.
async function runnableNames(submission: Submission): Promise<string[]> {
  if (submission.file) return [basename(submission.file)];
  const entries = readdirSync(submission.dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && isRunnable(entry.name)).map((entry) => entry.name);
}
