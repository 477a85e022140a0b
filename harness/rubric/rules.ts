import { programGraders } from '../programs/registry.js';
import type { RubricFile } from './schema.js';

// Cross-field rules the schema cannot express; each problem starts with the path of the bad field.
// `written`: the timeouts the file itself sets (the schema fills in the others).
export function rubricProblems(rubric: RubricFile, written: { readonly timeouts?: object } = {}): string[] {
  const problems: string[] = [];
  const read: readonly string[] = programGraders[rubric.program.kind].timeouts;
  for (const name of Object.keys(written.timeouts ?? {})) {
    if (!read.includes(name)) {
      problems.push(`timeouts.${name}: the ${rubric.program.kind} program does not use it (it uses ${read.join(', ')})`);
    }
  }
  const seen = new Set<string>();
  rubric.checks.forEach((check, index) => {
    const known = programGraders[rubric.program.kind].checkIds;
    if (!known.includes(check.id)) {
      problems.push(`checks[${index}].id: unknown check "${check.id}" (known: ${known.join(', ')})`);
    }
    if (seen.has(check.id)) problems.push(`checks[${index}].id: "${check.id}" is listed twice`);
    seen.add(check.id);
  });
  const sum = rubric.checks.reduce((total, check) => total + check.points, 0);
  if (Math.abs(sum - rubric.total) > 1e-9) {
    problems.push(`checks: points add up to ${sum}, but total is ${rubric.total}`);
  }
  if (!Object.keys(rubric.launch).some((ext) => rubric.program.entry.endsWith(ext))) {
    problems.push(`launch: no command for the entry file's extension (${rubric.program.entry})`);
  }
  return problems;
}
