import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { grade, type GradeRun } from '../harness/grade.js';
import { message, translate } from '../harness/messages/translate.js';
import { reportFileName } from '../harness/reports/file-names.js';
import { renderGradesCsv } from '../harness/reports/grades-csv.js';
import { renderGradescopeJson } from '../harness/reports/gradescope-json.js';
import { escapeData, escapeProperty, githubAnnotations } from '../harness/reports/github-annotations.js';
import { renderJunitXml } from '../harness/reports/junit-xml.js';
import { parseFormats, reportFormats } from '../harness/reports/formats.js';
import { renderResultsJson, type ResultsJson } from '../harness/reports/results-json.js';
import { appendStepSummary, writeReports } from '../harness/reports/write.js';
import { forAudience } from '../harness/scoring/audience.js';
import type { SubmissionResult } from '../harness/scoring/result.js';
import { childrenNamed, parseXml, type XmlElement } from './helpers/xml.js';

// Every output format of one real grading run, read back with real parsers and compared with results.json.

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures', 'udp-server');
const scratch = mkdtempSync(join(tmpdir(), 'formats-'));
process.env.TMPDIR = scratch;

// A folder name a teacher may well get: accents, spaces, quotes, both delimiters, even a newline.
const awkwardId = 'Chloé "la; pro", B\nis';
const outEn = join(scratch, 'out-en');
const outFr = join(scratch, 'out-fr');
let run: GradeRun;
let resultsEn: ResultsJson;
let resultsFr: ResultsJson;

