import { programGraders } from '../programs/registry.js';
import type { RubricFile } from './schema.js';

// Cross-field rules the schema cannot express; each problem starts with the path of the bad field.
export function rubricProblems(rubric: RubricFile): string[] {
  const problems: string[] = [];
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
