import type { ProgressEvent } from '../options.js';
import type { Lang } from '../rubric/schema.js';
import { progressLine, statusLine } from '../terminal/lines.js';
import { now } from '../clock.js';

// Progress on stderr: a line rewritten in place on a terminal, one line per submission in CI logs.
// A single submission shows nothing here: its checklist comes at the end.
export function progressPrinter(lang: Lang, stream: NodeJS.WriteStream = process.stderr) {
  const live = stream.isTTY === true;
  let state = { done: 0, total: 0, belowFull: 0, startedAt: now() };
  return {
    update(event: ProgressEvent): void {
      if (event.kind === 'start') state = { done: 0, total: event.total, belowFull: 0, startedAt: now() };
      else state = { ...state, done: event.done, belowFull: state.belowFull + (event.score < event.maxScore ? 1 : 0) };
      if (state.total <= 1) return;
      if (live) stream.write(`\r\u001b[K${statusLine({ ...state, elapsedMs: now() - state.startedAt }, lang)}`);
      else if (event.kind === 'graded') stream.write(`${progressLine(event, lang)}\n`);
    },
    finish(): void {
      if (live && state.total > 1) stream.write('\r\u001b[K');
    },
  };
}
