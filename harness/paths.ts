import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// Given to yargs: its own guess looks for a package.json above node_modules/yargs, which the bundle has not.
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
