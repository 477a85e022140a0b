import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { interpreterEnvironment } from '../launch/interpreter-environment.js';
import { spawnChild, type StartedChild, type ExitStatus } from '../launch/started-child.js';
import { resolvePython } from '../python/resolve.js';
import { openLauncher, underLimits } from './launcher.js';
import { limitsSchema } from './limits-schema.js';

// A Python program the launcher runs in a fork of its own interpreter (./launcher.py) must not be told apart
// from `python3 <file>`: each program here runs both ways, from the same folder with the same environment,
// and must print the same, end the same way and leave the same traceback.
const { executable: python } = await resolvePython('python3');
const scratch = mkdtempSync(join(tmpdir(), 'in-place-'));
const folder = join(scratch, 'student');
mkdirSync(folder);
const launcherProcess = openLauncher([], python, undefined, join(scratch, 'launcher'));
const launcher = underLimits(launcherProcess, limitsSchema.parse({}));
const env = { ...interpreterEnvironment(scratch), GRADER_PORT_MAP: '3000=0', GRADER_RUN_MARKER: 'f'.repeat(36) };

afterAll(async () => {
  await launcherProcess.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: ExitStatus;
}

async function finish(child: StartedChild): Promise<Run> {
  const [stdout, stderr, status] = await Promise.all([text(child.stdout.resume()), text(child.stderr.resume()), child.exit]);
  return { stdout, stderr, status };
}

// The same program, run fresh and in place.
async function bothWays(name: string, source: string, args: string[] = []): Promise<{ fresh: Run; inPlace: Run }> {
  writeFileSync(join(folder, name), source);
  const request = { argv: [python, name, ...args] as [string, ...string[]], cwd: folder, env, held: false };
  const fresh = await finish(spawnChild(request));
  const inPlace = await finish(await launcher.start(request));
  return { fresh, inPlace };
}

// Descriptors above 9 are left out: a fresh spawn inherits one the test runner leaves without close-on-exec.
// Waits for `condition` without letting this process's event loop turn, a millisecond at a time, within a deadline.
function blockUntil(condition: () => boolean, deadlineMs: number): void {
  const tick = new Int32Array(new SharedArrayBuffer(4));
  const deadline = performance.now() + deadlineMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`not true within ${deadlineMs} ms`);
    Atomics.wait(tick, 0, 0, 1);
  }
}

// A process's state letter (proc(5)): S while the launcher waits for a request or a child.
function processState(pid: number): string | undefined {
  return /\) (\w)/.exec(readFileSync(`/proc/${pid}/stat`, 'latin1'))?.[1];
}

const describesItself = `
main = [[name, type(value).__name__ if name == "__loader__" else repr(value)] for name, value in vars().items()]
import __main__, gc, json, os, signal, site, sys
print(json.dumps({
    "main": main,
    "loader": [__loader__.name, __loader__.path],
    "argv": sys.argv,
    "orig_argv": sys.orig_argv[1:],
    "path": sys.path,
    "user site": [site.USER_BASE, site.USER_SITE, site.ENABLE_USER_SITE],
    "modules": sorted(sys.modules),
    "environ": dict(os.environ),
    "cwd": os.getcwd(),
    "flags": repr(sys.flags),
    "streams": [[stream.fileno(), stream.encoding, stream.errors, stream.line_buffering, stream.write_through]
                for stream in (sys.stdin, sys.stdout, sys.stderr)],
    "handlers": [repr(signal.getsignal(number)) for number in (signal.SIGINT, signal.SIGPIPE, signal.SIGXFSZ, signal.SIGCHLD, signal.SIGTERM)],
    "descriptors": sorted(int(fd) for fd in os.listdir("/proc/self/fd") if int(fd) < 10),
    "session leader": os.getsid(0) == os.getpid(),
    "collecting": gc.isenabled(),
}, indent=1))
`;

describe('a Python program run in place by the launcher', () => {
  it('sees what python3 <file> shows it: __main__, argv, sys.path, modules, environment, streams, signals, descriptors', async () => {
    const { fresh, inPlace } = await bothWays('describes.py', describesItself, ['one', 'two words']);
    expect(fresh.status).toEqual({ code: 0, signal: null });
    expect(JSON.parse(inPlace.stdout)).toEqual(JSON.parse(fresh.stdout));
    expect(inPlace).toEqual(fresh);
  });

  it.each([
    ['ends-normally.py', 'print("done")'],
    ['exits-with-a-code.py', 'import sys\nprint("bye")\nsys.exit(3)'],
    ['exits-with-a-message.py', 'import sys\nsys.exit("something went wrong")'],
    ['raises.py', 'def deeper():\n    raise ValueError("no reply")\n\ndef outer():\n    deeper()\n\nouter()'],
    ['raises-from.py', 'try:\n    {}["key"]\nexcept KeyError as error:\n    raise RuntimeError("lookup failed") from error'],
    ['interrupted.py', 'print("stopping")\nraise KeyboardInterrupt'],
    ['does-not-compile.py', 'print("never"\n'],
    // The thread outlives the main one (it waits for its end): the interpreter waits for it before the atexit handlers.
    [
      'runs-at-exit.py',
      'import atexit, threading\natexit.register(print, "at exit")\nthreading.Thread(target=lambda: (threading.main_thread().join(), print("thread done"))).start()\nprint("main done")',
    ],
    ['runs-strings.py', 'exec("def f():\\n    raise OSError(5, \'in a string\')\\nf()")'],
  ])('ends as python3 <file> does: %s', async (name, source) => {
    const { fresh, inPlace } = await bothWays(name, source);
    expect(inPlace).toEqual(fresh);
  });

  it('reports a program that ends at once, with its output, when its end is known before its descriptors are', async () => {
    const ended = join(folder, 'crashes-at-once.pid');
    writeFileSync(join(folder, 'crashes-at-once.py'), `import os\nopen(${JSON.stringify(ended)}, "w").write(str(os.getpid()))\nraise SystemExit("gone")`);
    const request = { argv: [python, 'crashes-at-once.py'] as [string, ...string[]], cwd: folder, env, held: false };
    const launcherPid = await launcherProcess.pid;
    const starting = launcher.start(request);
    await new Promise((resolve) => setImmediate(resolve)); // the request is written
    // This process's event loop does not turn until the program has ended and the launcher has reaped it and gone
    // back to waiting (its "exit" line written): its "started" and "exit" lines are then read in the same turn as
    // its descriptors' connections are accepted, before their first lines.
    blockUntil(() => {
      const pid = existsSync(ended) ? readFileSync(ended, 'utf8') : '';
      return pid !== '' && !existsSync(`/proc/${pid}`) && processState(launcherPid) === 'S';
    }, 4000);
    expect(await finish(await starting)).toEqual({ stdout: '', stderr: 'gone\n', status: { code: 1, signal: null } });
  }, 5000);

  it('says a missing file is missing, as python3 does', async () => {
    const request = { argv: [python, 'missing.py'] as [string, ...string[]], cwd: folder, env, held: false };
    const fresh = await finish(spawnChild(request));
    expect(fresh.status).toEqual({ code: 2, signal: null });
    expect(await finish(await launcher.start(request))).toEqual(fresh);
  });
});
