import { execa, execaSync } from 'execa';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The cache of --python's resolution, through the built CLI: a run after an identical one grades with the
// cached interpreter at once, and only a confirmed guess counts.
const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'harness', 'cli.js');
const correct = readFileSync(join(import.meta.dirname, 'fixtures', 'udp-server', 'correct', 'simpleUDPServeur.py'), 'utf8');
const realPython = execaSync('python3', ['-c', 'import sys; print(sys.executable)']).stdout.trim();
const scratch = mkdtempSync(join(tmpdir(), 'python-cache-'));

// A --python that records its calls and runs the interpreter named in `target`. With `hold`, it answers the
// resolution only once a student program has started (a run waiting for it would give up after 10 s); with
// `broken`, it then fails as a missing Python does.
const fakePython = (dir: string) => `#!/bin/sh
echo "$*" >> ${dir}/calls
if [ "$1" = "-c" ] && [ -e ${dir}/hold ]; then
  tries=0
  while [ ! -e ${dir}/started ] && [ $tries -lt 1000 ]; do sleep 0.01; tries=$((tries + 1)); done
  if [ -e ${dir}/started ]; then echo "answered after grading started" >> ${dir}/calls; else echo "gave up waiting" >> ${dir}/calls; fi
fi
[ -e ${dir}/broken ] && exit 1
exec "$(cat ${dir}/target)" "$@"
`;

function setUp(cacheDir?: string) {
  const dir = mkdtempSync(join(scratch, 'case-'));
  const python = join(dir, 'python3');
  writeFileSync(python, fakePython(dir));
  chmodSync(python, 0o755);
  const alternative = join(dir, 'other-python3'); // The same Python under another name: another answer.
  symlinkSync(realPython, alternative);
  writeFileSync(join(dir, 'target'), realPython);
  // The student's server says which interpreter runs it, then serves as the handout's does.
  mkdirSync(join(dir, 'alice'));
  const marker = `import sys; open(${JSON.stringify(join(dir, 'started'))}, "a").write(sys.executable + "\\n")\n`;
  writeFileSync(join(dir, 'alice', 'simpleUDPServeur.py'), correct.replace('import socket\n', `import socket\n${marker}`));
  const env = { GRADER_CACHE_DIR: cacheDir ?? join(dir, 'cache'), LANG: 'C.UTF-8', NO_COLOR: '1' };
  const grade = async () => {
    rmSync(join(dir, 'started'), { force: true });
    const out = mkdtempSync(join(dir, 'out-'));
    const args = [cli, join(dir, 'alice'), '--out', out, '--sandbox', 'off', '--lang', 'en', '--python', python];
    const result = await execa('node', args, { cwd: dir, reject: false, env });
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    return {
      ...result,
      out,
      // Interpreters that ran the student's program, in order.
      ranWith: existsSync(join(dir, 'started')) ? read('started').trim().split('\n') : [],
      calls: read('calls'),
      graded: () => JSON.parse(readFileSync(join(out, '.grade', 'run.json'), 'utf8')).run as { python: { executable: string } },
    };
  };
  const cached = () => JSON.parse(readFileSync(join(env.GRADER_CACHE_DIR, 'python.json'), 'utf8')).python.executable as string;
  const set = (file: 'target' | 'hold' | 'broken', content = '') => writeFileSync(join(dir, file), content);
  return { dir, alternative, grade, cached, set };
}

