import type { Toolchain } from '../../launch/command.js';
import type { Rubric } from '../../rubric/schema.js';
import type { Confinement } from '../../sandbox/confinement.js';

// What grading one submission against one rubric needs, whatever kind of program the rubric describes.
export interface ScenarioContext {
  readonly rubric: Rubric;
  readonly tools: Toolchain;
  // How every program is confined: a slot's sandbox, or plain mode's limits.
  readonly confinement: Confinement;
  // Fires when this submission must stop now (its deadline, or the user's Ctrl+C): programs are killed.
  readonly signal?: AbortSignal;
}
