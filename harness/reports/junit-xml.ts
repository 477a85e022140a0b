import type { GradeRun } from '../grade.js';
import { translate } from '../messages/translate.js';
import type { Lang, Rubric } from '../rubric/schema.js';
import type { CheckResult, SubmissionResult } from '../scoring/result.js';
import { colon, label, localized } from './format.js';
import { xmlAttribute, xmlText } from './xml-text.js';

/**
 * reports/junit.xml, for CI test reports (GitLab, Jenkins, GitHub test-report actions): one
 * <testsuite> per submission (named by its id), one <testcase> per check (named by its id, the
 * rubric id as classname). A failed check carries <failure message="…"> with its message; when the
 * grader itself failed on a submission (a fault) its checks carry <error> instead, since no verdict
 * was reached. A check hidden from a student's view is <skipped>. No times: the file is as
 * deterministic as results.json. Student output is not copied here (the Markdown reports hold it);
 * every text that may quote a student goes through xml-text.ts, so the file always parses.
 */
export function renderJunitXml(run: GradeRun, lang: Lang): string {
  const suites = run.submissions.map((result) => testSuite(result, run.rubric, lang));
  const total = (key: keyof Counts) => suites.reduce((sum, suite) => sum + suite.counts[key], 0);
  const attributes = `name="${xmlAttribute(run.rubric.id)}" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites ${attributes}>`, ...suites.map((suite) => suite.xml), '</testsuites>', ''].join('\n');
}

interface Counts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

function testSuite(result: SubmissionResult, rubric: Rubric, lang: Lang): { counts: Counts; xml: string } {
  const failed = result.checks.filter((check) => !check.passed).length;
  const hidden = result.hiddenChecks ?? [];
  const counts: Counts = {
    tests: result.checks.length + hidden.length,
    failures: result.fault ? 0 : failed,
    errors: result.fault ? failed : 0,
    skipped: hidden.length,
  };
  const classname = xmlAttribute(rubric.id);
  const properties = [
    ['score', String(result.score)],
    ['maxScore', String(result.maxScore)],
    ...(result.entry ? [['entry', result.entry]] : []),
  ].map(([name, value]) => `      <property name="${xmlAttribute(name!)}" value="${xmlAttribute(value!)}"/>`);
  const cases = [
    ...result.checks.map((check) => testCase(check, classname, result.fault !== undefined, lang)),
    ...hidden.map((check) => `    <testcase name="${xmlAttribute(check.id)}" classname="${classname}"><skipped message="${xmlAttribute(label('hiddenCheck', lang))}"/></testcase>`),
  ];
  const head = `  <testsuite name="${xmlAttribute(result.id)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">`;
  return { counts, xml: [head, '    <properties>', ...properties, '    </properties>', ...cases, '  </testsuite>'].join('\n') };
}

function testCase(check: CheckResult, classname: string, fault: boolean, lang: Lang): string {
  const open = `    <testcase name="${xmlAttribute(check.id)}" classname="${classname}"`;
  if (check.passed) return `${open}/>`;
  const message = translate(check.reason, lang);
  const element = fault ? 'error' : 'failure';
  return `${open}>\n      <${element} message="${xmlAttribute(message)}">${xmlText(failureDetail(check, message, lang))}</${element}>\n    </testcase>`;
}

// The body of a failure: what a CI page shows when the test is opened.
function failureDetail(check: CheckResult, message: string, lang: Lang): string {
  const lines = [`${check.id} — ${localized(check.title, lang)}`, message];
  if (check.line !== undefined && check.evidence?.kind !== 'python-error') lines.push(label('yourLine', lang, { line: check.line }));
  // A check an earlier failure kept from running gets no hint: the cause is that other check.
  if (check.hint && !check.blocked) lines.push(`${label('hint', lang)}${colon(lang)} ${localized(check.hint, lang)}`);
  return lines.join('\n');
}
