import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The package root holds rubrics/ and the hooks; found by walking up so it works from src and dist alike.
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const rubricsDir = join(packageRoot, 'rubrics');
export const pythonHookDir = join(packageRoot, 'harness', 'hooks', 'python');
export const nodeHookFile = join(packageRoot, 'harness', 'hooks', 'node', 'port-map.mjs');

// tsx's loader, for `node --import` (TypeScript programs, a slot run from source). Resolved through require:
// the bundled CLI is CommonJS, where import.meta.resolve does not exist; tsx exports one file to both. Once.
let tsxLoader: string | undefined;

export function tsxLoaderUrl(): string {
  return (tsxLoader ??= pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
}

// Given to yargs: its own guess looks for a package.json above node_modules/yargs, which the bundle has not.
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
