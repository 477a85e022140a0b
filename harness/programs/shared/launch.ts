import type { ExitStatus, StudentProcess } from '../../launch/student-process.js';
import { type Message, message } from '../../messages/translate.js';
import type { OutputExcerpt, RunOutput } from '../../launch/run-output.js';
import { parsePythonError, type PythonError } from '../../python/traceback.js';
import { withoutHookFrames } from '../../python/hook-frames.js';
import { pythonHookDir } from '../../paths.js';

// What every kind of lab program reads of a finished launch: how the program ended, and what it printed.

// How a program ended: its exit status, and the Python error it died of when stderr holds a traceback.
export interface Death {
  readonly status: ExitStatus;
  readonly error?: PythonError;
}

// "exit code 1", "killed by SIGKILL": how a report names a program's end.
export function statusText(death: Death): Message {
  return death.status.signal ? message('status.signal', { signal: death.status.signal }) : message('status.code', { code: death.status.code ?? '?' });
}

// The Python error a program died of, with its line when the traceback names the student's file.
export function errorText(death: Death): Message | string {
  const error = death.error;
  if (!error) return '';
  return error.line === undefined ? error.summary : message('error.at-line', { summary: error.summary, line: error.line });
}

export function deathOf(program: StudentProcess, entryName: string): Death {
  const status = program.exitStatus() ?? { code: null, signal: null };
  const { head, tail } = program.stderr.snapshot();
  const error = parsePythonError(`${head.toString('utf8')}\n${tail.toString('utf8')}`, entryName);
  return error ? { status, error } : { status };
}

// Tracebacks name the private copy (/tmp/grade-XXXX/work/...): shown relative, as in the student's own folder,
// and without the frame of the grader's port-mapping hook a failed bind() raises through.
export function outputOf(program: StudentProcess, workspaceDir: string): RunOutput {
  const relative = (excerpt: OutputExcerpt): OutputExcerpt => ({
    head: withoutPrefix(excerpt.head, `${workspaceDir}/`),
    tail: withoutPrefix(excerpt.tail, `${workspaceDir}/`),
    cutBytes: excerpt.cutBytes,
  });
  const stderr = program.stderr.snapshot();
  const withoutHook = { ...stderr, head: withoutHookFrames(stderr.head, pythonHookDir), tail: withoutHookFrames(stderr.tail, pythonHookDir) };
  return { stdout: relative(program.stdout.snapshot()), stderr: relative(withoutHook) };
}

function withoutPrefix(bytes: Buffer, prefix: string): Buffer {
  const needle = Buffer.from(prefix);
  if (!bytes.includes(needle)) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
