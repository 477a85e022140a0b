import { BadInputError } from '../errors.js';
import type { GradeRun } from '../grade.js';
import { message } from '../messages/translate.js';
import type { Lang } from '../rubric/schema.js';
import { reportFileName } from './file-names.js';
import type { CsvDelimiter } from './grades-csv.js';
import { renderGradesCsv } from './grades-csv.js';
import { renderGradescopeJson } from './gradescope-json.js';
import { renderJunitXml } from './junit-xml.js';
import { renderResultsJson } from './results-json.js';
import { renderSubmissionMarkdown } from './submission-markdown.js';
import { renderSummaryMarkdown } from './summary-markdown.js';

export const reportFormats = ['md', 'json', 'junit', 'csv', 'gradescope'] as const;
export type ReportFormat = (typeof reportFormats)[number];

// Which outputs a run writes (--format, --csv-delimiter).
export interface ReportOptions {
  readonly formats: readonly ReportFormat[];
  readonly csvDelimiter: CsvDelimiter;
}

export const defaultReportOptions: ReportOptions = { formats: ['md', 'json'], csvDelimiter: ',' };

// One file of the output folder: its path inside it ('/'-separated) and its whole content.
export interface ReportFile {
  readonly path: string;
  readonly content: string;
}

type Renderer = (run: GradeRun, lang: Lang, options: ReportOptions) => readonly ReportFile[];

// Every format, by name: all of them render the same GradeRun, so their numbers cannot disagree.
export const reportRenderers: Record<ReportFormat, Renderer> = {
  md: (run, lang) => [
    ...run.submissions.map((result) => ({ path: reportFileName(result.id), content: renderSubmissionMarkdown(result, run.rubric, lang) })),
    { path: 'summary.md', content: renderSummaryMarkdown(run, lang) },
  ],
  json: (run, lang) => [{ path: 'results.json', content: renderResultsJson(run, lang) }],
  junit: (run, lang) => [{ path: 'junit.xml', content: renderJunitXml(run, lang) }],
  csv: (run, lang, options) => [{ path: 'grades.csv', content: renderGradesCsv(run, lang, options.csvDelimiter) }],
  gradescope: (run, lang) =>
    run.submissions.map((result) => ({
      path: `gradescope/${reportFileName(result.id).replace(/\.md$/, '')}.json`,
      content: renderGradescopeJson(result, run.rubric, lang),
    })),
};

// --format's value: a comma list of format names, or `all`; each format once, in the order given.
export function parseFormats(list: string): ReportFormat[] {
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  if (names.length === 0) names.push(list);
  const formats = new Set<ReportFormat>();
  for (const name of names) {
    if (name === 'all') reportFormats.forEach((format) => formats.add(format));
    else if (isReportFormat(name)) formats.add(name);
    else throw new BadInputError('INVALID_OPTION', message('input.unknown-format', { format: name, formats: reportFormats.join(', ') }));
  }
  return [...formats];
}

function isReportFormat(name: string): name is ReportFormat {
  return (reportFormats as readonly string[]).includes(name);
}
