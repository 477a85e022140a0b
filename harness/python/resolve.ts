import { execa } from 'execa';
import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';

export interface PythonInterpreter {
  readonly executable: string;
  readonly version: string;
  // Where its standard library lives: a sandbox must let the program read these.
  readonly prefixes: readonly string[];
}

// Resolved once per run: version shims (pyenv, asdf) cost ~90 ms per launch, the real binary does not.
export async function resolvePython(command = 'python3'): Promise<PythonInterpreter> {
  const script =
    'import os, sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3]); ' +
    'print(os.pathsep.join(sorted({sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(os.path.realpath(sys.executable)))})))';
  const result = await execa(command, ['-c', script], { reject: false, timeout: 15_000, stdin: 'ignore' });
  const [executable, version, prefixes = ''] = String(result.stdout).trim().split('\n');
  if (result.exitCode !== 0 || !executable || !version?.startsWith('3.')) {
    throw new BadInputError('NO_PYTHON', message('input.no-python', { command }));
  }
  return { executable, version, prefixes: prefixes.split(':').filter(Boolean) };
}
