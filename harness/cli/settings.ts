import type { Shard } from '../classroom/shard.js';
import type { ReportOptions } from '../reports/formats.js';
import type { Lang } from '../rubric/schema.js';
import type { Limits } from '../sandbox/limits.js';
import type { SandboxMode } from '../sandbox/support.js';
import type { Audience } from '../scoring/audience.js';

// What the command line asked for, once parsed and checked: everything the CLI's modules need.
export interface CliSettings {
  readonly paths: readonly string[];
  // Absent: each submission is graded against the rubrics whose entry file it holds.
  readonly rubric?: string;
  readonly out: string;
  readonly jobs: number;
  readonly lang: Lang;
  readonly python: string;
  readonly sandbox: SandboxMode;
  readonly limits: Partial<Limits>;
  readonly failUnder?: number;
  readonly shard?: Shard;
  readonly changedOnly: boolean;
  readonly audience: Audience;
  readonly report: ReportOptions;
}
