import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from '../fs-promises.js';
import { join } from 'node:path';
import { BadInputError } from '../errors.js';
import type { GradeRun } from '../grade.js';
import { message } from '../messages/translate.js';
import { decodeLine, encodeLine } from '../workers/wire.js';

// Everything a report is rendered from, kept beside the reports: `grade merge` re-renders sharded runs
// from it exactly as one unsharded run would have rendered them.
const stateFile = join('.grade', 'run.json');
// An output folder of several programs: the sub-folder of each, in the lab's order (`grade merge` reads it).
const programsFile = join('.grade', 'programs.json');

interface RunState {
  readonly version: 1;
  readonly run: GradeRun;
}

// Written synchronously, as the reports are (../reports/write.ts): four calls through libuv's threads cost ~1.5 ms.
export async function writeRunState(run: GradeRun, outDir: string): Promise<void> {
  const file = join(outDir, stateFile);
  mkdirSync(join(outDir, '.grade'), { recursive: true });
  rmSync(join(outDir, programsFile), { force: true });
  const state: RunState = { version: 1, run };
  writeFileSync(`${file}.tmp`, encodeLine(state));
  renameSync(`${file}.tmp`, file);
}

export async function hasRunState(outDir: string): Promise<boolean> {
  return stat(join(outDir, stateFile)).then(() => true, () => false);
}

export async function readRunState(outDir: string): Promise<GradeRun> {
  const text = await readFile(join(outDir, stateFile), 'utf8').catch(() => undefined);
  if (text === undefined) throw new BadInputError('INVALID_OPTION', message('input.no-run-state', { dir: outDir, file: stateFile }));
  const state = decodeLine<RunState>(text);
  return { ...state.run, startedAt: new Date(state.run.startedAt) };
}


export async function writeProgramsIndex(outDir: string, folders: readonly string[]): Promise<void> {
  mkdirSync(join(outDir, '.grade'), { recursive: true });
  // A one-program run's state left by an earlier run into the same folder would be merged instead.
  rmSync(join(outDir, stateFile), { force: true });
  writeFileSync(`${join(outDir, programsFile)}.tmp`, JSON.stringify(folders));
  renameSync(`${join(outDir, programsFile)}.tmp`, join(outDir, programsFile));
}

export async function readProgramsIndex(outDir: string): Promise<string[] | undefined> {
  const text = await readFile(join(outDir, programsFile), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as string[]);
}
