import type { GradeRun } from '../grade.js';
import type { Lang } from '../rubric/schema.js';
import { reportFileName } from './file-names.js';
import { colon, label, localized, mark, points, scoreText } from './format.js';
import { plainText, tableCell } from './markdown-text.js';

// reports/summary.md: one row per submission, sorted by id, then class statistics.
export function renderSummaryMarkdown(run: GradeRun, lang: Lang): string {
  const { rubric, submissions } = run;
  const checkIds = rubric.checks.map((check) => check.id);
  const header = `| ${label('student', lang)} | ${label('score', lang)} | ${checkIds.map(tableCell).join(' | ')} |`;
  const rule = `|---|---|${checkIds.map(() => ':-:').join('|')}|`;
  const rows = submissions.map((result) => {
    const link = `[${tableCell(result.id)}](${encodeURIComponent(reportFileName(result.id))})`;
    // By id: a student's view lacks its hidden checks.
    const marks = checkIds.map((id) => {
      const check = result.checks.find((candidate) => candidate.id === id);
      return check ? mark(check.passed) : '🔒';
    });
    return `| ${link} | ${scoreText(result.score, result.maxScore, lang)} | ${marks.join(' | ')} |`;
  });

  const maxScore = rubric.total;
  const scores = submissions.map((result) => result.score);
  const statistics = [
    `| ${label('statistics', lang)} | |`,
    '|---|---|',
    `| ${label('submissions', lang)} | ${submissions.length} |`,
    `| ${label('mean', lang)} | ${scoreText(round(mean(scores)), maxScore, lang)} |`,
    `| ${label('median', lang)} | ${scoreText(round(median(scores)), maxScore, lang)} |`,
  ];
  const perCheck = [
    `| ${label('check', lang)} | ${label('points', lang)} | ${label('passedBy', lang)} |`,
    '|---|---|---|',
    ...rubric.checks.map((check) => {
      const passed = submissions.filter((result) => result.checks.find((c) => c.id === check.id)?.passed).length;
      return `| ${tableCell(`${check.id} — ${localized(check.title, lang)}`)} | ${points(check.points, lang)} | ${passed}/${submissions.length} |`;
    }),
  ];
  return [
    `# ${label('summaryTitle', lang)} — ${plainText(localized(rubric.title, lang))}`,
    `${label('rubric', lang)}${colon(lang)} ${plainText(rubric.id)}`,
    [header, rule, ...rows].join('\n'),
    `## ${label('statistics', lang)}`,
    statistics.join('\n'),
    perCheck.join('\n'),
  ].join('\n\n') + '\n';
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number) => Math.round(value * 100) / 100;
