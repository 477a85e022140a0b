import { extname } from 'node:path';
import { tsxLoaderUrl } from '../paths.js';
import { interpreterEnvironment } from './interpreter-environment.js';
import type { PythonInterpreter } from '../python/resolve.js';
import { type LaunchSpec, plainLaunch } from './student-process.js';
import type { Workspace } from './workspace.js';

// The interpreters a rubric's launch table may name, resolved once per run by the harness, sent to the slots.
// tsx's loader is not among them: resolved where a TypeScript program is launched, it costs a Python class
// nothing (a resolution is ~1-3 ms of the main process's start, on the way to the first submission).
export interface Toolchain {
  readonly python: PythonInterpreter;
  readonly node: string;
}

export function toolchain(python: PythonInterpreter): Toolchain {
  return { python, node: process.execPath };
}

// Fills the rubric's argv template for the entry's extension; undefined when the rubric cannot run that file.
export function launchSpec(
  launchTable: Readonly<Record<string, readonly string[]>>,
  entryName: string,
  workspace: Workspace,
  ports: ReadonlyMap<number, number>,
  tools: Toolchain,
): LaunchSpec | undefined {
  const template = launchTable[extname(entryName).toLowerCase()];
  if (!template || template.length === 0) return undefined;
  const fill = (arg: string) =>
    arg
      .replaceAll('{python}', tools.python.executable)
      .replaceAll('{node}', tools.node)
      .replaceAll('{tsx}', () => tsxLoaderUrl())
      .replaceAll('{entry}', entryName);
  const [file, ...args] = template.map(fill) as [string, ...string[]];
  return { argv: [file, ...args], cwd: workspace.dir, env: studentEnvironment(workspace, ports), confinement: plainLaunch };
}

// Whether a launch of this entry runs Python with the grader's hook, which can hold it (launch/hold.ts).
export function canHold(launchTable: Readonly<Record<string, readonly string[]>>, entryName: string): boolean {
  return launchTable[extname(entryName).toLowerCase()]?.[0] === '{python}';
}

// A clean environment: nothing of the teacher's own variables leaks into a student's program.
function studentEnvironment(workspace: Workspace, ports: ReadonlyMap<number, number>): Record<string, string> {
  const portMap = [...ports].map(([requested, actual]) => `${requested}=${actual}`).join(',');
  return { ...interpreterEnvironment(workspace.root), GRADER_PORT_MAP: portMap, GRADER_BIND_LOG: workspace.bindLog };
}
