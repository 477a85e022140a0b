import type { Toolchain } from '../../launch/command.js';
import type { Rubric } from '../../rubric/schema.js';
import type { Limits } from '../../sandbox/limits.js';
import type { StudentSandbox } from '../../sandbox/student-sandbox.js';

// What grading one submission against one rubric needs, whatever kind of program the rubric describes.
export interface ScenarioContext {
  readonly rubric: Rubric;
  readonly tools: Toolchain;
  // Absent: programs run unsandboxed (plain mode), in their own process group.
  readonly sandbox?: StudentSandbox;
  // Plain mode's resource limits, when prlimit exists.
  readonly plainLimits?: { readonly prlimit: string; readonly limits: Limits };
  // Fires when this submission must stop now (its deadline, or the user's Ctrl+C): programs are killed.
  readonly signal?: AbortSignal;
}
