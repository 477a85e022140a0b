import { execFile } from 'node:child_process';
import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';

export interface PythonInterpreter {
  readonly executable: string;
  readonly version: string;
  // Where its standard library lives: a sandbox must let the program read these.
  readonly prefixes: readonly string[];
}

const script =
  'import os, sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3]); ' +
  'print(os.pathsep.join(sorted({sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(os.path.realpath(sys.executable)))})))';

// Resolved once per run: version shims (pyenv, asdf) cost ~90 ms per launch, the real binary does not.
export function resolvePython(command = 'python3'): Promise<PythonInterpreter> {
  return new Promise((resolve, reject) => {
    execFile(command, ['-c', script], { timeout: 15_000, encoding: 'utf8' }, (error, stdout) => {
      const [executable, version, prefixes = ''] = stdout.trim().split('\n');
      if (error || !executable || !version?.startsWith('3.')) {
        reject(new BadInputError('NO_PYTHON', message('input.no-python', { command })));
      } else {
        resolve({ executable, version, prefixes: prefixes.split(':').filter(Boolean) });
      }
    }).stdin?.end();
  });
}