describe('the cache of --python', () => {
  it('a run after an identical one starts grading before --python has resolved', async () => {
    const { grade, cached, set } = setUp();
    const first = await grade();
    expect(first.exitCode).toBe(0);
    expect(cached()).toBe(realPython);

    set('hold');
    const second = await grade();
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Score: 20/20');
    expect(second.calls).toContain('answered after grading started');
    expect(second.calls.match(/^-c /gm)).toHaveLength(2); // Still resolved on every run.
    expect(second.ranWith.every((executable) => executable === realPython)).toBe(true);
  });

  it('a stale cache: the run is graded again with the fresh interpreter, and only that shows', async () => {
    const { alternative, grade, cached, set } = setUp();
    await grade();
    set('target', alternative);
    set('hold');
    const second = await grade();
    expect(second.exitCode).toBe(0);
    expect(second.ranWith[0]).toBe(realPython); // The guess ran first…
    expect(second.ranWith.at(-1)).toBe(alternative); // …then the run was graded again.
    expect(second.stdout.match(/Score: /g)).toEqual(['Score: ']);
    expect(second.stdout).toContain('Score: 20/20');
    expect(JSON.parse(readFileSync(join(second.out, 'results.json'), 'utf8')).submissions).toMatchObject([{ id: 'alice', score: 20 }]);
    expect(second.graded().python.executable).toBe(alternative);
    expect(cached()).toBe(alternative);
  });

  it('a cached interpreter that is gone is not used', async () => {
    const { alternative, grade, cached, set } = setUp();
    set('target', alternative);
    await grade();
    expect(cached()).toBe(alternative);
    rmSync(alternative);
    set('target', realPython);
    const second = await grade();
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Score: 20/20');
    expect(second.graded().python.executable).toBe(realPython);
    expect(cached()).toBe(realPython);
  });

  it('a --python that stopped working: the usual one sentence and exit code 2, nothing of the guess reported', async () => {
    const { grade, set } = setUp();
    await grade();
    set('hold');
    set('broken');
    const second = await grade();
    // The guess had started (its first run, and its restart when the failure came after it: a matter of timing)…
    expect(second.ranWith.length).toBeGreaterThan(0);
    expect(new Set(second.ranWith)).toEqual(new Set([realPython]));
    expect(second.exitCode).toBe(2);
    expect(second.stderr).toMatch(/^grade: No Python 3 found .*pass --python/);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stdout).toBe('');
    expect(readdirSync(second.out)).toEqual([]);
  });

  it('an unwritable cache folder changes nothing', async () => {
    const blocker = join(mkdtempSync(join(scratch, 'blocked-')), 'a-file');
    writeFileSync(blocker, '');
    const { grade } = setUp(join(blocker, 'cache'));
    for (const run of [await grade(), await grade()]) {
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('Score: 20/20');
    }
  });
});

// pyenv's answer depends on files it documents (resolution-inputs.ts): while they are unchanged, a run
// starts grading with the cached interpreter and starts no resolution at all.
describe('the cache of a pyenv shim', () => {
  it('resolves once, then again only after a version file changed', async () => {
    const dir = mkdtempSync(join(scratch, 'pyenv-'));
    const root = join(dir, 'pyenv');
    mkdirSync(join(root, 'shims'), { recursive: true });
    const shim = join(root, 'shims', 'python3');
    writeFileSync(shim, `#!/bin/sh\necho "$*" >> ${dir}/calls\nexec ${realPython} "$@"\n`);
    chmodSync(shim, 0o755);
    writeFileSync(join(root, 'version'), '3\n');
    mkdirSync(join(dir, 'alice'));
    writeFileSync(join(dir, 'alice', 'simpleUDPServeur.py'), correct);
    const env = { GRADER_CACHE_DIR: join(dir, 'cache'), PYENV_ROOT: root, LANG: 'C.UTF-8', NO_COLOR: '1' };
    const grade = async () => {
      const args = [cli, join(dir, 'alice'), '--out', mkdtempSync(join(dir, 'out-')), '--sandbox', 'off', '--lang', 'en', '--python', shim];
      const result = await execa('node', args, { cwd: dir, reject: false, env });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Score: 20/20');
      return readFileSync(join(dir, 'calls'), 'utf8').match(/^-c /gm)?.length ?? 0;
    };

    expect(await grade()).toBe(1);
    expect(await grade()).toBe(1);
    writeFileSync(join(dir, '.python-version'), '3\n'); // pyenv local
    expect(await grade()).toBe(2);
    expect(await grade()).toBe(2);
  });
});
