import { availableParallelism } from 'node:os';
import type { Submission } from './discovery/submission.js';
import type { PythonChoice } from './python/choice.js';
import type { Lang, Rubric } from './rubric/schema.js';
import type { Limits } from './sandbox/limits.js';
import type { SandboxMode, SandboxSupport } from './sandbox/support.js';
import type { Shard } from './classroom/shard.js';

// Everything one grading run needs; the CLI builds it from argv, tests build it directly.
export interface GradeOptions {
  readonly paths: readonly string[];
  // A rubric id (file name in rubrics/), the path of a rubric file, or a rubric already loaded.
  readonly rubric: string | Rubric;
  // Already discovered from `paths` (automatic rubric choice does it first); else discovered here.
  readonly submissions?: readonly Submission[];
  readonly outDir: string;
  readonly jobs: number;
  // The number of this run's first slot (runs side by side use distinct slots); 0 when absent.
  readonly firstSlot?: number;
  readonly lang: Lang;
  // The command that starts Python 3; resolved once to the real binary.
  readonly python: string;
  // Already started from `python` (the programs of one run share it); else started here.
  readonly pythonChoice?: PythonChoice;
  readonly failUnder?: number;
  // auto: sandbox every run where the system allows it; on: required; off: plain processes.
  readonly sandbox: SandboxMode;
  // Overrides of the rubric's resource limits.
  readonly limits?: Partial<Limits>;
  // Grade only this deterministic share of the class (CI runners in parallel; see `grade merge`).
  readonly shard?: Shard;
  // Reuse the result of a submission whose files, rubric and harness are unchanged since the last run.
  readonly changedOnly?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { readonly kind: 'start'; readonly total: number; readonly sandbox: SandboxSupport }
  | {
      readonly kind: 'graded';
      readonly id: string;
      readonly score: number;
      readonly maxScore: number;
      readonly done: number;
      readonly total: number;
      // Taken from the cache (--changed-only): no program was run.
      readonly reused: boolean;
    };

export const defaultOptions = {
  // Without --rubric, each submission is graded against the rubrics whose entry file it holds; one that
  // holds none is graded against this one, the lab's first program.
  fallbackRubric: 'udp-server',
  outDir: 'reports',
  jobs: availableParallelism(),
  python: 'python3',
  sandbox: 'auto',
} as const;

// French unless the environment says English: the lab is French, and so are most of its students.
export function langFromEnvironment(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
