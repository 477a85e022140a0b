import { relative, sep } from 'node:path';
import type { GradeRun } from '../grade.js';
import { translate } from '../messages/translate.js';
import type { Lang } from '../rubric/schema.js';

/**
 * GitHub Actions workflow commands: an `::error` line per failed check, which GitHub shows as an
 * annotation on the student's file (at the line involved, when the check knows it) and on the run's
 * page. The checks an earlier failure kept from running share one line, titled with all their ids,
 * as in the Markdown report: their cause is the other annotation, and GitHub keeps at most 10 error
 * annotations per step (a class run shows the first ones; the job summary has everyone).
 * The CLI prints these lines to stdout when GITHUB_ACTIONS=true; nothing here prints.
 */
export function githubAnnotations(run: GradeRun, lang: Lang, cwd: string): string[] {
  return run.submissions.flatMap((result) => {
    const file: Property[] = result.entryPath === undefined ? [] : [['file', relative(cwd, result.entryPath).split(sep).join('/')]];
    const failed = result.checks.filter((check) => !check.passed && !check.blocked);
    const blocked = result.checks.filter((check) => check.blocked);
    const lines = failed.map((check) => {
      const line: Property[] = check.line === undefined ? [] : [['line', String(check.line)]];
      // A check worth no points is advice (e.g. "add a timeout"): a warning, not an error.
      const level = check.maxPoints === 0 ? 'warning' : 'error';
      return workflowCommand(level, [...file, ...line, ['title', check.id]], translate(check.reason, lang));
    });
    if (blocked.length > 0) {
      const ids = blocked.map((check) => check.id).join(', ');
      lines.push(workflowCommand('error', [...file, ['title', ids]], translate(blocked[0]!.reason, lang)));
    }
    return lines;
  });
}

type Property = readonly [name: string, value: string];

// Why: a workflow command is one line; its parts are escaped as GitHub's own toolkit does (actions/toolkit, command.ts).
export function workflowCommand(name: string, properties: readonly Property[], message: string): string {
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

// The message: `%` first (so escapes stay unambiguous), then the line breaks that would end the command.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// A property value also may not hold `:` (ends the properties) or `,` (separates them).
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
