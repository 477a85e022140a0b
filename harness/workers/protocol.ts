import type { Submission } from '../discovery/submission.js';
import type { Toolchain } from '../launch/command.js';
import type { Rubric } from '../rubric/schema.js';
import type { StudentSandbox } from '../sandbox/student-sandbox.js';
import type { SubmissionResult } from '../scoring/result.js';

// What the harness tells a slot worker once, then for each submission, and what the worker answers.
export interface WorkerSetup {
  readonly rubric: Rubric;
  readonly tools: Toolchain;
  readonly sandbox: StudentSandbox;
}

export type ToWorker =
  // `workspaces`: the slot's own folder for its private copies, made and removed by the harness.
  | { readonly kind: 'setup'; readonly setup: WorkerSetup; readonly workspaces: string }
  | { readonly kind: 'grade'; readonly submission: Submission };

export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'result'; readonly result: SubmissionResult }
  // Not started: what an earlier submission left could not be cleared, so the slot grades nothing more.
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'fault'; readonly message: string };
