import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processesUnder } from './helpers/tree.js';
import { waitUntil } from './helpers/wait.js';
import { cliPath as cli } from './helpers/cli.js';
import { sandboxAvailable } from './helpers/sandbox.js';
import { childrenOf, hasEnded } from '../harness/launch/proc-pids.js';

// The student's view of the CLI: the checklist, --watch, and what --student hides.
const fixtures = join(import.meta.dirname, 'fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'self-check-'));

async function selfCheck(folder: string, args: string[], env: Record<string, string> = {}) {
  const out = mkdtempSync(join(scratch, 'out-'));
  const result = await execa('node', [cli, folder, '--out', out, ...args], { reject: false, env: { NO_COLOR: '1', ...env } });
  // The only things that change between runs: where the reports went.
  return { ...result, out, stdout: String(result.stdout).replaceAll(out, '<out>') };
}

describe('the terminal checklist', () => {
  it.each([
    ['correct', 'fr'],
    ['correct', 'en'],
    ['wrong-reply', 'fr'],
    ['wrong-reply', 'en'],
    ['tab-error', 'fr'],
  ])('%s in %s', async (fixture, lang) => {
    const { stdout, exitCode } = await selfCheck(join(fixtures, 'udp-server', fixture), ['--lang', lang]);
    expect(exitCode).toBe(0);
    await expect(stdout).toMatchFileSnapshot(join('__snapshots__', 'checklist', `${fixture}.${lang}.txt`));
  });

  it('writes no colour when not on a terminal', async () => {
    const { stdout } = await selfCheck(join(fixtures, 'udp-server', 'wrong-reply'), ['--lang', 'en'], { NO_COLOR: '' });
    expect(stdout).not.toContain('\u001b[');
  });
});

describe('--student and the rubric visibility rules', () => {
  const rubric = (name: string) => join(fixtures, 'rubrics', `${name}.yaml`);

  it('the teacher sees every check, the student sees hidden checks by name only', async () => {
    const folder = join(fixtures, 'udp-server', 'wrong-reply');
    const teacher = await selfCheck(folder, ['--lang', 'en', '--rubric', rubric('hidden-reply')]);
    expect(teacher.stdout).toContain("Got b'i am the server\\n' instead of b'i am the server'.");
    expect(teacher.stdout).toContain('Score: 16/20');

    const student = await selfCheck(folder, ['--lang', 'en', '--rubric', rubric('hidden-reply'), '--student']);
    expect(student.stdout).toMatch(/🔒\s+4\s+reply\s+\(hidden check\)/);
    expect(student.stdout).not.toContain('i am the server\\n');
    expect(student.stdout).toContain('Score: 16/16');
    const results = JSON.parse(readFileSync(join(student.out, 'results.json'), 'utf8'));
    expect(results.submissions[0].checks.map((check: { id: string }) => check.id)).not.toContain('reply');
    expect(results.submissions[0].hiddenChecks).toEqual([{ id: 'reply', maxPoints: 4 }]);
    expect(readFileSync(join(student.out, 'wrong-reply.md'), 'utf8')).not.toContain('i am the server\\n');
  });

  it('GRADE_AUDIENCE=student applies the same rules; feedback none reveals nothing of a failure', async () => {
    const student = await selfCheck(join(fixtures, 'udp-server', 'wrong-port'), ['--lang', 'en', '--rubric', rubric('hidden-reply')], {
      GRADE_AUDIENCE: 'student',
    });
    expect(student.stdout).toContain('Failed (the details of this check are not shown).');
    expect(student.stdout).not.toContain('3001');
    expect(student.stdout).not.toContain('Line of your file');
  });

  it('feedback actual-only shows what was sent, not what was expected', async () => {
    const folder = join(fixtures, 'udp-server', 'wrong-reply');
    const student = await selfCheck(folder, ['--lang', 'en', '--rubric', rubric('actual-only-reply'), '--student']);
    expect(student.stdout).toContain('Failed: here is what your program sent (what was expected is not shown).');
    expect(student.stdout).toContain("Received: b'i am the server\\n'");
    expect(student.stdout).not.toContain('instead of');
    expect(student.stdout).not.toContain('Difference');
  });
});

describe('--watch', () => {
  // A student's folder (the wrong-reply fixture) graded with --watch; `save` fixes the reply.
  function watchStudent(name: string, sandbox: 'on' | 'off') {
    const workspaces = join(scratch, `${name}-tmp`);
    mkdirSync(workspaces);
    const folder = join(scratch, name);
    cpSync(join(fixtures, 'udp-server', 'wrong-reply'), folder, { recursive: true });
    const grader = execa('node', [cli, folder, '--watch', '--lang', 'en', '--out', join(scratch, `${name}-out`), '--sandbox', sandbox], {
      reject: false,
      env: { NO_COLOR: '1', TMPDIR: workspaces },
    });
    const output = { stdout: '', stderr: '' };
    grader.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
    grader.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
    const file = join(folder, 'simpleUDPServeur.py');
    const save = () => writeFileSync(file, readFileSync(file, 'utf8').replace('b"i am the server\\n"', 'b"i am the server"'));
    return { grader, output, save, workspaces };
  }

  it('grades again when the student saves, and stops on Ctrl+C leaving nothing running', async () => {
    const { grader, output, save, workspaces } = watchStudent('alice', 'off');
    await waitUntil(() => output.stderr.includes('Waiting for a change'), 30_000, 'the first grading');
    expect(output.stdout).toContain('Score: 16/20');

    // The student fixes the reply and saves.
    save();
    await waitUntil(() => output.stdout.includes('Score: 20/20'), 30_000, 'the re-grade after the save');

    grader.kill('SIGINT');
    const { exitCode } = await grader;
    expect(exitCode).toBe(130);
    expect(processesUnder(workspaces)).toEqual([]);
  });

  // Its slot (bwrap, a Node worker) boots while the student edits: the run after a save does not wait for one.
  it.skipIf(!sandboxAvailable)('sandboxed, the run after a save takes the slot booted while it waited', async () => {
    const { grader, output, save, workspaces } = watchStudent('bruno', 'on');
    const waits = () => output.stderr.split('Waiting for a change').length - 1;
    // The harness's children that are slots (bwrap) and still running: a killed one may wait to be reaped.
    const slots = () => childrenOf(grader.pid!).filter((pid) => !hasEnded(pid) && commandOf(pid) === 'bwrap');

    await waitUntil(() => waits() === 1, 30_000, 'the first grading');
    expect(output.stdout).toContain('Score: 16/20');
    await waitUntil(() => slots().length === 1, 10_000, 'a slot booted for the next save');
    const waiting = slots();

    save();
    await waitUntil(() => waits() === 2, 30_000, 'the re-grade after the save');
    expect(output.stdout).toContain('Score: 20/20');
    // The slot that waited graded the save and is gone with its run; a new one waits for the next save.
    await waitUntil(() => !slots().includes(waiting[0]!), 10_000, 'the used slot to end');
    await waitUntil(() => slots().length === 1, 10_000, 'a slot booted for the save after');

    grader.kill('SIGINT');
    expect((await grader).exitCode).toBe(130);
    expect(processesUnder(workspaces)).toEqual([]);
  });
});

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
