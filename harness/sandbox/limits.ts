import type { z } from 'zod';
import type { limitsSchema } from './limits-schema.js';
import type { LaunchSpec } from '../launch/student-process.js';

// What one student program may consume (schema and defaults in ./limits-schema.ts).
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
