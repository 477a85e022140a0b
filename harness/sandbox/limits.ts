import type { z } from 'zod';
import type { limitsSchema } from './limits-schema.js';

// What one student program may consume (schema and defaults in ./limits-schema.ts).
export type Limits = z.infer<typeof limitsSchema>;

// The kernel's resource limits these set, by their names in Python's resource module (./launcher.py).
export function rlimits(limits: Limits): [name: string, value: number][] {
  const mib = 1024 * 1024;
  return [
    ['RLIMIT_DATA', limits.memoryMiB * mib],
    ['RLIMIT_CPU', limits.cpuSeconds],
    ['RLIMIT_FSIZE', limits.fileSizeMiB * mib],
    ['RLIMIT_NOFILE', limits.openFiles],
    ['RLIMIT_NPROC', limits.processes],
  ];
}

// prlimit's arguments for these limits (it sets them, then execs the program): --data=…, --cpu=…
export function prlimitArgs(limits: Limits): string[] {
  return rlimits(limits).map(([name, value]) => `--${name.slice('RLIMIT_'.length).toLowerCase()}=${value}`);
}
