import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { appendFile, stat } from '../fs-promises.js';
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

// Synchronously: nothing else runs by then, and a file written and renamed costs ~40 µs, against ~0.4 ms through
// libuv's threads (a self-check's 2 reports: ~1 ms; a class's 80: ~3 ms against ~9, sixteen at a time).
export async function writeReportFiles(outDir: string, files: readonly ReportFile[]): Promise<string[]> {
  const paths = files.map(({ path }) => join(outDir, path));
  for (const folder of new Set([outDir, ...paths.map((file) => dirname(file))])) mkdirSync(folder, { recursive: true });
  files.forEach(({ content }, index) => writeAtomically(paths[index]!, content));
  return paths;
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

// GitHub Actions renders this file (GITHUB_STEP_SUMMARY) on the run's page: the class summary goes there too,
// after a blank line when an earlier step already wrote to it.
export async function appendStepSummary(file: string, run: GradeRun, lang: Lang): Promise<void> {
  const before = await stat(file).then((info) => info.size, () => 0);
  await appendFile(file, `${before > 0 ? '\n' : ''}${renderSummaryMarkdown(run, lang)}`);
}
