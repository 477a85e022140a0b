// npx tsx bench/profile.ts [--count 10]
// Where the harness's time goes, step by step, using the compiled harness in dist/ (what the CLI runs):
// the run-level steps of grade(), then one submission's steps replayed with the harness's own
// functions, unsandboxed and sequential (no other load), compared with the bare baseline's phases.
// A diagnostic for bench/README.md, not part of `npm run bench`.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { resolvePythonExecutable, runBaseline } from './baseline.js';
import { median } from './statistics.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path: string) => pathToFileURL(join(root, 'dist', 'harness', path)).href;
const { values } = parseArgs({ options: { count: { type: 'string', default: '10' } } });
const count = Math.max(1, Number(values.count) || 10);

if ((statSync(join(root, 'dist', 'harness', 'cli.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0) === 0) {
  process.stderr.write('profile: dist/ is missing: run npm run build (or npm run bench) first\n');
  process.exit(2);
}

type Timed = Record<string, number[]>;
const samples: Timed = {};
const note = (label: string, ms: number) => (samples[label] ??= []).push(ms);
async function time<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  note(label, performance.now() - started);
  return result;
}
// CPU time of this process and of the children it waited for, in ms.
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
function cpuMs(): number {
  const usage = process.cpuUsage();
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (usage.user + usage.system) / 1000 + ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
}

// Import cost of the harness itself, module by module, as a fresh Node process sees it.
function nodeTime(args: readonly string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => spawn(process.execPath, args, { stdio: 'ignore' }).once('exit', () => resolve(performance.now() - started)));
}
for (let i = 0; i < 5; i++) {
  note('start-up: node -e 0', await nodeTime(['-e', '0']));
  for (const module of ['yargs', 'execa', 'zod', 'yaml', 'get-port', 'p-timeout']) {
    note(`start-up: import ${module}`, (await nodeTime(['--input-type=module', '-e', `await import('${module}')`])));
  }
  for (const module of ['grade.js', 'programs/registry.js', 'reports/write.js', 'terminal.js']) {
    note(`start-up: import dist/harness/${module}`, await nodeTime(['--input-type=module', '-e', `await import('${dist(module)}')`]));
  }
  note('start-up: cli.cjs --version (all imports, bundled)', await nodeTime([join(root, 'dist', 'bundle', 'cli.cjs'), '--version']));
}

const { loadRubric } = (await import(dist('rubric/load.js'))) as typeof import('../harness/rubric/load.js');
const { discoverSubmissions } = (await import(dist('discovery/discover.js'))) as typeof import('../harness/discovery/discover.js');
const { resolvePython } = (await import(dist('python/resolve.js'))) as typeof import('../harness/python/resolve.js');
const { detectSandbox } = (await import(dist('sandbox/support.js'))) as typeof import('../harness/sandbox/support.js');
const { openSlotPool } = (await import(dist('workers/slot-pool.js'))) as typeof import('../harness/workers/slot-pool.js');
const { neededPaths } = (await import(dist('sandbox/student-sandbox.js'))) as typeof import('../harness/sandbox/student-sandbox.js');
const { launchSpec, toolchain } = (await import(dist('launch/command.js'))) as typeof import('../harness/launch/command.js');
const { leasePort } = (await import(dist('launch/ports.js'))) as typeof import('../harness/launch/ports.js');
const { createWorkspace } = (await import(dist('launch/workspace.js'))) as typeof import('../harness/launch/workspace.js');
const { startStudentProcess } = (await import(dist('launch/student-process.js'))) as typeof import('../harness/launch/student-process.js');
const { waitForBind } = (await import(dist('launch/wait-bound.js'))) as typeof import('../harness/launch/wait-bound.js');
const { readBindLog } = (await import(dist('launch/bind-log.js'))) as typeof import('../harness/launch/bind-log.js');
const { exchangeDatagrams, loopbackTarget, reuseAddrProbe } = (await import(dist('probes/udp.js'))) as typeof import('../harness/probes/udp.js');
const { plainConfinement } = (await import(dist('sandbox/confinement.js'))) as typeof import('../harness/sandbox/confinement.js');
const { killMarkedProcesses } = (await import(dist('launch/run-marker.js'))) as typeof import('../harness/launch/run-marker.js');
const { boundSockets, processTree } = (await import(dist('launch/proc-sockets.js'))) as typeof import('../harness/launch/proc-sockets.js');
const { programGraders } = (await import(dist('programs/registry.js'))) as typeof import('../harness/programs/registry.js');
const gradeUdpServer = await programGraders['udp-server'].load();
const { payloads } = (await import(dist('programs/udp-server/payloads.js'))) as typeof import('../harness/programs/udp-server/payloads.js');
const { grade } = (await import(dist('grade.js'))) as typeof import('../harness/grade.js');
const { writeReports } = (await import(dist('reports/write.js'))) as typeof import('../harness/reports/write.js');

const work = mkdtempSync(join(tmpdir(), 'bench-profile-'));
try {
  const classDir = join(work, 'class');
  for (let i = 1; i <= 40; i++) {
    mkdirSync(join(classDir, `s${i}`), { recursive: true });
    copyFileSync(join(root, 'test', 'fixtures', 'udp-server', 'correct', 'simpleUDPServeur.py'), join(classDir, `s${i}`, 'simpleUDPServeur.py'));
  }
  const outDir = join(work, 'out');

  // Run-level steps of grade(), before the first submission starts.
  let rubric!: Awaited<ReturnType<typeof loadRubric>>;
  let python!: Awaited<ReturnType<typeof resolvePython>>;
  let support!: Awaited<ReturnType<typeof detectSandbox>>;
  let submissions!: Awaited<ReturnType<typeof discoverSubmissions>>;
  for (let i = 0; i < 5; i++) {
    rubric = await time('run: loadRubric', () => loadRubric('udp-server'));
    submissions = await time('run: discoverSubmissions (40)', () => discoverSubmissions([classDir], outDir));
    python = await time('run: resolvePython (spawns python3 through the shim)', () => resolvePython('python3'));
    support = await time('run: detectSandbox auto (which ×3 + a bwrap trial)', () => detectSandbox('auto'));
  }
  const tools = toolchain(python);
  const limits = rubric.limits;
  if (support.kind === 'bwrap') {
    const setupFor = (slot: number) => ({
      rubric,
      tools,
      sandbox: {
        support,
        limits,
        hiddenPaths: [classDir, outDir],
        neededPaths: neededPaths(python.prefixes),
        ...(support.asRoot ? { uid: 0x7fff0000 + slot } : {}),
      },
    });
    for (let i = 0; i < 3; i++) {
      for (const slots of [1, 2]) {
        const pool = await time(`run: openSlotPool(${slots}) + ready (bwrap + node + imports + setup)`, async () => {
          const opened = openSlotPool(slots, support as typeof support & { kind: 'bwrap' }, Promise.resolve(setupFor));
          await opened.ready();
          return opened;
        });
        if (slots === 1) {
          for (const submission of submissions.slice(0, count)) await time('submission: through a sandbox slot, alone', () => pool.grade(submission));
        }
        await pool[Symbol.asyncDispose]();
      }
    }
  }

  // One submission's steps, unsandboxed (as gradePlain does, through the run's launcher), one at a time.
  await using confinement = plainConfinement(tools.python.executable, limits);
  const cpuBefore = cpuMs();
  for (const submission of submissions.slice(0, count)) {
    await time('submission: gradeUdpServer, unsandboxed, alone', () => gradeUdpServer(submission, { rubric, tools, confinement }));
  }
  note('cpu: gradeUdpServer unsandboxed, per submission (Node + children)', (cpuMs() - cpuBefore) / count);
  for (const submission of submissions.slice(0, count)) {
    const t0 = performance.now();
    using lease = await time('step: leasePort (TCP listen check + UDP check)', () => leasePort());
    await using workspace = await time('step: createWorkspace (mkdtemp + copy)', () => createWorkspace(submission));
    const plain = launchSpec(rubric.launch, 'simpleUDPServeur.py', workspace, new Map([[rubric.program.port, lease.port]]), tools)!;
    const spec = await confinement.confine(plain, workspace);
    let server = await time('step: startStudentProcess (execa spawn)', () => startStudentProcess(spec));
    const bound = await time('step: spawn → bound (waitForBind)', () => waitForBind(server, 'udp', 5000));
    if (bound.kind !== 'bound') throw new Error(`profile: the server did not bind (${bound.kind})`);
    await time('step: readBindLog', () => readBindLog(workspace.bindLog));
    const target = loopbackTarget(bound.sockets[0]!)!;
    await time('step: reuseAddrProbe', () => reuseAddrProbe(bound.sockets[0]!));
    await time('step: reply exchange (1 datagram)', () => exchangeDatagrams(target, [{ payloads: [payloads.reply] }], 1000, server.exited));
    await time('step: many-clients exchange (3×2)', () => exchangeDatagrams(target, payloads.manyClients.map((p) => ({ payloads: p })), 1000, server.exited));
    await time('step: Ctrl+C → exited (exit + drain + kill marked)', () => {
      server.interrupt();
      return server.exited;
    });
    await server[Symbol.asyncDispose]();
    server = await time('step: startStudentProcess (restart)', () => startStudentProcess(spec));
    const again = await time('step: restart spawn → bound', () => waitForBind(server, 'udp', 5000));
    if (again.kind === 'bound') await time('step: restart exchange', () => exchangeDatagrams(loopbackTarget(again.sockets[0]!)!, [{ payloads: [payloads.restart] }], 1000, server.exited));
    await time('step: Ctrl+C → exited (restart)', () => {
      server.interrupt();
      return server.exited;
    });
    await server[Symbol.asyncDispose]();
    await time('step: workspace removal', async () => { await workspace[Symbol.asyncDispose](); });
    note('step: all steps above', performance.now() - t0);
  }

  // The whole class in-process (no CLI start-up), then its reports: CLI wall − these = start-up and exit.
  const pythonBinary = resolvePythonExecutable('python3');
  for (let i = 0; i < 2; i++) {
    for (const sandbox of ['auto', 'off'] as const) {
      const out = join(work, `out-${sandbox}-${i}`);
      const run = await time(`class of 40: grade() in-process, --sandbox ${sandbox}, 2 jobs`, () =>
        grade({ paths: [classDir], rubric: 'udp-server', outDir: out, jobs: 2, lang: 'en', python: 'python3', sandbox }),
      );
      await time('class of 40: writeReports', () => writeReports(run, out, 'en'));
    }
    const files = Array.from({ length: 40 }, (_, j) => join(classDir, `s${j + 1}`, 'simpleUDPServeur.py'));
    await time('class of 40: bare baseline, 2 jobs', async () => runBaseline(files, { python: pythonBinary, jobs: 2, timeouts: rubric.timeouts }));
  }

  // Bare baseline, same files, one at a time, for comparison.
  const baselineCpuBefore = cpuMs();
  for (let i = 0; i < count; i++) {
    await runBaseline([join(classDir, `s${i + 1}`, 'simpleUDPServeur.py')], { python: pythonBinary, jobs: 1, timeouts: rubric.timeouts });
  }
  note('cpu: baseline, per submission (Node + children)', (cpuMs() - baselineCpuBefore) / count);
  for (let i = 0; i < count; i++) {
    const run = await runBaseline([join(classDir, `s${i + 1}`, 'simpleUDPServeur.py')], { python: pythonBinary, jobs: 1, timeouts: rubric.timeouts });
    const t = run.submissions[0]!;
    note('baseline: spawn → bound (child_process.spawn)', t.spawnToBound);
    note('baseline: Ctrl+C → exit', t.interruptToExit);
    note('baseline: whole submission', t.total);
  }

  // Micro-costs paid on every launch or poll.
  for (let i = 0; i < 20; i++) {
    await time('micro: killMarkedProcesses (reads every /proc/<pid>/environ)', () => killMarkedProcesses('no-such-marker'));
    await time('micro: processTree(this process)', () => processTree(process.pid));
    await time('micro: boundSockets(this process, udp+udp6)', () => boundSockets(process.pid, ['udp', 'udp6']));
  }

  const width = Math.max(...Object.keys(samples).map((label) => label.length));
  process.stdout.write(`${'step'.padEnd(width)}   median      min      max   n\n`);
  for (const [label, xs] of Object.entries(samples)) {
    const f = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);
    process.stdout.write(`${label.padEnd(width)} ${f(median(xs))} ${f(Math.min(...xs))} ${f(Math.max(...xs))} ${String(xs.length).padStart(3)}\n`);
  }
  process.stdout.write(`(ms; processes on this machine: ${processCount()})\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function processCount(): number {
  // killMarkedProcesses reads the environ of every one of these.
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).length;
}
