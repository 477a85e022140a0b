import { pathToFileURL } from 'node:url';
import { nodeHookFile, pythonHookDir } from '../paths.js';

// What an interpreter reads at its start, the same for every program: a launcher starts with it too, being the
// interpreter its Python programs run in (sandbox/launcher.py). `home`: HOME and TMPDIR.
export function interpreterEnvironment(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONPATH: pythonHookDir,
    NODE_OPTIONS: `--import=${pathToFileURL(nodeHookFile).href}`,
  };
}
