import type { GradeRun } from '../grade.js';
import type { Lang } from '../rubric/schema.js';
import { csvField, csvNumber } from './csv-text.js';
import { label } from './format.js';

export const csvDelimiters = [',', ';'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/**
 * reports/grades.csv, for a spreadsheet or a gradebook import: a header, then one row per submission
 * (id, score, max, then each check's points, in rubric order), sorted by id like every report.
 *
 * Choices, for LibreOffice, Excel and Moodle's "Import grades: CSV file" to read it as written:
 * - UTF-8 with a BOM. Excel opens a CSV without a BOM in the system's legacy code page, which mangles
 *   accented ids (chloé → chloÃ©); with the BOM it reads UTF-8. LibreOffice detects the BOM and
 *   preselects UTF-8; Moodle (csv_import_reader) strips a leading BOM; Python reads it with utf-8-sig.
 * - CRLF line ends and RFC 4180 quoting (csv-text.ts): ids may hold the delimiter, quotes, newlines.
 * - The decimal separator follows the delimiter. `,` (the default) is for English-locale tools and
 *   Moodle: decimals are written with `.`. `;` is what French-locale spreadsheets expect precisely
 *   because `,` is their decimal separator: decimals are then written with `,` (17,5), which
 *   LibreOffice/Excel in French read as numbers, and which Moodle accepts on a French site
 *   (unformat_float reads the site's decimal separator).
 * - A check hidden from a student's view (--student) leaves its cell empty: no grade, not zero.
 */
export function renderGradesCsv(run: GradeRun, lang: Lang, delimiter: CsvDelimiter): string {
  const decimal = delimiter === ';' ? ',' : '.';
  const checkIds = run.rubric.checks.map((check) => check.id);
  const header = [label('csvId', lang), label('csvScore', lang), label('csvMax', lang), ...checkIds];
  const rows = run.submissions.map((result) => {
    const pointsOf = (id: string) => {
      const check = result.checks.find((candidate) => candidate.id === id);
      return check ? csvNumber(check.points, decimal) : '';
    };
    return [result.id, csvNumber(result.score, decimal), csvNumber(result.maxScore, decimal), ...checkIds.map(pointsOf)];
  });
  const lines = [header, ...rows].map((fields) => fields.map((field) => csvField(field, delimiter)).join(delimiter));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
