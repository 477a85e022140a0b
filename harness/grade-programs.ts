import { mapConcurrently } from './concurrency.js';
import { discoverSubmissions } from './discovery/discover.js';
import { grade, type GradeRun } from './grade.js';
import { defaultOptions, type GradeOptions } from './options.js';
import { choosePython } from './python/choice.js';
import { loadAllRubrics, loadRubric } from './rubric/load.js';
import { planPrograms } from './rubric/select.js';

// Grades the lab programs a class holds: with a rubric, that one; without, each submission against every
// rubric whose entry file it holds (one run per program, in the lab's order). Never prints, never exits.
export async function gradePrograms(options: Omit<GradeOptions, 'rubric'> & { readonly rubric?: string }): Promise<GradeRun[]> {
  const { rubric } = options;
  // Started first: one resolution of --python for every program of the run.
  const pythonChoice = options.pythonChoice ?? choosePython(options.python);
  if (rubric !== undefined) return [await grade({ ...options, rubric, pythonChoice })];
  const submissions = await discoverSubmissions(options.paths, options.outDir);
  const rubrics = await loadAllRubrics();
  const fallback = rubrics.find((candidate) => candidate.id === defaultOptions.fallbackRubric) ?? (await loadRubric(defaultOptions.fallbackRubric));
  const plans = await planPrograms(submissions, rubrics, fallback);
  // Programs run side by side as long as the slots they use add up to --jobs at most: a student's own
  // folder of several programs (one submission each) keeps every core busy; a class runs one program at a time.
  const slotsPerRun = Math.max(1, ...plans.map((plan) => Math.min(options.jobs, plan.submissions.length)));
  const side = Math.max(1, Math.floor(options.jobs / slotsPerRun));
  // Each run in flight owns a distinct range of slot numbers (a slot's number picks its sandbox uid).
  const freeRanges = Array.from({ length: side }, (_, range) => range * slotsPerRun);
  return mapConcurrently(plans, side, async (plan) => {
    // The lowest first: a run's first slot is slot 0, the one the CLI's spare slot guessed (../workers/launcher-guess.ts).
    const firstSlot = freeRanges.shift()!;
    try {
      return await grade({ ...options, rubric: plan.rubric, submissions: plan.submissions, jobs: slotsPerRun, firstSlot, pythonChoice });
    } finally {
      freeRanges.push(firstSlot);
    }
  });
}
