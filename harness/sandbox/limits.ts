import { z } from 'zod';
import type { LaunchSpec } from '../launch/student-process.js';

// What one student program may consume; defaults in the rubric, overridable on the command line.
export const limitsSchema = z
  .strictObject({
    // RLIMIT_DATA (heap and private mappings), not RLIMIT_AS: Node and some Python builds reserve
    // gigabytes of address space they never use, and would not even start under an AS limit.
    memoryMiB: z.number().int().positive().default(512),
    cpuSeconds: z.number().int().positive().default(10),
    fileSizeMiB: z.number().int().positive().default(16),
    openFiles: z.number().int().positive().default(256),
    processes: z.number().int().positive().default(64),
    // The whole grading of one submission, all steps included; past it the slot is killed.
    submissionSeconds: z.number().int().positive().default(60),
  })
  .prefault({});

export type Limits = z.infer<typeof limitsSchema>;

// prlimit's arguments for these limits (it sets them, then execs the program).
export function prlimitArgs(limits: Limits): string[] {
  const mib = 1024 * 1024;
  return [
    `--data=${limits.memoryMiB * mib}`,
    `--cpu=${limits.cpuSeconds}`,
    `--fsize=${limits.fileSizeMiB * mib}`,
    `--nofile=${limits.openFiles}`,
    `--nproc=${limits.processes}`,
  ];
}

// Unsandboxed runs get the same limits: prlimit sets them and execs the program, adding no process.
// (As root, the process limit is not enforced without the sandbox's uid drop.)
export function limitedLaunch(spec: LaunchSpec, prlimit: string, limits: Limits): LaunchSpec {
  return { ...spec, argv: [prlimit, ...prlimitArgs(limits), '--', ...spec.argv] };
}
