import { existsSync, readdirSync, readFileSync } from 'node:fs';

// Every process this pid namespace shows in /proc (threads are not listed); none where there is no /proc (macOS).
export function processIds(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((entry) => /^\d+$/.test(entry)).map(Number);
}

// Whether a process has ended: gone from /proc, or a zombie not reaped yet. Never where there is no /proc.
export function hasEnded(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return existsSync('/proc/self');
  }
  return /\) [ZX] /.test(stat);
}
