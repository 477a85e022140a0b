import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../format/regexp.js';
import { pythonHookDir } from '../../paths.js';

// Programs never write bytecode (PYTHONDONTWRITEBYTECODE; the sandbox mounts the hooks read-only): the build
// writes the hooks' (scripts/compile-python-hooks.mjs), or every program compiles them again at its start.
// `python3 -v` says "<pyc> matches <source>" for each module it loads from valid bytecode.
function verboseStart(): Promise<string> {
  const env = { ...process.env, PYTHONPATH: pythonHookDir, PYTHONDONTWRITEBYTECODE: '1' };
  return new Promise((resolve, reject) =>
    execFile('python3', ['-v', '-c', 'pass'], { env, timeout: 10_000 }, (error, _stdout, stderr) => (error ? reject(error) : resolve(stderr))),
  );
}

describe('the Python hooks', () => {
  it('load from the bytecode the build wrote beside them, not from their source', async () => {
    const stderr = await verboseStart();
    for (const module of ['sitecustomize', '_grader_port_map', '_grader_hold']) {
      const cached = join(pythonHookDir, '__pycache__', `${module}.`);
      expect(stderr).toMatch(new RegExp(`# ${escapeRegExp(cached)}[\\w-]+\\.pyc matches ${escapeRegExp(join(pythonHookDir, `${module}.py`))}\\n`));
    }
  });
});