beforeAll(async () => {
  const klass = join(scratch, 'class');
  mkdirSync(klass);
  cpSync(join(fixtures, 'correct'), join(klass, awkwardId), { recursive: true });
  const paths = [...['correct', 'wrong-reply', 'forges-markdown', 'tab-error'].map((name) => join(fixtures, name)), klass];
  run = await grade({ paths, rubric: 'udp-server', outDir: outEn, jobs: 4, lang: 'en', python: 'python3', sandbox: 'off' });
  await writeReports(run, outEn, 'en', { formats: [...reportFormats], csvDelimiter: ',' });
  await writeReports(run, outFr, 'fr', { formats: [...reportFormats], csvDelimiter: ';' });
  resultsEn = JSON.parse(readFileSync(join(outEn, 'results.json'), 'utf8')) as ResultsJson;
  resultsFr = JSON.parse(readFileSync(join(outFr, 'results.json'), 'utf8')) as ResultsJson;
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

it('grades the sample as expected, so that the formats below have failures and an awkward id to show', () => {
  expect(resultsEn.submissions.map((s) => [s.id, s.score])).toEqual([
    [awkwardId, 20],
    ['correct', 20],
    ['forges-markdown', 20],
    ['tab-error', 1],
    ['wrong-reply', 16],
  ]);
});

describe('--format', () => {
  it('parses a comma list, all, and refuses an unknown name with one sentence', () => {
    expect(parseFormats('md,json')).toEqual(['md', 'json']);
    expect(parseFormats(' CSV , junit,csv ')).toEqual(['csv', 'junit']);
    expect(parseFormats('all')).toEqual([...reportFormats]);
    expect(() => parseFormats('md,xml')).toThrow('Unknown format "xml" in --format: give a comma-separated list of md, json, junit, csv, gradescope, or all.');
    expect(() => parseFormats('')).toThrow('Unknown format ""');
  });

  it('writes md and json only by default, and results.json byte for byte as before', async () => {
    const out = join(scratch, 'out-default');
    const written = await writeReports(run, out, 'en');
    expect(written.map((file) => file.slice(out.length + 1)).sort()).toEqual([...run.submissions.map((r) => reportFileName(r.id)), 'results.json', 'summary.md'].sort());
    expect(read(out, 'results.json')).toBe(renderResultsJson(run, 'en'));
    expect(read(outEn, 'results.json')).toBe(read(out, 'results.json'));
    // (.grade holds the run's state and cache, written by grade() itself.)
    expect(readdirSync(outEn).filter((name) => name !== '.grade').sort()).toEqual(
      [...run.submissions.map((r) => reportFileName(r.id)), 'grades.csv', 'gradescope', 'junit.xml', 'results.json', 'summary.md'].sort(),
    );
  });
});

describe('junit.xml', () => {
  const suitesOf = (xml: string) => childrenNamed(parseXml(xml), 'testsuite');

  it.each([
    ['en', () => outEn, () => resultsEn],
    ['fr', () => outFr, () => resultsFr],
  ])('parses strictly and agrees with results.json (%s)', (_, dir, results) => {
    const document = parseXml(read(dir(), 'junit.xml'));
    expect(document.name).toBe('testsuites');
    const suites = childrenNamed(document, 'testsuite');
    expect(suites.map((suite) => suite.attributes.name)).toEqual(results().submissions.map((s) => s.id));
    let failures = 0;
    for (const [index, submission] of results().submissions.entries()) {
      const suite = suites[index]!;
      const failed = submission.checks.filter((check) => !check.passed);
      failures += failed.length;
      expect(suite.attributes).toMatchObject({ tests: String(submission.checks.length), failures: String(failed.length), errors: '0', skipped: '0' });
      const properties = Object.fromEntries(childrenNamed(childrenNamed(suite, 'properties')[0]!, 'property').map((p) => [p.attributes.name, p.attributes.value]));
      expect(properties).toEqual({ score: String(submission.score), maxScore: String(submission.maxScore), entry: submission.entry });
      const cases = childrenNamed(suite, 'testcase');
      expect(cases.map((c) => [c.attributes.name, c.attributes.classname])).toEqual(submission.checks.map((check) => [check.id, 'udp-server']));
      for (const [i, check] of submission.checks.entries()) {
        const failure = childrenNamed(cases[i]!, 'failure');
        expect(failure).toHaveLength(check.passed ? 0 : 1);
        if (!check.passed) {
          expect(failure[0]!.attributes.message).toBe(check.message);
          expect(failure[0]!.text).toContain(check.message);
        }
      }
    }
    expect(document.attributes).toMatchObject({ name: 'udp-server', tests: String(5 * 9), failures: String(failures), errors: '0', skipped: '0' });
  });

  it('stays valid XML 1.0 whatever the ids and messages hold', () => {
    const hostile = 'NUL\x00 ESC\x1b[31m CR\r LF\n tab\t bell\x07 lone\ud800 nonchar\ufffe end]]> <x a="1"> & \'q\' 😀 é\u202e';
    const base = run.submissions.find((s) => s.id === 'wrong-reply')!;
    const forged: SubmissionResult = {
      ...base,
      id: hostile,
      entry: hostile,
      checks: base.checks.map((check) => ({ ...check, passed: false, points: 0, reason: message('fault.not-graded', { fault: hostile }) })),
      score: 0,
    };
    const xml = renderJunitXml({ ...run, submissions: [forged] }, 'en');
    const shown = 'NUL\\x00 ESC\\x1b[31m CR\\r LF\n tab\t bell\\x07 lone\ufffd nonchar\ufffd end]]> <x a="1"> & \'q\' 😀 é\\u202e';
    const [suite] = suitesOf(xml);
    expect(suite!.attributes.name).toBe(shown);
    const failure = childrenNamed(childrenNamed(suite!, 'testcase')[0]!, 'failure')[0]!;
    expect(failure.attributes.message).toBe(`Not graded: grader fault (${shown}).`);
    expect(failure.text).toContain(`Not graded: grader fault (${shown}).`);
    // The parser is strict: the raw characters would have been refused.
    expect(() => parseXml('<a>\x00</a>')).toThrow(/disallowed character/);
    expect(() => parseXml('<a>]]></a>')).toThrow();
  });

  it('reports a grader fault as <error>, and a check hidden from a student as <skipped>', () => {
    const base = run.submissions.find((s) => s.id === 'correct')!;
    const faulted: SubmissionResult = {
      ...base,
      fault: 'HarnessFault: boom',
      score: 0,
      checks: base.checks.map((check) => ({ ...check, passed: false, points: 0, reason: message('fault.not-graded', { fault: 'boom' }) })),
    };
    const [faultSuite] = suitesOf(renderJunitXml({ ...run, submissions: [faulted] }, 'en'));
    expect(faultSuite!.attributes).toMatchObject({ tests: '9', failures: '0', errors: '9' });
    expect(childrenNamed(childrenNamed(faultSuite!, 'testcase')[0]!, 'error')[0]!.attributes.message).toBe('Not graded: grader fault (boom).');

    const rubric = { ...run.rubric, checks: run.rubric.checks.map((check) => (check.id === 'reply' ? { ...check, visibility: 'hidden' as const } : check)) };
    const studentView = forAudience({ ...run, rubric, submissions: [base] }, 'student');
    const [studentSuite] = suitesOf(renderJunitXml(studentView, 'en'));
    expect(studentSuite!.attributes).toMatchObject({ tests: '9', failures: '0', skipped: '1' });
    const skipped = childrenNamed(studentSuite!, 'testcase').filter((c) => childrenNamed(c, 'skipped').length === 1);
    expect(skipped.map((c) => c.attributes.name)).toEqual(['reply']);
  });
});

describe('grades.csv', () => {
  const checkIds = () => run.rubric.checks.map((check) => check.id);

  it.each([
    ['en', ',', '.', () => outEn, () => resultsEn, ['id', 'score', 'max']],
    ['fr', ';', ',', () => outFr, () => resultsFr, ['identifiant', 'note', 'max']],
  ] as const)('parses with a real CSV parser and agrees with results.json (%s, "%s")', (_, delimiter, decimal, dir, results, header) => {
    const bytes = readFileSync(join(dir(), 'grades.csv'));
    // UTF-8 with a BOM, CRLF line ends.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/\r\n$/);
    const rows = parseCsv(bytes, { bom: true, delimiter, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...header, ...checkIds()]);
    const number = (text: string) => {
      expect(text).toMatch(decimal === ',' ? /^\d+(,\d+)?$/ : /^\d+(\.\d+)?$/);
      return Number(text.replace(',', '.'));
    };
    expect(rows.slice(1).map((row) => row[0])).toEqual(results().submissions.map((s) => s.id));
    for (const [index, submission] of results().submissions.entries()) {
      const row = rows[index + 1]!;
      expect(row).toHaveLength(3 + checkIds().length);
      expect(number(row[1]!)).toBe(submission.score);
      expect(number(row[2]!)).toBe(submission.maxScore);
      expect(row.slice(3).map(number)).toEqual(submission.checks.map((check) => check.points));
      expect(row.slice(3).map(number).reduce((a, b) => a + b, 0)).toBe(submission.score);
    }
  });

  it('writes decimals with "." after "," and with "," after ";"', () => {
    const halves: GradeRun = {
      ...run,
      submissions: run.submissions.map((r) => ({
        ...r,
        score: r.score / 2,
        maxScore: r.maxScore / 2,
        checks: r.checks.map((c) => ({ ...c, points: c.points / 2, maxPoints: c.maxPoints / 2 })),
      })),
    };
    const comma = parseCsv(renderGradesCsv(halves, 'en', ','), { bom: true }) as string[][];
    const semicolon = parseCsv(renderGradesCsv(halves, 'fr', ';'), { bom: true, delimiter: ';' }) as string[][];
    const tabError = (rows: string[][]) => rows.find((row) => row[0] === 'tab-error')!;
    expect(tabError(comma).slice(0, 4)).toEqual(['tab-error', '0.5', '10', '0.5']);
    expect(tabError(semicolon).slice(0, 4)).toEqual(['tab-error', '0,5', '10', '0,5']);
  });

  it('quotes what needs quoting and keeps formulas out of spreadsheets', () => {
    const base = run.submissions.find((s) => s.id === 'correct')!;
    const ids = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'plain', 'a;b', 'a,b'];
    const csv = renderGradesCsv({ ...run, submissions: ids.map((id) => ({ ...base, id })) }, 'en', ';');
    const rows = parseCsv(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((row) => row[0])).toEqual(["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", 'plain', 'a;b', 'a,b']);
    expect(csv).toContain('\r\n"a;b";20;20;');
    expect(csv).toContain('\r\na,b;20;20;');
  });
});

describe('Gradescope results', () => {
  // Gradescope's documented results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
  const textFormat = { enum: ['text', 'html', 'simple_format', 'md', 'ansi'] };
  const visibility = { enum: ['hidden', 'after_due_date', 'after_published', 'visible'] };
  const gradescopeSchema = {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['score'] }, { required: ['tests'] }],
    properties: {
      score: { type: 'number' },
      execution_time: { type: 'number' },
      output: { type: 'string' },
      output_format: textFormat,
      test_output_format: textFormat,
      test_name_format: textFormat,
      visibility,
      stdout_visibility: visibility,
      extra_data: { type: 'object' },
      tests: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            score: { type: 'number' },
            max_score: { type: 'number' },
            status: { enum: ['passed', 'failed'] },
            name: { type: 'string' },
            name_format: textFormat,
            number: { type: 'string' },
            output: { type: 'string' },
            output_format: textFormat,
            tags: { type: 'array', items: { type: 'string' } },
            visibility,
            extra_data: { type: 'object' },
          },
        },
      },
      leaderboard: { type: 'array' },
    },
  };
  const validate = new Ajv2020({ strict: true, strictRequired: false }).compile(gradescopeSchema);

  interface Gradescope {
    score: number;
    output: string;
    output_format: string;
    tests: { name: string; score: number; max_score: number; status: string; output: string; visibility?: string }[];
  }

  it('writes one file per submission that matches the documented format and sums to the score', () => {
    const files = readdirSync(join(outEn, 'gradescope')).sort();
    expect(files).toEqual(run.submissions.map((r) => reportFileName(r.id).replace(/\.md$/, '.json')).sort());
    for (const submission of resultsEn.submissions) {
      const file = join(outEn, 'gradescope', reportFileName(submission.id).replace(/\.md$/, '.json'));
      const results = JSON.parse(readFileSync(file, 'utf8')) as Gradescope;
      expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
      expect(results.score).toBe(submission.score);
      expect(results.tests.reduce((sum, test) => sum + test.score, 0)).toBe(submission.score);
      expect(results.tests.reduce((sum, test) => sum + test.max_score, 0)).toBe(submission.maxScore);
      expect(results.tests.map((test) => [test.name.split(' — ')[0], test.status, test.max_score])).toEqual(
        submission.checks.map((check) => [check.id, check.passed ? 'passed' : 'failed', check.maxPoints]),
      );
      expect(results.output_format).toBe('md');
      expect(results.output).toBe(read(outEn, reportFileName(submission.id)));
    }
  });

  it('tells the student the failing message and the hint, and hides hidden checks until grades are published', () => {
    const wrongReply = JSON.parse(read(join(outEn, 'gradescope'), 'wrong-reply.json')) as Gradescope;
    const reply = wrongReply.tests.find((test) => test.name.startsWith('reply'))!;
    expect(reply.output).toBe(
      "Got b'i am the server\\\\n' instead of b'i am the server'.\n\nLine of your file involved: 13.\n\n**Hint:** Reply with serveur.sendto(b\"i am the server\", address), where address comes from recvfrom.",
    );
    const rubric = { ...run.rubric, checks: run.rubric.checks.map((check) => (check.id === 'reply' ? { ...check, visibility: 'hidden' as const } : check)) };
    const result = run.submissions.find((s) => s.id === 'wrong-reply')!;
    const hidden = JSON.parse(renderGradescopeJson(result, rubric, 'en')) as Gradescope;
    expect(validate(hidden)).toBe(true);
    expect(hidden.tests.filter((test) => test.visibility).map((test) => [test.name.split(' — ')[0], test.visibility])).toEqual([['reply', 'after_published']]);
  });
});

