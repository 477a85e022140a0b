import { z } from 'zod';

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
