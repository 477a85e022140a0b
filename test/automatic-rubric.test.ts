import { execa } from 'execa';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverSubmissions } from '../harness/discovery/discover.js';
import { BadInputError } from '../harness/errors.js';
import { loadAllRubrics, loadRubric } from '../harness/rubric/load.js';
import { parseRubric } from '../harness/rubric/parse.js';
import { planPrograms } from '../harness/rubric/select.js';
import { cliPath as cli } from './helpers/cli.js';

// Without --rubric, each submission is graded against every rubric whose entry file it holds.
const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures');

// A class folder built from fixtures: { student: { file name: fixture file } }.
function classOf(students: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'auto-class-'));
  for (const [student, files] of Object.entries(students)) {
    mkdirSync(join(dir, student));
    for (const [name, source] of Object.entries(files)) {
      if (source.startsWith('print')) writeFileSync(join(dir, student, name), source);
      else cpSync(join(fixtures, source), join(dir, student, name));
    }
  }
  return dir;
}

const udpServer = 'udp-server/correct/simpleUDPServeur.py';
const udpClient = 'udp-client/correct/simpleUDPclient.py';
const echoServer = 'udp-echo/correct/udp_server.py';

async function plan(students: Record<string, Record<string, string>>) {
  const submissions = await discoverSubmissions([classOf(students)], join(tmpdir(), 'no-reports'));
  const rubrics = await loadAllRubrics();
  const plans = await planPrograms(submissions, rubrics, rubrics.find((rubric) => rubric.id === 'udp-server')!);
  return plans.map((found) => [found.rubric.id, found.submissions.map((submission) => submission.id)]);
}

describe('choosing rubrics from the entry files', () => {
  it('lists every program a folder holds, in the lab’s order, each with the students who handed it in', async () => {
    expect(
      await plan({
        sam: { 'simpleUDPclient.py': udpClient, 'simpleUDPServeur.py': udpServer },
        lea: { 'udp_server.py': echoServer },
        tom: { 'SIMPLEUDPSERVEUR.PY': udpServer },
      }),
    ).toEqual([
      ['udp-server', ['sam', 'tom']],
      ['udp-client', ['sam']],
      ['udp-echo', ['lea']],
    ]);
  });

  it('grades a folder that holds no lab file against the lab’s first program, whose report names the file expected', async () => {
    expect(await plan({ ana: { 'serveur.py': 'print("hello")\n' } })).toEqual([['udp-server', ['ana']]]);
  });

  it('recognises the TypeScript references by their file name', async () => {
    const submissions = await discoverSubmissions([join(root, 'reference')], join(tmpdir(), 'no-reports'));
    const rubrics = await loadAllRubrics();
    const plans = await planPrograms(submissions, rubrics, rubrics[0]!);
    for (const found of plans) expect(found.submissions.map((submission) => submission.id)).toEqual([found.rubric.id]);
    expect(plans.map((found) => found.rubric.id).sort()).toEqual(rubrics.map((rubric) => rubric.id).sort());
  });

  it('refuses to guess between two rubrics for the same file', async () => {
    const lab = await loadRubric('udp-server');
    const variant = parseRubric(readFileSync(lab.source, 'utf8'), '/teacher/udp-server-port-4000.yaml');
    const submissions = await discoverSubmissions([classOf({ sam: { 'simpleUDPServeur.py': udpServer } })], join(tmpdir(), 'no-reports'));
    const refused = planPrograms(submissions, [lab, variant], lab);
    await expect(refused).rejects.toBeInstanceOf(BadInputError);
    await expect(refused).rejects.toThrow(/udp-server, udp-server-port-4000/);
  });
});