describe('GitHub Actions', () => {
  it('annotates each failed check on the student file, at its line, folding the checks that could not run', () => {
    const lines = githubAnnotations(run, 'en', root);
    expect(lines).toEqual([
      '::error file=test/fixtures/udp-server/tab-error/simpleUDPServeur.py,line=9,title=starts::The program stopped before binding a socket (exit code 1): TabError: inconsistent use of tabs and spaces in indentation (line 9)',
      '::error file=test/fixtures/udp-server/tab-error/simpleUDPServeur.py,title=binds%2C reply%2C prints-message%2C prints-client%2C many-clients%2C reuseaddr%2C restart::Not checked: the server did not start.',
      "::error file=test/fixtures/udp-server/wrong-reply/simpleUDPServeur.py,line=13,title=reply::Got b'i am the server\\n' instead of b'i am the server'.",
    ]);
    expect(githubAnnotations(run, 'fr', root)[2]).toBe(
      "::error file=test/fixtures/udp-server/wrong-reply/simpleUDPServeur.py,line=13,title=reply::Reçu b'i am the server\\n' au lieu de b'i am the server'.",
    );
  });

  it('makes a failed check worth no points (advice, such as a timeout hint) a warning, not an error', () => {
    const base = run.submissions.find((s) => s.id === 'wrong-reply')!;
    const advice: SubmissionResult = {
      ...base,
      checks: base.checks.map((check) => (check.id === 'reply' ? { ...check, maxPoints: 0 } : check)),
    };
    expect(githubAnnotations({ ...run, submissions: [advice] }, 'en', root)).toEqual([
      "::warning file=test/fixtures/udp-server/wrong-reply/simpleUDPServeur.py,line=13,title=reply::Got b'i am the server\\n' instead of b'i am the server'.",
    ]);
  });

  it('escapes what would end or split a workflow command', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a,b:c%\nd')).toBe('a%2Cb%3Ac%25%0Ad');
    const base = run.submissions.find((s) => s.id === 'wrong-reply')!;
    const hostile: SubmissionResult = {
      ...base,
      entryPath: join(root, 'class', 'a,b:c%', 'simpleUDPServeur.py'),
      checks: base.checks.map((check) =>
        check.id === 'reply'
          ? { ...check, id: 'x:y,z', line: 7, reason: message('fault.not-graded', { fault: 'line1\nline2\r\n::error::forged 100%0A, ok: yes' }) }
          : check,
      ),
    };
    expect(githubAnnotations({ ...run, submissions: [hostile] }, 'en', root)).toEqual([
      '::error file=class/a%2Cb%3Ac%25/simpleUDPServeur.py,line=7,title=x%3Ay%2Cz::Not graded: grader fault (line1%0Aline2%0D%0A::error::forged 100%250A, ok: yes).',
    ]);
  });

  it('leaves out the file when none was graded', () => {
    const base = run.submissions.find((s) => s.id === 'wrong-reply')!;
    const { entryPath: _entryPath, entry: _entry, ...noEntry } = base;
    expect(githubAnnotations({ ...run, submissions: [noEntry] }, 'en', root)).toEqual([
      "::error line=13,title=reply::Got b'i am the server\\n' instead of b'i am the server'.",
    ]);
  });

  it('appends the class summary to the step summary file', async () => {
    const summary = read(outEn, 'summary.md');
    const fresh = join(scratch, 'fresh-summary.md');
    await appendStepSummary(fresh, run, 'en');
    expect(readFileSync(fresh, 'utf8')).toBe(summary);
    const used = join(scratch, 'used-summary.md');
    writeFileSync(used, '## Tests\nall green\n');
    await appendStepSummary(used, run, 'en');
    expect(readFileSync(used, 'utf8')).toBe(`## Tests\nall green\n\n${summary}`);
  });
});

