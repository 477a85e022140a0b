import { readdirSync } from 'node:fs';

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
