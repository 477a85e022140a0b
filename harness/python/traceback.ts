// The error a Python program died of, read from its stderr: what a student needs to fix it.
export interface PythonError {
  // e.g. "TabError: inconsistent use of tabs and spaces in indentation"
  readonly summary: string;
  readonly type: string;
  // The line in the student's own file, when the traceback names it.
  readonly line?: number;
}

const lastLinePattern = /^([A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit|Warning)|KeyboardInterrupt|SystemExit)(?::\s?(.*))?$/;

export function parsePythonError(stderr: string, entryName: string): PythonError | undefined {
  const lines = stderr.split(/\r?\n/).map((line) => line.trimEnd());
  let summary: { type: string; text: string } | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = lastLinePattern.exec(lines[i]!);
    if (match) {
      summary = { type: match[1]!, text: lines[i]! };
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
