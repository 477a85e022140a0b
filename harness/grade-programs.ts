import { discoverSubmissions } from './discovery/discover.js';
import { grade, type GradeRun } from './grade.js';
import { defaultOptions, type GradeOptions } from './options.js';
import { loadAllRubrics, loadRubric } from './rubric/load.js';
import { planPrograms } from './rubric/select.js';

// Grades the lab programs a class holds: with a rubric, that one; without, each submission against every
// rubric whose entry file it holds (one run per program, in the lab's order). Never prints, never exits.
export async function gradePrograms(options: Omit<GradeOptions, 'rubric'> & { readonly rubric?: string }): Promise<GradeRun[]> {
  const { rubric } = options;
  if (rubric !== undefined) return [await grade({ ...options, rubric })];
  const submissions = await discoverSubmissions(options.paths, options.outDir);
  const rubrics = await loadAllRubrics();
  const fallback = rubrics.find((candidate) => candidate.id === defaultOptions.fallbackRubric) ?? (await loadRubric(defaultOptions.fallbackRubric));
  const plans = await planPrograms(submissions, rubrics, fallback);
  const runs: GradeRun[] = [];
  // One program after the other: each run already keeps every core busy.
  for (const plan of plans) runs.push(await grade({ ...options, rubric: plan.rubric, submissions: plan.submissions }));
  return runs;
}
