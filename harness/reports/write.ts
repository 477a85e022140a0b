import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeRun } from '../grade.js';
import type { Lang } from '../rubric/schema.js';
import { reportFileName } from './file-names.js';
import { renderResultsJson } from './results-json.js';
import { renderSubmissionMarkdown } from './submission-markdown.js';
import { renderSummaryMarkdown } from './summary-markdown.js';

// Writes every report of a run; each file appears whole or not at all (temp file, then rename).
export async function writeReports(run: GradeRun, outDir: string, lang: Lang): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: [string, string][] = [
    ...run.submissions.map((result): [string, string] => [reportFileName(result.id), renderSubmissionMarkdown(result, run.rubric, lang)]),
    ['summary.md', renderSummaryMarkdown(run, lang)],
    ['results.json', renderResultsJson(run, lang)],
  ];
  for (const [name, content] of files) await writeAtomically(join(outDir, name), content);
  return files.map(([name]) => join(outDir, name));
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
