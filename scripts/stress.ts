// npm run stress [-- --rounds N]: grades the fixture class N times while other processes keep every
// core busy, and checks that results.json is identical every time. Not a unit test: it takes minutes.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { grade } from '../harness/grade.js';
import { writeReports } from '../harness/reports/write.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, sandbox: { type: 'string', default: 'auto' } } });
const rounds = Number(values.rounds);
const sandbox = values.sandbox as 'auto' | 'on' | 'off';
const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'udp-server');

// One spinning thread per core, for the whole run: the graded programs compete with them for the CPU.
const spinners = Array.from({ length: availableParallelism() }, () => new Worker('for (;;) {}', { eval: true }));

const outputs: string[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const out = mkdtempSync(join(tmpdir(), 'stress-'));
    const started = performance.now();
    const run = await grade({ paths: [fixtures], rubric: 'udp-server', outDir: out, jobs: availableParallelism(), lang: 'en', python: 'python3', sandbox });
    await writeReports(run, out, 'en');
    outputs.push(readFileSync(join(out, 'results.json'), 'utf8'));
    const same = outputs[round - 1] === outputs[0];
    console.log(`round ${round}/${rounds}: ${run.submissions.length} submissions, ${((performance.now() - started) / 1000).toFixed(1)} s, ${same ? 'identical' : 'DIFFERENT'} results.json`);
    if (!same) {
      const first = JSON.parse(outputs[0]!) as { submissions: { id: string; checks: { id: string; passed: boolean; message: string }[] }[] };
      const now = JSON.parse(outputs[round - 1]!) as typeof first;
      for (const [i, submission] of now.submissions.entries()) {
        for (const [j, check] of submission.checks.entries()) {
          const before = first.submissions[i]!.checks[j]!;
          if (before.passed !== check.passed || before.message !== check.message) {
            console.log(`  ${submission.id} ${check.id}: ${before.passed} "${before.message}" -> ${check.passed} "${check.message}"`);
          }
        }
      }
    }
  }
} finally {
  await Promise.all(spinners.map((spinner) => spinner.terminate()));
}
const differing = outputs.filter((output) => output !== outputs[0]).length;
console.log(differing === 0 ? `All ${rounds} rounds gave identical results.json.` : `${differing} of ${rounds} rounds differed.`);
process.exitCode = differing === 0 ? 0 : 1;