describe('docs/results.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(root, 'docs', 'results.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

  it('accepts results.json as written, in both languages and in a student view with hidden checks', () => {
    expect(validate(resultsEn), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(resultsFr), JSON.stringify(validate.errors)).toBe(true);
    const rubric = { ...run.rubric, checks: run.rubric.checks.map((check) => (check.id === 'reply' ? { ...check, visibility: 'hidden' as const } : check)) };
    const studentView = JSON.parse(renderResultsJson(forAudience({ ...run, rubric }, 'student'), 'en')) as ResultsJson;
    expect(studentView.submissions[0]!.hiddenChecks).toEqual([{ id: 'reply', maxPoints: 4 }]);
    expect(validate(studentView), JSON.stringify(validate.errors)).toBe(true);
    const faulted = { ...resultsEn, submissions: [{ ...resultsEn.submissions[0]!, entry: null, fault: 'HarnessFault: boom' }] };
    expect(validate(faulted)).toBe(true);
  });

  it.each([
    ['a missing score', (s: Record<string, unknown>) => ({ ...s, score: undefined })],
    ['a score as text', (s: Record<string, unknown>) => ({ ...s, score: '16' })],
    ['a negative score', (s: Record<string, unknown>) => ({ ...s, score: -1 })],
    ['an unknown field', (s: Record<string, unknown>) => ({ ...s, grade: 'A' })],
    ['a check without message', (s: Record<string, unknown>) => ({ ...s, checks: [{ id: 'reply', passed: false, points: 0, maxPoints: 4 }] })],
    ['fault left out', (s: Record<string, unknown>) => ({ ...s, fault: undefined })],
  ])('rejects a submission with %s', (_, breakIt) => {
    const broken = JSON.parse(JSON.stringify({ ...resultsEn, submissions: [breakIt({ ...resultsEn.submissions[0]! })] })) as unknown;
    expect(validate(broken)).toBe(false);
  });

  it('rejects another version or language', () => {
    expect(validate({ ...resultsEn, version: 2 })).toBe(false);
    expect(validate({ ...resultsEn, lang: 'de' })).toBe(false);
  });
});

it('keeps every number in step: results.json, junit, csv and Gradescope agree on every score', () => {
  const junit = Object.fromEntries(
    childrenNamed(parseXml(read(outEn, 'junit.xml')), 'testsuite').map((suite: XmlElement) => [
      suite.attributes.name,
      Number(childrenNamed(childrenNamed(suite, 'properties')[0]!, 'property').find((p) => p.attributes.name === 'score')!.attributes.value),
    ]),
  );
  const csv = Object.fromEntries((parseCsv(readFileSync(join(outFr, 'grades.csv')), { bom: true, delimiter: ';' }) as string[][]).slice(1).map((row) => [row[0], Number(row[1]!.replace(',', '.'))]));
  for (const submission of resultsEn.submissions) {
    const gradescope = JSON.parse(readFileSync(join(outEn, 'gradescope', reportFileName(submission.id).replace(/\.md$/, '.json')), 'utf8')) as { score: number };
    expect([junit[submission.id], csv[submission.id], gradescope.score]).toEqual([submission.score, submission.score, submission.score]);
    expect(translate(run.submissions.find((r) => r.id === submission.id)!.checks[0]!.reason, 'en')).toBe(submission.checks[0]!.message);
  }
});
