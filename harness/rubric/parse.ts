import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';
import { rubricProblems } from './rules.js';
import { type Rubric, rubricSchema } from './schema.js';

// Parses and validates rubric text; every problem names the bad field's path.
export function parseRubric(source: string, file: string): Rubric {
  const id = basename(file, extname(file));
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw invalid(file, [`not valid YAML (${(error as Error).message.split('\n')[0]})`]);
  }
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) throw invalid(file, parsed.error.issues.map(formatIssue));
  const problems = rubricProblems(parsed.data, data as { timeouts?: object });
  if (problems.length > 0) throw invalid(file, problems);
  return { ...parsed.data, id, source: file };
}

function invalid(file: string, problems: string[]): BadInputError {
  return new BadInputError('INVALID_RUBRIC', message('input.invalid-rubric', { file, problems: problems.join('; ') }));
}

// "checks[3].points: expected a number" rather than zod's raw issue objects.
function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
  return `${path || '(root)'}: ${describeIssue(issue)}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
    return `expected ${article} ${issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  return issue.message;
}
