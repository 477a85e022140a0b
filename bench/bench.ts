// npm run bench [-- --rounds 5 --jobs 2 --size 200 --class 40]
// Times the real CLI, as a teacher runs it, against a bare baseline that does only the rubric's work
// (bench/baseline.ts), alternating the two over several rounds, and prints medians and ratios.
// Not a unit test: machines here are shared and noisy, so only ratios within one run mean anything.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { processTree } from '../harness/launch/proc-sockets.js';
import { workerEnvironment } from '../harness/workers/slot-process.js';
import { type BaselineTimeouts, type SubmissionTiming, killBaselineProcesses, resolvePythonExecutable, runBaseline } from './baseline.js';
import { median } from './statistics.js';
import { pythonFacts, startUpCostLines } from './start-up-costs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The README's command: ./grade, which runs the bundled CLI (package.json's bin, what `npx grade` runs) without
// npm's start and without NODE_EXTRA_CA_CERTS.
const gradeCommand = join(root, 'grade');
const bundledCli = join(root, 'dist', 'bundle', 'cli.cjs');
// The environment ./grade and the slots give Node (without NODE_EXTRA_CA_CERTS). The self-check's reference Node
// start (`node -e 0`) gets it too: a reference that parsed the CA bundle would credit the harness with the ~38 ms
// it skips.
const nodeAsGradeStartsIt = workerEnvironment();
const correctServer = join(root, 'test', 'fixtures', 'udp-server', 'correct', 'simpleUDPServeur.py');
const entryName = 'simpleUDPServeur.py';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    class: { type: 'string', default: '40' },
    size: { type: 'string', default: '200' },
    'silent-rounds': { type: 'string', default: '1' },
    python: { type: 'string', default: 'python3' },
    rubric: { type: 'string', default: join(root, 'rubrics', 'udp-server.yaml') },
  },
});
const rounds = positive('rounds');
const jobs = positive('jobs');
const classSize = positive('class');
const largeSize = positive('size');
const silentRounds = Number(values['silent-rounds']);

function positive(name: 'rounds' | 'jobs' | 'class' | 'size'): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`bench: --${name} must be a whole number of at least 1\n`);
    process.exit(2);
  }
  return value;
}

// ---------------------------------------------------------------- set-up

const rubric = parseYaml(readFileSync(values.rubric, 'utf8')) as { timeouts: BaselineTimeouts };
const timeouts = rubric.timeouts;
const python = resolvePythonExecutable(values.python);
const { version: pythonVersion, sitePackages } = pythonFacts(python);
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

ensureBuilt();

const work = mkdtempSync(join(tmpdir(), 'bench-'));
// The harness's private copies go here too, so every process the bench caused can be found by path.
const harnessTmp = join(work, 'tmp');
mkdirSync(harnessTmp);

const neverReplying = `#!/usr/bin/env python3
# Binds, reads and prints every datagram, and never answers: the bench's failing submission.
import socket
serveur = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
serveur.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
serveur.bind(('localhost', 3000))
print("Serveur UDP en écoute sur 3000")
while True:
    request, address = serveur.recvfrom(1024)
    print("Message client : ", request.decode("utf-8"))
    print("IP du client connecté : ", address)
`;

interface Class {
  readonly dir: string;
  readonly files: readonly string[];
}

function buildClass(name: string, size: number, source?: string): Class {
  const dir = join(work, name);
  const files: string[] = [];
  for (let i = 1; i <= size; i++) {
    const student = join(dir, `student-${String(i).padStart(3, '0')}`);
    mkdirSync(student, { recursive: true });
    const file = join(student, entryName);
    if (source === undefined) copyFileSync(correctServer, file);
    else writeFileSync(file, source, { mode: 0o755 });
    files.push(file);
  }
  return { dir, files };
}

// A class of correct servers where every `every`-th student's never replies: where the harness's scheduling shows.
function buildMixedClass(name: string, size: number, every: number): Class & { readonly silent: ReadonlySet<number> } {
  const mixed = buildClass(name, size);
  const silent = new Set<number>();
  for (let index = every - 1; index < size; index += every) {
    writeFileSync(mixed.files[index]!, neverReplying, { mode: 0o755 });
    silent.add(index);
  }
  return { ...mixed, silent };
}

