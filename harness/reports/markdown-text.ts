/**
 * The one place that turns untrusted text (student program output, file names,
 * exception messages) into inert Markdown. Every helper here is designed so that
 * the caller can paste its result into a report without the content being able
 * to open or close blocks, forge headings/tables/verdicts, inject HTML or links,
 * or hide text with terminal escapes or bidi overrides.
 *
 * Placement contract for callers:
 * - `codeBlock` output must start at the beginning of a line, at top level
 *   (not inside a list item or block quote).
 * - `tableCell` output goes between `|` separators of a GFM table row.
 * - `plainText` output may start a line of a paragraph.
 * - `inlineCode` output goes inside a paragraph, NOT inside a table cell (a `|`
 *   inside a code span still splits GFM table cells; use `tableCell` there).
 */

const decoder = new TextDecoder('utf-8', { fatal: false });

// Why: program output arrives as raw bytes; invalid UTF-8 must become U+FFFD, never throw or vanish.
export function decodeOutput(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

// C0 controls except \t (0x09) and \n (0x0a), DEL, C1 controls, bidi embeddings/overrides/isolates.
const CONTROL_RE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

// Why: ESC sequences, \r overwrites, NULs and bidi overrides can hide or reorder text in a viewer; show them instead.
export function visibleControls(text: string): string {
  return text.replace(CONTROL_RE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x0d) return '\\r';
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) {
    if (run.length > longest) longest = run.length;
  }
  return longest;
}

const SAFE_INFO_RE = /^[A-Za-z0-9_+.-]*$/;

// Why: verbatim output needs a fence its content cannot close (longer than any backtick run inside).
export function codeBlock(text: string, info = 'text'): string {
  const content = visibleControls(text);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
  // A backtick fence's info string may not contain backticks; keep it to a plain language tag.
  const safeInfo = SAFE_INFO_RE.test(info) ? info : 'text';
  const body = content === '' ? '' : `${content}\n`;
  return `${fence}${safeInfo}\n${body}${fence}\n`;
}

// Why: short values (a received line, a file name) read best inline, but must not escape their code span.
export function inlineCode(text: string): string {
  let content = visibleControls(text).replace(/\n/g, '⏎');
  if (content === '') return '`""`';
  // CommonMark keeps all-space spans as-is but markdown-it strips them when 3+ long;
  // show spaces explicitly so every renderer agrees and the value stays visible.
  if (/^ +$/.test(content)) content = content.replace(/ /g, '␠');
  const ticks = '`'.repeat(longestBacktickRun(content) + 1);
  // One space each side is stripped by the parser when both ends are spaces, so this
  // padding lets content begin/end with a backtick or a space without changing it.
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${ticks}${pad}${content}${pad}${ticks}`;
}

// Single pass, so escapes are never re-escaped. Every listed char is ASCII punctuation, so a
// backslash escape is valid CommonMark and renders the char literally; `&` becomes an entity
// so no character reference can be formed. `$` is included so GitHub's math extension cannot trigger.
const INLINE_SPECIAL_RE = /[\\|*_`[\]<>#~!$&]/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL_RE, (ch) => (ch === '&' ? '&amp;' : `\\${ch}`));
}

/** Maximum visible length of a table cell, including the trailing ellipsis. */
export const TABLE_CELL_MAX = 300;

// Why: a cell must not add columns, links, emphasis, code or HTML, and must stay readable in a wide table.
export function tableCell(text: string): string {
  const flat = visibleControls(text).replace(/\n/g, ' ').trim();
  const chars = Array.from(flat); // code points, so a surrogate pair is never split
  const clipped = chars.length > TABLE_CELL_MAX ? `${chars.slice(0, TABLE_CELL_MAX - 1).join('').trimEnd()}…` : flat;
  return escapeInline(clipped);
}

// Why: prose-position text (messages, reasons) must stay one inert paragraph line, never a block construct.
export function plainText(text: string): string {
  const escaped = escapeInline(visibleControls(text).replace(/\n/g, ' ').trim());
  // `#`, `>`, `<`, `*`, `_`, `~`, `` ` ``, `|`, `[` are escaped everywhere already; these remain
  // as possible line starters: list bullets (`-`, `+`), setext underlines (`=`, `-`), ordered lists.
  if (/^[-+=]/.test(escaped)) return `\\${escaped}`;
  const ordered = /^(\d+)([.)])/.exec(escaped);
  if (ordered) {
    const [whole, digits = '', delim = ''] = ordered;
    return `${digits}\\${delim}${escaped.slice(whole.length)}`;
  }
  return escaped;
}
