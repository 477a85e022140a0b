import { appendFile, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GradeRun } from '../grade.js';
import type { Lang } from '../rubric/schema.js';
import { defaultReportOptions, type ReportFile, reportRenderers, type ReportOptions } from './formats.js';
import { renderSummaryMarkdown } from './summary-markdown.js';

// Writes every report of the chosen formats (default md and json); each file appears whole or not at all (temp file, then rename).
export async function writeReports(run: GradeRun, outDir: string, lang: Lang, options: Partial<ReportOptions> = {}): Promise<string[]> {
  const chosen: ReportOptions = { ...defaultReportOptions, ...options };
  return writeReportFiles(outDir, chosen.formats.flatMap((format) => reportRenderers[format](run, lang, chosen)));
}

export async function writeReportFiles(outDir: string, files: readonly ReportFile[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  for (const { path, content } of files) {
    const file = join(outDir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeAtomically(file, content);
  }
  return files.map(({ path }) => join(outDir, path));
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

// GitHub Actions renders this file (GITHUB_STEP_SUMMARY) on the run's page: the class summary goes there too,
// after a blank line when an earlier step already wrote to it.
export async function appendStepSummary(file: string, run: GradeRun, lang: Lang): Promise<void> {
  const before = await stat(file).then((info) => info.size, () => 0);
  await appendFile(file, `${before > 0 ? '\n' : ''}${renderSummaryMarkdown(run, lang)}`);
}
