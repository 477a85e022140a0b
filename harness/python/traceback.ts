// The error a Python program died of, read from its stderr: what a student needs to fix it.
export interface PythonError {
  // e.g. "TabError: inconsistent use of tabs and spaces in indentation"
  readonly summary: string;
  readonly type: string;
  // The line in the student's own file, when the traceback names it.
  readonly line?: number;
}

// "Type: message" or a bare "Type", where Type may be dotted (socket.gaierror) and need not end in Error.
const exceptionLinePattern = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;

export function parsePythonError(stderr: string, entryName: string): PythonError | undefined {
  const lines = stderr.split(/\r?\n/).map((line) => line.trimEnd());
  // The exception line is the first unindented line after the last traceback frame.
  let lastFrame = -1;
  lines.forEach((line, index) => {
    if (line.startsWith('Traceback (most recent call last):') || /^\s+File "/.test(line)) lastFrame = index;
  });
  if (lastFrame < 0) return undefined;
  let summary: { type: string; text: string } | undefined;
  for (const line of lines.slice(lastFrame + 1)) {
    const match = /^\S/.test(line) ? exceptionLinePattern.exec(line) : null;
    if (match) {
      summary = { type: match[1]!, text: line };
      break;
    }
  }
  if (!summary) return undefined;
  // The innermost frame in the student's file: the line they wrote, not a line of the standard library.
  let line: number | undefined;
  const framePattern = /^\s*File "(.*)", line (\d+)/;
  for (const text of lines) {
    const frame = framePattern.exec(text);
    if (frame && (frame[1]!.endsWith(`/${entryName}`) || frame[1] === entryName)) line = Number(frame[2]);
  }
  return line === undefined ? { summary: summary.text, type: summary.type } : { summary: summary.text, type: summary.type, line };
}
