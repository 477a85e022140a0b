import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Vitest global setup: every temporary folder of the run (the tests', the grader's copies) goes in one folder,
// removed when the run ends. The test workers start after this and inherit TMPDIR.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'netlab-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
