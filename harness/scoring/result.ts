import type { Message } from '../messages/translate.js';
import type { RunOutput } from '../launch/run-output.js';
import type { LocalizedText } from '../rubric/schema.js';
import type { Evidence } from './outcome.js';

// One check of one submission, scored: what every report format is rendered from.
export interface CheckResult {
  readonly id: string;
  readonly title: LocalizedText;
  readonly hint?: LocalizedText;
  readonly passed: boolean;
  readonly points: number;
  readonly maxPoints: number;
  readonly reason: Message;
  readonly evidence?: Evidence;
  // Could not run because an earlier step failed (see CheckOutcome).
  readonly blocked?: true;
  readonly line?: number;
}

export interface SubmissionResult {
  readonly id: string;
  // The file that was run, when one was found.
  readonly entry?: string;
  // Where that file is on disk (absolute), so CI annotations can point at the student's own file.
  readonly entryPath?: string;
  // Things the student should know that are not a check (e.g. another file was graded).
  readonly notes: readonly Message[];
  readonly score: number;
  readonly maxScore: number;
  readonly checks: readonly CheckResult[];
  // Checks kept from a student's view (--student): only their names and points are shown.
  readonly hiddenChecks?: readonly { readonly id: string; readonly title: LocalizedText; readonly maxPoints: number }[];
  readonly output?: RunOutput;
  readonly restartOutput?: RunOutput;
  // Set when the harness itself failed on this submission: its score then means nothing.
  readonly fault?: string;
  // Set when the result was taken from the cache (--changed-only): when it was computed (ISO 8601).
  readonly reusedFrom?: string;
  readonly durationMs: number;
}
