// `npm run build` runs this last: the Python hooks (harness/hooks/python, loaded by every student program the
// harness starts) compiled to bytecode beside them, for the python3 on the PATH. Programs never write it
// themselves (PYTHONDONTWRITEBYTECODE, and a read-only mount in the sandbox), so without it each of them
// compiled the hooks again at its start: ~1.7 ms of CPU per program, 6 % of a class's wall time with a Python
// that starts fast. Another --python version compiles them at each start, as before; no python3, nothing to do.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hooks = join(dirname(fileURLToPath(import.meta.url)), '..', 'harness', 'hooks', 'python');
// -I -S: neither the user's nor site's start-up hooks; compileall rewrites only what is missing or stale.
const result = spawnSync('python3', ['-I', '-S', '-m', 'compileall', '-q', hooks], { stdio: 'inherit' });
if (result.error && result.error.code !== 'ENOENT') throw result.error;
if (result.status !== null && result.status !== 0) {
  process.stderr.write(`compile-python-hooks: python3 -m compileall failed (exit code ${result.status})\n`);
  process.exit(1);
}
