import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compareIds } from '../discovery/discover.js';
import { BadInputError } from '../errors.js';
import type { GradeRun } from '../grade.js';
import { message } from '../messages/translate.js';
import { hasRunState, readProgramsIndex, readRunState } from './run-state.js';

// Sharded runs of one program or of several: a folder of several programs holds one sub-folder per program
// (see reports/programs-markdown.ts), each merged with the same sub-folder of the other shards.
export async function mergeProgramRuns(dirs: readonly string[]): Promise<GradeRun[]> {
  const [first] = dirs;
  const programs = first === undefined || (await hasRunState(first)) ? undefined : await readProgramsIndex(first);
  if (!programs) return [await mergeRuns(dirs)];
  return Promise.all(programs.map((folder) => mergeRuns(dirs.map((dir) => join(dir, folder)))));
}

// One run made of several sharded ones: the same rubric, every submission once, sorted as usual.
export async function mergeRuns(dirs: readonly string[]): Promise<GradeRun> {
  const runs = await Promise.all(dirs.map(readRunState));
  const [first] = runs;
  if (!first) throw new BadInputError('INVALID_OPTION', message('input.no-run-state', { dir: '(none)', file: '.grade/run.json' }));
  runs.forEach((run, index) => {
    if (!isDeepStrictEqual(run.rubric, first.rubric)) {
      throw new BadInputError('INVALID_OPTION', message('input.merge-mismatch', { dir: dirs[index]!, what: 'rubric' }));
    }
  });
  const seen = new Set<string>();
  for (const result of runs.flatMap((run) => run.submissions)) {
    if (seen.has(result.id)) throw new BadInputError('INVALID_OPTION', message('input.merge-duplicate', { id: result.id }));
    seen.add(result.id);
  }
  return {
    ...first,
    submissions: runs.flatMap((run) => run.submissions).sort((a, b) => compareIds(a.id, b.id)),
    startedAt: new Date(Math.min(...runs.map((run) => run.startedAt.getTime()))),
    durationMs: Math.max(...runs.map((run) => run.durationMs)),
    interrupted: runs.some((run) => run.interrupted),
  };
}