// dist/ must hold the harness as it is in the tree: rebuilt when a harness source is newer.
function ensureBuilt(): void {
  const built = statSync(bundledCli, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = readdirSync(join(root, 'harness'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => statSync(join(root, 'harness', name)).mtimeMs);
  if (built > 0 && sources.every((mtime) => mtime <= built)) return;
  process.stderr.write(built === 0 ? 'bench: dist/ is missing, building…\n' : 'bench: dist/ is older than harness/, building…\n');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    if (built === 0) {
      process.stderr.write('bench: the build failed and there is no dist/ to run.\n');
      process.exit(2);
    }
    process.stderr.write('bench: the build failed (work in progress in harness/?): timing the existing dist/ instead.\n');
  }
}

// ---------------------------------------------------------------- running things

const running = new Set<ChildProcess>();
// Set by Ctrl+C: nothing new starts, and the run in progress fails fast.
let stopping = false;

interface HarnessRun {
  readonly wallMs: number;
  // Peak RSS of the grader's main process (kernel figure from /usr/bin/time, else last polled VmHWM), KiB.
  readonly mainMaxRssKiB: number;
  // Peak, over 100 ms samples, of the summed RSS of every Node process of the run (main + sandbox slots), KiB.
  readonly nodeRssPeakKiB: number;
  // user + sys of the processes the grader waited for (unsandboxed: Python included), s.
  readonly cpuSeconds: number;
  readonly scores: readonly number[];
  readonly replyPassed: readonly boolean[];
}

function childrenCpuSeconds(): number {
  // /proc/self/stat fields 16-17: user and system time of waited-for children, in clock ticks.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / clockTicks;
}

function statusField(pid: number, field: string): { name: string; kib: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s*(.*)$/m.exec(text)?.[1] ?? '';
    const kib = Number(new RegExp(`^${field}:\\s*(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { name, kib };
  } catch {
    return undefined;
  }
}

// The CLI as a teacher runs it: a fresh Node process, the whole class, reports written. It gets --python
// as given (python3 by default), so it pays its own once-per-run resolution, as it does for a teacher.
// `memory`: sample the Node processes' RSS every 100 ms, for the runs whose memory is reported (the classes of
// --class and --size). The other runs are not sampled: reading /proc takes the bench's own CPU, beside a run of ~0.1 s.
async function runHarness(target: Class, sandbox: 'auto' | 'off', label: string, memory = false): Promise<HarnessRun> {
  if (stopping) throw new Error('bench stopped');
  // The same command every time a class is graded in a mode, as a teacher or a student repeats it: one output folder
  // for each, emptied after each run (the CLI remembers a command line it was given before).
  const out = join(work, `out-${sandbox}-${basename(target.dir)}`);
  mkdirSync(out, { recursive: true });
  const args = [target.dir, '--out', out, '--jobs', String(jobs), '--sandbox', sandbox, '--lang', 'en', '--python', values.python];
  const rssFile = join(out, '..', `${label}.rss`);
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, gradeCommand, ...args]] : [gradeCommand, args];
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(file, argv, { env: { ...process.env, TMPDIR: harnessTmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  let mainHwm = 0;
  let nodePeak = 0;
  const sample = () => {
    let sum = 0;
    for (const pid of processTree(child.pid!)) {
      const status = statusField(pid, 'VmRSS');
      if (status?.name === 'node') sum += status.kib;
    }
    nodePeak = Math.max(nodePeak, sum);
    // The first Node of the tree: ./grade's, an ancestor of the slots' (as root, ./grade runs it inside bwrap).
    const mainPid = processTree(child.pid!).find((pid) => statusField(pid, 'VmHWM')?.name === 'node');
    if (mainPid !== undefined) mainHwm = Math.max(mainHwm, statusField(mainPid, 'VmHWM')?.kib ?? 0);
  };
  const sampler = memory ? setInterval(sample, 100) : undefined;
  const code = await new Promise<number | null>((resolve) => child.once('close', (status) => resolve(status)));
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  running.delete(child);
  const cpuSeconds = childrenCpuSeconds() - cpuBefore;
  if (code !== 0) throw new Error(`the harness exited with ${code} on ${label}:\n${output}`);
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    submissions: { score: number; checks: { id: string; passed: boolean }[] }[];
  };
  if (results.submissions.length !== target.files.length) throw new Error(`${label}: ${results.submissions.length} results for ${target.files.length} submissions`);
  const timeRss = timeBinary ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  rmSync(out, { recursive: true, force: true });
  return {
    wallMs,
    // The kernel's figure is the Node's where ./grade execs it; inside bwrap, it is the script's (bwrap's init is never
    // waited for from outside), and the polled figure is the grader's.
    mainMaxRssKiB: Math.max(Number.isFinite(timeRss) ? timeRss : 0, mainHwm),
    nodeRssPeakKiB: nodePeak,
    cpuSeconds,
    scores: results.submissions.map((s) => s.score),
    replyPassed: results.submissions.map((s) => s.checks.find((c) => c.id === 'reply')?.passed ?? false),
  };
}

function timeCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (stopping) return Promise.reject(new Error('bench stopped'));
  const started = performance.now();
  const child = spawn(command, args, { stdio: 'ignore', env });
  running.add(child);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      running.delete(child);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    }),
  );
}

async function baseline(target: Class): Promise<{ wallMs: number; cpuSeconds: number; submissions: readonly SubmissionTiming[] }> {
  const selfBefore = process.cpuUsage();
  const childrenBefore = childrenCpuSeconds();
  const run = await runBaseline(target.files, { python, jobs, timeouts });
  const self = process.cpuUsage(selfBefore);
  return { ...run, cpuSeconds: (self.user + self.system) / 1e6 + childrenCpuSeconds() - childrenBefore };
}

// ---------------------------------------------------------------- statistics and printing

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

function row(label: string, xs: readonly number[], format = ms): string {
  return `  ${pad(label, 44)} ${lpad(format(median(xs)), 10)} ${lpad(format(Math.min(...xs)), 10)} ${lpad(format(Math.max(...xs)), 10)}`;
}
const ratioFormat = (x: number) => `${x.toFixed(2)}×`;
function verdict(ratios: readonly number[], target: number): string {
  return median(ratios) <= target ? `meets the target (≤ ${target}×)` : `MISSES the target (≤ ${target}×)`;
}
// The least disturbed run of each side: on a shared machine, the best estimate of the intrinsic cost.
function minRatio(label: string, harness: readonly number[], base: readonly number[], target: number): string {
  const ratio = Math.min(...harness) / Math.min(...base);
  return `  ${pad(label, 44)} ${lpad(ratioFormat(ratio), 10)} ${' '.repeat(21)}   ${verdict([ratio], target)}`;
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const header = `  ${pad('', 44)} ${lpad('median', 10)} ${lpad('min', 10)} ${lpad('max', 10)}`;

function allCorrect(run: HarnessRun, label: string): void {
  const wrong = run.scores.filter((score) => score !== 20).length;
  if (wrong > 0) throw new Error(`${label}: ${wrong} correct submission(s) did not score 20/20: the timing would be meaningless`);
}

// ---------------------------------------------------------------- the bench

const stopAll = () => {
  killBaselineProcesses();
  for (const child of running) {
    // The CLI kills its student processes on SIGTERM; /usr/bin/time passes nothing on, so signal the CLI itself.
    for (const pid of processTree(child.pid!).reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    stopAll();
    // The main flow then fails fast and cleans up in its finally; this is the backstop.
    setTimeout(() => {
      for (const child of running) child.kill('SIGKILL');
      killLeftovers();
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    }, 3000).unref();
  });
}

async function main(): Promise<void> {
  const bwrap = existsSync('/usr/bin/bwrap') || spawnSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).status === 0;
  const line = (text = '') => process.stdout.write(`${text}\n`);
  line(`netlab-grader bench — ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} CPUs, --jobs ${jobs}, ${rounds} rounds`);
  line(`Python ${pythonVersion} (--python ${values.python} → ${python}), Node ${process.version}, bwrap ${bwrap ? 'present' : 'absent'}, rubric timeouts ${JSON.stringify(timeouts)}`);
  for (const text of startUpCostLines(python, sitePackages)) line(text);
  line(`load average at start: ${load()}`);

  const big = buildClass(`class-${classSize}`, classSize);
  const one = buildClass('class-1', 1);
  const silent = buildClass('never-replies', 1, neverReplying);
  const mixed = buildMixedClass(`mixed-${classSize}`, classSize, 10);

  // Warm-up, not counted: page cache, Python's .pyc, the first bwrap.
  await baseline(one);
  allCorrect(await runHarness(one, 'auto', 'warm-up'), 'warm-up');
  await timeCommand(process.execPath, ['-e', '0'], nodeAsGradeStartsIt);

  const series = {
    baseBig: [] as number[], autoBig: [] as number[], offBig: [] as number[],
    baseOne: [] as number[], nodeZero: [] as number[], autoOne: [] as number[], offOne: [] as number[],
    cliVersion: [] as number[], workerImport: [] as number[], pythonCommand: [] as number[], pythonBinary: [] as number[],
    ratioAutoBig: [] as number[], ratioOffBig: [] as number[], ratioAutoOne: [] as number[], ratioOffOne: [] as number[],
    cpuBase: [] as number[], cpuOff: [] as number[],
    rssAutoBig: [] as number[], rssOffBig: [] as number[], nodeRssAutoBig: [] as number[],
  };
  const baseOnePhases: SubmissionTiming[] = [];
  const baseBigPhases: SubmissionTiming[] = [];
  // What each sandbox slot runs: the bundled worker (with no stdin, it loads its code and ends).
  const workerEntry = join(root, 'dist', 'bundle', 'worker.cjs');

  // Every harness run sits between two baseline runs and is compared with their mean: the load of a
  // shared machine drifts within seconds, and this cancels its linear part.
  const checkedBaseline = async () => {
    const run = await baseline(big);
    if (run.submissions.some((s) => s.replies !== 8)) throw new Error('baseline: a correct server missed a reply');
    series.baseBig.push(run.wallMs);
    series.cpuBase.push(run.cpuSeconds / classSize);
    baseBigPhases.push(...run.submissions);
    return run.wallMs;
  };
  let before = await checkedBaseline();
  for (let round = 1; round <= rounds; round++) {
    const started = performance.now();
    // Alternate which sandbox mode goes first, so a drift of the machine favours neither.
    for (const sandbox of round % 2 === 1 ? (['auto', 'off'] as const) : (['off', 'auto'] as const)) {
      const run = await runHarness(big, sandbox, `${sandbox}-${classSize}-${round}`, true);
      allCorrect(run, `class of ${classSize}, sandbox ${sandbox}`);
      const after = await checkedBaseline();
      const ratio = run.wallMs / ((before + after) / 2);
      before = after;
      if (sandbox === 'auto') {
        series.autoBig.push(run.wallMs); series.ratioAutoBig.push(ratio);
        series.rssAutoBig.push(run.mainMaxRssKiB); series.nodeRssAutoBig.push(run.nodeRssPeakKiB);
      } else {
        series.offBig.push(run.wallMs); series.ratioOffBig.push(ratio);
        series.cpuOff.push(run.cpuSeconds / classSize); series.rssOffBig.push(run.mainMaxRssKiB);
      }
    }
    // One submission, bracketed the same way: baseline + node -e 0, a harness run, baseline + node -e 0…
    const baselineOne = async () => {
      const run = await baseline(one);
      const node = await timeCommand(process.execPath, ['-e', '0'], nodeAsGradeStartsIt);
      series.baseOne.push(run.wallMs);
      series.nodeZero.push(node);
      baseOnePhases.push(...run.submissions);
      return run.wallMs + node;
    };
    let beforeOne = await baselineOne();
    for (const sandbox of round % 2 === 1 ? (['auto', 'off'] as const) : (['off', 'auto'] as const)) {
      const run = await runHarness(one, sandbox, `${sandbox}-1-${round}`);
      allCorrect(run, `one submission, sandbox ${sandbox}`);
      const afterOne = await baselineOne();
      const ratio = run.wallMs / ((beforeOne + afterOne) / 2);
      beforeOne = afterOne;
      if (sandbox === 'auto') {
        series.autoOne.push(run.wallMs); series.ratioAutoOne.push(ratio);
      } else {
        series.offOne.push(run.wallMs); series.ratioOffOne.push(ratio);
      }
    }

    // Start-up profile: the CLI with every module imported, and what each sandbox slot imports.
    series.cliVersion.push(await timeCommand(gradeCommand, ['--version']));
    // In the environment a slot gets (harness/workers/slot-process.ts).
    series.workerImport.push(await timeCommand(process.execPath, [workerEntry], nodeAsGradeStartsIt));
    // The harness resolves --python once per run by running it: through a version shim, that is not free.
    series.pythonCommand.push(await timeCommand(values.python, ['-c', 'import sys; print(sys.executable)']));
    series.pythonBinary.push(await timeCommand(python, ['-c', 'import sys; print(sys.executable)']));
    process.stderr.write(`bench: round ${round}/${rounds} done in ${ms(performance.now() - started)}, load average ${load()}\n`);
  }

  // A never-replying server: what it costs beyond the deadlines it must wait.
  const deadlinesMs = 3 * timeouts.replyMs; // reply, many-clients, the restart's reply
  const silentSeries = { base: [] as number[], auto: [] as number[], off: [] as number[] };
  const mixedSeries = { base: [] as number[], auto: [] as number[], off: [] as number[] };
  let silentScore = NaN;
  for (let round = 1; round <= silentRounds; round++) {
    const b = await baseline(silent);
    const a = await runHarness(silent, 'auto', `silent-auto-${round}`);
    const o = await runHarness(silent, 'off', `silent-off-${round}`);
    if (a.replyPassed[0] || o.replyPassed[0]) throw new Error('the never-replying server passed the reply check');
    silentScore = a.scores[0]!;
    silentSeries.base.push(b.wallMs); silentSeries.auto.push(a.wallMs); silentSeries.off.push(o.wallMs);
    const mb = await baseline(mixed);
    const ma = await runHarness(mixed, 'auto', `mixed-auto-${round}`);
    const mo = await runHarness(mixed, 'off', `mixed-off-${round}`);
    for (const run of [ma, mo]) {
      if (run.scores.some((score, index) => (score === 20) === mixed.silent.has(index))) throw new Error('the mixed class was graded wrongly');
    }
    mixedSeries.base.push(mb.wallMs); mixedSeries.auto.push(ma.wallMs); mixedSeries.off.push(mo.wallMs);
    process.stderr.write(`bench: never-replying round ${round}/${silentRounds} done\n`);
  }

  // Linearity and memory: a class of --size, once per side.
  const large = buildClass(`class-${largeSize}`, largeSize);
  // The baseline runs before and after the harness: a drift of the machine's load shows, and averages out.
  const largeBaseBefore = await baseline(large);
  const largeAuto = await runHarness(large, 'auto', `auto-${largeSize}`, true);
  allCorrect(largeAuto, `class of ${largeSize}, sandbox auto`);
  const largeOff = await runHarness(large, 'off', `off-${largeSize}`, true);
  allCorrect(largeOff, `class of ${largeSize}, sandbox off`);
  const largeBaseAfter = await baseline(large);
  const largeBaseMs = (largeBaseBefore.wallMs + largeBaseAfter.wallMs) / 2;
  process.stderr.write(`bench: class of ${largeSize} done\n`);

  // ------------------------------------------------------------ report
  line();
  line(`Class of ${classSize} correct submissions (wall clock of the whole run)`);
  line(header);
  line(row(`baseline (bare rubric work), ${series.baseBig.length} runs`, series.baseBig));
  line(row('harness CLI, --sandbox auto (bwrap)', series.autoBig));
  line(row('harness CLI, --sandbox off', series.offBig));
  line(row('ratio auto / baseline (per run)', series.ratioAutoBig, ratioFormat) + `   ${verdict(series.ratioAutoBig, 1.25)}`);
  line(row('ratio off / baseline (per run)', series.ratioOffBig, ratioFormat) + `   ${verdict(series.ratioOffBig, 1.25)}`);
  line(minRatio('ratio of the minimums, auto / baseline', series.autoBig, series.baseBig, 1.25));
  line(minRatio('ratio of the minimums, off / baseline', series.offBig, series.baseBig, 1.25));
  line(row('per submission: baseline', series.baseBig.map((x) => x / classSize)));
  line(row('per submission: harness auto', series.autoBig.map((x) => x / classSize)));
  line(row('per submission: harness off', series.offBig.map((x) => x / classSize)));
  line(row('CPU per submission: baseline (Node + Python)', series.cpuBase.map((x) => x * 1000)));
  line(row('CPU per submission: harness off (all procs)', series.cpuOff.map((x) => x * 1000)));
  line();
  line('One submission (the self-check)');
  line(header);
  line(row(`baseline, 1 submission (${series.baseOne.length} runs)`, series.baseOne));
  line(row('node -e 0 (started as ./grade starts Node)', series.nodeZero));
  line(row('baseline + node -e 0', series.baseOne.map((x, i) => x + series.nodeZero[i]!)));
  line(row('harness CLI, --sandbox auto', series.autoOne));
  line(row('harness CLI, --sandbox off', series.offOne));
  line(row('ratio auto / (baseline + node) (per run)', series.ratioAutoOne, ratioFormat) + `   ${verdict(series.ratioAutoOne, 1.5)}`);
  line(row('ratio off / (baseline + node) (per run)', series.ratioOffOne, ratioFormat) + `   ${verdict(series.ratioOffOne, 1.5)}`);
  const baseNode = series.baseOne.map((x, i) => x + series.nodeZero[i]!);
  line(minRatio('ratio of the minimums, auto / (base + node)', series.autoOne, baseNode, 1.5));
  line(minRatio('ratio of the minimums, off / (base + node)', series.offOne, baseNode, 1.5));
  line();
  line('Where the time goes');
  line(header);
  line(row('./grade --version', series.cliVersion));
  line(row('  minus the median node -e 0 (imports)', series.cliVersion.map((x) => x - median(series.nodeZero))));
  line(row('node: a slot worker loading its code', series.workerImport));
  line(row(`${values.python} -c … (resolving --python)`, series.pythonCommand));
  line(row('the same with the real binary', series.pythonBinary));
  const phase = (label: string, list: readonly SubmissionTiming[], key: keyof SubmissionTiming) => line(row(label, list.map((t) => t[key])));
  line(`  baseline phases, 1 submission alone:`);
  phase('  spawn → bound (Python start-up + hook)', baseOnePhases, 'spawnToBound');
  phase('  reuse probe + 1 + 3×2 datagrams', baseOnePhases, 'probes');
  phase('  Ctrl+C → exit', baseOnePhases, 'interruptToExit');
  phase('  restart → bound', baseOnePhases, 'restartToBound');
  phase('  1 datagram', baseOnePhases, 'restartProbe');
  phase('  Ctrl+C → exit', baseOnePhases, 'restartInterruptToExit');
  phase('  whole submission', baseOnePhases, 'total');
  line(`  baseline phases, class of ${classSize} (${jobs} at a time):`);
  phase('  spawn → bound', baseBigPhases, 'spawnToBound');
  phase('  restart → bound', baseBigPhases, 'restartToBound');
  phase('  whole submission', baseBigPhases, 'total');
  line();
  line(`A never-replying server (binds, prints, never answers), ${silentRounds} round(s)`);
  line(header);
  line(`  ${pad('deadlines it must wait: 3 × replyMs', 44)} ${lpad(ms(deadlinesMs), 10)}`);
  if (silentRounds > 0) {
    line(row('baseline', silentSeries.base));
    line(row('harness CLI, --sandbox auto', silentSeries.auto));
    line(row('harness CLI, --sandbox off', silentSeries.off));
    line(row('auto − deadlines', silentSeries.auto.map((x) => x - deadlinesMs)));
    line(row('off − deadlines', silentSeries.off.map((x) => x - deadlinesMs)));
    line(row('baseline − its correct run (median)', silentSeries.base.map((x) => x - median(series.baseOne))));
    line(row('auto − its correct run (median)', silentSeries.auto.map((x) => x - median(series.autoOne))));
    line(row('off − its correct run (median)', silentSeries.off.map((x) => x - median(series.offOne))));
    line(`  score of the never-replying server: ${silentScore}/20`);
    line(`  a class of ${classSize}, one in 10 never replying (${mixed.silent.size}): the others are graded while they wait`);
    line(row('  baseline', mixedSeries.base));
    line(row('  harness CLI, --sandbox auto', mixedSeries.auto));
    line(row('  harness CLI, --sandbox off', mixedSeries.off));
    line(row('  ratio auto / baseline', mixedSeries.auto.map((x, index) => x / mixedSeries.base[index]!), ratioFormat));
    line(row('  ratio off / baseline', mixedSeries.off.map((x, index) => x / mixedSeries.base[index]!), ratioFormat));
  }
  line();
  line(`Linearity and memory: class of ${largeSize} vs class of ${classSize} (one harness run each; baseline ${ms(largeBaseBefore.wallMs)} before, ${ms(largeBaseAfter.wallMs)} after)`);
  const perBig = (xs: readonly number[]) => median(xs) / classSize;
  const perLarge = (x: number) => x / largeSize;
  line(`  ${pad('', 44)} ${lpad(`per sub ${classSize}`, 12)} ${lpad(`per sub ${largeSize}`, 12)} ${lpad('growth', 8)}`);
  const lin = (label: string, big40: readonly number[], x: number) =>
    line(`  ${pad(label, 44)} ${lpad(ms(perBig(big40)), 12)} ${lpad(ms(perLarge(x)), 12)} ${lpad(`${(perLarge(x) / perBig(big40)).toFixed(2)}×`, 8)}`);
  lin('baseline (mean of the runs before and after)', series.baseBig, largeBaseMs);
  lin('harness auto', series.autoBig, largeAuto.wallMs);
  lin('harness off', series.offBig, largeOff.wallMs);
  // Linear with a fixed start-up cost: the ratio to the baseline must not grow with the class.
  line(`  ${pad('', 44)} ${lpad(`ratio ${classSize}`, 12)} ${lpad(`ratio ${largeSize}`, 12)}`);
  line(`  ${pad('harness auto / baseline', 44)} ${lpad(ratioFormat(median(series.ratioAutoBig)), 12)} ${lpad(ratioFormat(largeAuto.wallMs / largeBaseMs), 12)}`);
  line(`  ${pad('harness off / baseline', 44)} ${lpad(ratioFormat(median(series.ratioOffBig)), 12)} ${lpad(ratioFormat(largeOff.wallMs / largeBaseMs), 12)}`);
  const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
  line(`  ${pad('', 44)} ${lpad(`class ${classSize}`, 12)} ${lpad(`class ${largeSize}`, 12)}`);
  line(`  ${pad(`max RSS, grader main process, auto`, 44)} ${lpad(mib(median(series.rssAutoBig)), 12)} ${lpad(mib(largeAuto.mainMaxRssKiB), 12)}`);
  line(`  ${pad(`max RSS, grader main process, off`, 44)} ${lpad(mib(median(series.rssOffBig)), 12)} ${lpad(mib(largeOff.mainMaxRssKiB), 12)}`);
  line(`  ${pad(`peak RSS, all Node procs (main + slots), auto`, 44)} ${lpad(mib(median(series.nodeRssAutoBig)), 12)} ${lpad(mib(largeAuto.nodeRssPeakKiB), 12)}`);
  line(`  (max RSS: ${timeBinary ? "the kernel's figure, /usr/bin/time -f %M" : 'VmHWM polled every 100 ms'}; peak RSS: sampled every 100 ms)`);
  line(`load average at end: ${load()}`);
}

function leftovers(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cwd.startsWith(work) || cmdline.includes(work)) found.push(Number(entry));
    } catch {
      // Gone, or not readable: not ours.
    }
  }
  return found;
}

function killLeftovers(): number[] {
  const left = leftovers();
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return left;
}

try {
  await main();
} catch (error) {
  if (!stopping) throw error;
  process.stderr.write('bench: stopped\n');
  process.exitCode = 130;
} finally {
  stopAll();
  const left = killLeftovers();
  process.stdout.write(left.length === 0 ? '\nNo process left behind.\n' : `\nKilled ${left.length} leftover process(es): ${left.join(', ')}\n`);
  rmSync(work, { recursive: true, force: true });
}
