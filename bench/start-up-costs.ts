import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workerEnvironment } from '../harness/workers/slot-process.js';
import { median } from './statistics.js';

// What this machine adds to every start of Node and of Python, on both sides of the bench alike. A constant
// added to both sides lowers every ratio, so the bench says how big it is here. Two known cases: Node parses
// the bundle NODE_EXTRA_CA_CERTS names at every start, and Python runs the `import` lines of the .pth files in
// its site-packages at every start, before any program (bench/README.md, "Start-up costs of the machine").
export function startUpCostLines(python: string, sitePackages: readonly string[], runs = 7): string[] {
  const nodeAsHere = medianWallMs(process.execPath, ['-e', '0'], process.env, runs);
  const caBundle = process.env.NODE_EXTRA_CA_CERTS;
  // Without it, as ./grade and the slots start Node.
  const node = caBundle
    ? `node -e 0 ${ms(nodeAsHere)}, ${ms(medianWallMs(process.execPath, ['-e', '0'], workerEnvironment(), runs))} without NODE_EXTRA_CA_CERTS (set here: ${caBundle})`
    : `node -e 0 ${ms(nodeAsHere)} (NODE_EXTRA_CA_CERTS unset)`;
  const pythonAsHere = medianWallMs(python, ['-c', 'pass'], process.env, runs);
  const withoutSite = medianWallMs(python, ['-S', '-c', 'pass'], process.env, runs);
  const hooks = [...new Set(importingPthFiles(sitePackages))];
  return [
    `start-up costs of this machine, paid by both sides: ${node}`,
    `  python -c pass ${ms(pythonAsHere)}, ${ms(withoutSite)} with -S (no site); .pth files that import at every start: ${hooks.length > 0 ? hooks.join(', ') : 'none'}`,
  ];
}

function medianWallMs(command: string, args: readonly string[], env: NodeJS.ProcessEnv, runs: number): number {
  return median(
    Array.from({ length: runs }, () => {
      const started = performance.now();
      spawnSync(command, args, { stdio: 'ignore', env });
      return performance.now() - started;
    }),
  );
}

// One start of the Python both sides run: its version, and the site-packages folders its `site` reads.
export function pythonFacts(python: string): { readonly version: string; readonly sitePackages: readonly string[] } {
  const script = 'import platform, site; print(platform.python_version()); print("\\n".join(site.getsitepackages()))';
  const [version = '', ...sitePackages] = spawnSync(python, ['-c', script], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return { version, sitePackages };
}

// site.py executes the lines of a .pth file that start with "import"; the others only add folders to sys.path.
function importingPthFiles(folders: readonly string[]): string[] {
  return folders.flatMap((folder) => pthFiles(folder).filter((name) => /^import[ \t]/m.test(readFileSync(join(folder, name), 'utf8'))));
}

function pthFiles(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.pth'));
  } catch {
    return []; // A site-packages folder that does not exist (site lists it all the same).
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