describe('grade CLI without --rubric', () => {
  const run = (args: string[]) => execa('node', [cli, ...args, '--lang', 'en'], { cwd: root, reject: false, env: { LANG: 'C.UTF-8' } });

  it('grades a class of several programs: a folder of reports per program, a combined summary and one report per student', async () => {
    const dir = classOf({
      sam: { 'simpleUDPServeur.py': udpServer, 'simpleUDPclient.py': udpClient },
      lea: { 'udp_server.py': echoServer, 'simpleUDPServeur.py': 'udp-server/wrong-reply/simpleUDPServeur.py' },
    });
    const out = mkdtempSync(join(tmpdir(), 'auto-out-'));
    const { exitCode, stdout } = await run([dir, '--out', out]);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^udp-server: 2 submission\(s\) graded in [\d.]+ s, mean 18\/20\.$/m);
    expect(stdout).toMatch(/^udp-echo: 1 submission\(s\) graded in [\d.]+ s, mean 20\/20\.$/m);
    expect(stdout.trim().split('\n').at(-1)).toBe(`Reports: ${out}/summary.md`);
    const json = (program: string) => JSON.parse(readFileSync(join(out, program, 'results.json'), 'utf8'));
    expect(json('udp-server').submissions.map((s: { id: string; score: number }) => [s.id, s.score])).toEqual([['lea', 16], ['sam', 20]]);
    expect(json('udp-client').submissions.map((s: { id: string; score: number }) => [s.id, s.score])).toEqual([['sam', 20]]);
    expect(json('udp-echo').submissions.map((s: { id: string; score: number }) => [s.id, s.score])).toEqual([['lea', 20]]);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(
      '| [lea](lea.md) | [16/20](udp-server/lea.md) | absent | [20/20](udp-echo/lea.md) |',
    );
    const sam = readFileSync(join(out, 'sam.md'), 'utf8');
    expect(sam.match(/^## .*$/gm)).toEqual([
      '## sam — Simple UDP server (simpleUDPServeur.py)',
      '## sam — Simple UDP client (simpleUDPclient.py)',
    ]);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
  });

  it('gives a student a checklist per program they handed in', async () => {
    const dir = classOf({ sam: { 'simpleUDPServeur.py': udpServer, 'simpleUDPclient.py': udpClient } });
    const { exitCode, stdout } = await run([join(dir, 'sam'), '--out', mkdtempSync(join(tmpdir(), 'auto-out-'))]);
    expect(exitCode).toBe(0);
    expect(stdout.match(/^Score: .*$/gm)).toEqual(['Score: 20/20', 'Score: 20/20']);
    expect(stdout).toMatch(/^simpleUDPServeur\.py \(sam\) — Simple UDP server/m);
    expect(stdout).toMatch(/^simpleUDPclient\.py \(sam\) — Simple UDP client/m);
  });

  it('merges sharded runs of several programs program by program, as one unsharded run', async () => {
    const dir = classOf({
      ann: { 'simpleUDPServeur.py': udpServer, 'simpleUDPclient.py': udpClient },
      bob: { 'simpleUDPServeur.py': 'udp-server/wrong-reply/simpleUDPServeur.py' },
      cyd: { 'simpleUDPclient.py': udpClient, 'simpleUDPServeur.py': udpServer },
    });
    const shards = ['1/2', '2/2'].map(() => mkdtempSync(join(tmpdir(), 'auto-shard-')));
    for (const [index, out] of shards.entries()) expect((await run([dir, '--shard', `${index + 1}/2`, '--out', out])).exitCode).toBe(0);
    const merged = mkdtempSync(join(tmpdir(), 'auto-merged-'));
    expect((await run(['merge', ...shards, '--out', merged])).exitCode).toBe(0);
    const whole = mkdtempSync(join(tmpdir(), 'auto-whole-'));
    expect((await run([dir, '--out', whole])).exitCode).toBe(0);
    const scores = (out: string, program: string) =>
      JSON.parse(readFileSync(join(out, program, 'results.json'), 'utf8')).submissions.map((s: { id: string; score: number }) => [s.id, s.score]);
    for (const program of ['udp-server', 'udp-client']) expect(scores(merged, program)).toEqual(scores(whole, program));
    expect(readFileSync(join(merged, 'summary.md'), 'utf8')).toEqual(readFileSync(join(whole, 'summary.md'), 'utf8'));
  });
});
