import { isDeepStrictEqual } from 'node:util';
import { compareIds } from '../discovery/discover.js';
import { BadInputError } from '../errors.js';
import type { GradeRun } from '../grade.js';
import { message } from '../messages/translate.js';
import { readRunState } from './run-state.js';

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
