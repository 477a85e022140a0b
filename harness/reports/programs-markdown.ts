import { compareIds } from '../discovery/discover.js';
import type { GradeRun } from '../grade.js';
import type { Lang } from '../rubric/schema.js';
import { reportFileName } from './file-names.js';
import { label, localized, scoreText } from './format.js';
import { plainText, tableCell } from './markdown-text.js';
import type { ReportFile } from './formats.js';
import { renderSubmissionMarkdown } from './submission-markdown.js';

// A class that holds several lab programs: each program's run has its own folder of reports (named after its
// rubric); these files sit above them: one table of every student's score per program, and one report per
// student with a section per program they handed in.

// Where each run's reports go, relative to the output folder.
export function programFolder(run: GradeRun): string {
  return run.rubric.id;
}

// Each run's results by student id: a class of hundreds is looked up once per student and program.
type ResultsById = ReadonlyMap<string, GradeRun['submissions'][number]>;

export function renderProgramsReports(runs: readonly GradeRun[], lang: Lang): ReportFile[] {
  const results: ResultsById[] = runs.map((run) => new Map(run.submissions.map((result) => [result.id, result])));
  const ids = [...new Set(results.flatMap((byId) => [...byId.keys()]))].sort(compareIds);
  return [
    ...ids.map((id) => ({ path: reportFileName(id), content: renderStudentPrograms(id, runs, results, lang) })),
    { path: 'summary.md', content: renderProgramsSummary(ids, runs, results, lang) },
  ];
}

function renderStudentPrograms(id: string, runs: readonly GradeRun[], results: readonly ResultsById[], lang: Lang): string {
  const sections = runs.flatMap((run, index) => {
    const result = results[index]!.get(id);
    return result ? [renderSubmissionMarkdown(result, run.rubric, lang, 1).trimEnd()] : [];
  });
  return `${[`# ${plainText(id)}`, ...sections].join('\n\n')}\n`;
}

function renderProgramsSummary(ids: readonly string[], runs: readonly GradeRun[], results: readonly ResultsById[], lang: Lang): string {
  const header = `| ${label('student', lang)} | ${runs.map((run) => tableCell(localized(run.rubric.title, lang))).join(' | ')} |`;
  const rule = `|---|${runs.map(() => ':-:').join('|')}|`;
  const rows = ids.map((id) => {
    const cells = runs.map((run, index) => {
      const result = results[index]!.get(id);
      if (!result) return label('notHandedIn', lang);
      return `[${scoreText(result.score, result.maxScore, lang)}](${programFolder(run)}/${encodeURIComponent(reportFileName(id))})`;
    });
    return `| [${tableCell(id)}](${encodeURIComponent(reportFileName(id))}) | ${cells.join(' | ')} |`;
  });
  const links = runs.map((run) => `[${plainText(run.rubric.id)}](${programFolder(run)}/summary.md)`).join(', ');
  return `${[`# ${label('programsTitle', lang)}`, [header, rule, ...rows].join('\n'), label('programsNote', lang, { links })].join('\n\n')}\n`;
}
