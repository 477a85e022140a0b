import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BadInputError } from '../errors.js';
import type { GradeRun } from '../grade.js';
import { message } from '../messages/translate.js';
import { decodeLine, encodeLine } from '../workers/wire.js';

// Everything a report is rendered from, kept beside the reports: `grade merge` re-renders sharded runs
// from it exactly as one unsharded run would have rendered them.
const stateFile = join('.grade', 'run.json');

interface RunState {
  readonly version: 1;
  readonly run: GradeRun;
}

export async function writeRunState(run: GradeRun, outDir: string): Promise<void> {
  const file = join(outDir, stateFile);
  await mkdir(join(outDir, '.grade'), { recursive: true });
  const state: RunState = { version: 1, run };
  await writeFile(`${file}.tmp`, encodeLine(state));
  await rename(`${file}.tmp`, file);
}

export async function readRunState(outDir: string): Promise<GradeRun> {
  const text = await readFile(join(outDir, stateFile), 'utf8').catch(() => undefined);
  if (text === undefined) throw new BadInputError('INVALID_OPTION', message('input.no-run-state', { dir: outDir, file: stateFile }));
  const state = decodeLine<RunState>(text);
  return { ...state.run, startedAt: new Date(state.run.startedAt) };
}
