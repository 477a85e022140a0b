import { appendFile, mkdir, rename, stat, writeFile } from '../fs-promises.js';
import { dirname, join } from 'node:path';
import { mapConcurrently } from '../concurrency.js';
import type { GradeRun } from '../grade.js';
import type { Lang } from '../rubric/schema.js';
import { defaultReportOptions, type ReportFile, reportRenderers, type ReportOptions } from './formats.js';
import { renderSummaryMarkdown } from './summary-markdown.js';

// Writes every report of the chosen formats (default md and json); each file appears whole or not at all (temp file, then rename).
export async function writeReports(run: GradeRun, outDir: string, lang: Lang, options: Partial<ReportOptions> = {}): Promise<string[]> {
  const chosen: ReportOptions = { ...defaultReportOptions, ...options };
  return writeReportFiles(outDir, chosen.formats.flatMap((format) => reportRenderers[format](run, lang, chosen)));
}

// Several files at a time: a class's ~40 reports took ~25 ms one after the other, ~5 ms sixteen at a time (a
// bound: each write holds a descriptor).
const concurrentWrites = 16;

export async function writeReportFiles(outDir: string, files: readonly ReportFile[]): Promise<string[]> {
  const paths = files.map(({ path }) => join(outDir, path));
  await mkdir(outDir, { recursive: true });
  await Promise.all([...new Set(paths.map((file) => dirname(file)))].map((folder) => mkdir(folder, { recursive: true })));
  await mapConcurrently(files, concurrentWrites, ({ content }, index) => writeAtomically(paths[index]!, content));
  return paths;
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
