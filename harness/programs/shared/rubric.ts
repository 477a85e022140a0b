import { HarnessFault } from '../../harness-fault.js';
import type { Rubric } from '../../rubric/schema.js';
import type { ProgramConfig, ProgramKind } from '../configs.js';

// A rubric whose `program:` section is known to be of one kind: what that kind's scenario and checks read.
export type RubricFor<K extends ProgramKind> = Rubric & { readonly program: Extract<ProgramConfig, { readonly kind: K }> };

// Narrows a rubric to the kind of program a grader handles; the registry never hands it another kind.
export function rubricFor<K extends ProgramKind>(rubric: Rubric, kind: K): RubricFor<K> {
  if (rubric.program.kind !== kind) throw new HarnessFault(`a ${kind} grader was given a ${rubric.program.kind} rubric`);
  return rubric as RubricFor<K>;
}
