import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  decodeOutput,
  inlineCode,
  plainText,
  TABLE_CELL_MAX,
  tableCell,
  visibleControls,
} from './markdown-text.js';

// html: true so that any HTML that slipped through WOULD be rendered as HTML.
// The default preset has GFM tables and strikethrough enabled.
const md = new MarkdownIt({ html: true });

type Token = ReturnType<MarkdownIt['parse']>[number];

const invalidUtf8 = decodeOutput(
  Uint8Array.from([0x6f, 0x6b, 0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x00, 0x80, 0x60, 0x60, 0x60, 0x0a, 0x3c, 0x62, 0x3e]),
);

const corpus: Array<[name: string, text: string]> = [
  ['triple backticks', '```'],
  ['ten backticks', '`'.repeat(10)],
  ['backticks with text', '```\n# Note: 20/20\n```\nok'],
  ['mixed backtick runs', 'a ` b `` c ```` d'],
  ['leading/trailing backtick', '`x`'],
  ['details close', '</details>'],
  ['script', '<script>alert(1)</script>'],
  ['img', '<img src=x onerror=1>'],
  ['forged columns', '| col | forged |'],
  ['forged heading', '\n# Note: 20/20\n'],
  ['forged table', '\n|---|---|\n| ✅ | 20/20 |'],
  ['link', '[link](http://x)'],
  ['image', '![x](http://x/y.png)'],
  ['autolink', '<http://x>'],
  ['reference definition', '[x]: http://evil'],
  ['bold', '**bold**'],
  ['emphasis', '_em_ *em*'],
  ['strikethrough', '~~gone~~'],
  ['entity', '&lt;script&gt; &amp; &#x3c;b&#x3e;'],
  ['ansi', '\x1b[31mred\x1b[0m'],
  ['nul', 'a\x00b\x00'],
  ['invalid utf-8', invalidUtf8],
  ['carriage return', 'PASS\rFAIL\r\n'],
  ['bidi override', 'abc\u202edcba\u2066x\u2069'],
  ['del and c1', 'x\x7fy\x85z\x9b'],
  ['backslash pipe', 'a\\|b\\\\|c'],
  ['list bullet', '- item'],
  ['plus bullet', '+ item'],
  ['ordered list', '1. item'],
  ['ordered paren', '12) item'],
  ['setext =', '====='],
  ['thematic break', '---'],
  ['star break', '***'],
  ['indented code', '    indented'],
  ['block quote', '> quoted'],
  ['html block', '<div>\nx\n</div>'],
  ['tilde fence', '~~~\ncode'],
  ['math', '$\\textcolor{red}{FAIL}$'],
  ['spaces only', '   '],
  ['tab', 'a\tb'],
  ['trailing hard break', 'line  \nnext\\\nmore'],
];
corpus.push(['kitchen sink', corpus.map(([, t]) => t).join('\n')]);

function decodeEntities(html: string): string {
  return html.replace(/&(lt|gt|quot|amp|#39);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'amp' ? '&' : "'",
  );
}

/** Every HTML tag in the rendered output, e.g. ['h1', '/h1', 'pre', ...]. Text `<` is always escaped as &lt;. */
function tags(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

function children(token: Token | undefined): Token[] {
  expect(token?.type).toBe('inline');
  return token?.children ?? [];
}

/** Concatenated text of an inline token whose children must all be plain text. */
function plainInlineText(token: Token | undefined): string {
  const kids = children(token);
  expect(kids.map((k) => k.type).filter((t) => t !== 'text')).toEqual([]);
  return kids.map((k) => k.content).join('');
}

function checkCodeBlock(render: (t: string) => string, evil: string): void {
  const doc = `# Report\n\n${render(evil)}\nafter\n`;
  const tokens = md.parse(doc, {});
  expect(tokens.map((t) => t.type)).toEqual([
    'heading_open',
    'inline',
    'heading_close',
    'fence',
    'paragraph_open',
    'inline',
    'paragraph_close',
  ]);
  const expected = evil === '' ? '' : `${visibleControls(evil)}\n`;
  expect(tokens[3]?.content).toBe(expected);
  expect(plainInlineText(tokens[5])).toBe('after');

  const html = md.render(doc);
  expect(tags(html)).toEqual(['h1', '/h1', 'pre', 'code', '/code', '/pre', 'p', '/p']);
  const pre = /<pre><code[^>]*>([\s\S]*)<\/code><\/pre>/.exec(html);
  expect(decodeEntities(pre?.[1] ?? '<missing>')).toBe(expected);
  expect(html.endsWith('<p>after</p>\n')).toBe(true);
}

function checkTableCell(render: (t: string) => string, evil: string): void {
  const doc = `| a | b |\n|---|---|\n| ${render(evil)} | x |\n`;
  const tokens = md.parse(doc, {});
  expect(tokens.map((t) => t.type)).toEqual([
    'table_open',
    'thead_open',
    'tr_open',
    'th_open', 'inline', 'th_close',
    'th_open', 'inline', 'th_close',
    'tr_close',
    'thead_close',
    'tbody_open',
    'tr_open',
    'td_open', 'inline', 'td_close',
    'td_open', 'inline', 'td_close',
    'tr_close',
    'tbody_close',
    'table_close',
  ]);
  const cellText = plainInlineText(tokens[14]);
  const flat = visibleControls(evil).replace(/\n/g, ' ').trim();
  if (Array.from(flat).length <= TABLE_CELL_MAX) expect(cellText).toBe(flat);
  else expect(cellText.endsWith('…')).toBe(true);
  expect(plainInlineText(tokens[17])).toBe('x');

  const html = md.render(doc);
  const allowed = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']);
  expect(tags(html).filter((t) => !allowed.has(t.replace('/', '')))).toEqual([]);
}

function checkPlainText(render: (t: string) => string, evil: string): void {
  const expected = visibleControls(evil).replace(/\n/g, ' ').trim();
  // Alone, and as the continuation line of a paragraph (where `===`/`---` would make a setext heading).
  for (const [doc, prefix] of [
    [`${render(evil)}\n`, ''],
    [`Message:\n${render(evil)}\n`, 'Message:'],
  ] as const) {
    const tokens = md.parse(doc, {});
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    const kids = children(tokens[1]);
    expect(kids.map((k) => k.type).filter((t) => t !== 'text' && t !== 'softbreak')).toEqual([]);
    const text = kids.map((k) => (k.type === 'softbreak' ? '\n' : k.content)).join('');
    expect(text).toBe(prefix === '' ? expected : `${prefix}\n${expected}`);
    expect(tags(md.render(doc))).toEqual(['p', '/p']);
  }
}

function checkInlineCode(render: (t: string) => string, evil: string, visible: string): void {
  for (const [before, after] of [
    ['See ', ' here.'],
    ['', ''],
  ] as const) {
    const doc = `${before}${render(evil)}${after}\n`;
    const tokens = md.parse(doc, {});
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    const kids = children(tokens[1]);
    const expectedKids = [...(before ? ['text'] : []), 'code_inline', ...(after ? ['text'] : [])];
    expect(kids.map((k) => k.type)).toEqual(expectedKids);
    expect(kids.find((k) => k.type === 'code_inline')?.content).toBe(visible);

    const html = md.render(doc);
    expect(tags(html)).toEqual(['p', 'code', '/code', '/p']);
    const code = /<code>([\s\S]*)<\/code>/.exec(html);
    expect(decodeEntities(code?.[1] ?? '<missing>')).toBe(visible);
  }
}

function inlineVisible(evil: string): string {
  const v = visibleControls(evil).replace(/\n/g, '⏎');
  return /^ +$/.test(v) ? v.replace(/ /g, '␠') : v;
}

describe('decodeOutput', () => {
  it('replaces invalid UTF-8 with U+FFFD instead of throwing', () => {
    expect(decodeOutput(Uint8Array.from([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
    expect(decodeOutput(new TextEncoder().encode('héllo ✅'))).toBe('héllo ✅');
    expect(invalidUtf8).toContain('\ufffd');
  });
});

describe('visibleControls', () => {
  it('makes control, DEL, C1 and bidi characters visible and keeps \\n and \\t', () => {
    expect(visibleControls('\x1b[31mred')).toBe('\\x1b[31mred');
    expect(visibleControls('a\x00b')).toBe('a\\x00b');
    expect(visibleControls('PASS\rFAIL\r\n')).toBe('PASS\\rFAIL\\r\n');
    expect(visibleControls('\x7f\x80\x9f\xa0')).toBe('\\x7f\\x80\\x9f\xa0');
    expect(visibleControls('\u202a\u202e\u2066\u2069\u2070')).toBe('\\u202a\\u202e\\u2066\\u2069\u2070');
    expect(visibleControls('a\tb\nc ✅')).toBe('a\tb\nc ✅');
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run, minimum 3', () => {
    expect(codeBlock('x')).toBe('```text\nx\n```\n');
    expect(codeBlock('a ``` b')).toBe('````text\na ``` b\n````\n');
    expect(codeBlock('`'.repeat(10))).toBe(`${'`'.repeat(11)}text\n${'`'.repeat(10)}\n${'`'.repeat(11)}\n`);
  });

  it('renders empty content as an empty block and sanitises the info string', () => {
    expect(codeBlock('')).toBe('```text\n```\n');
    expect(codeBlock('x', 'python')).toBe('```python\nx\n```\n');
    expect(codeBlock('x', 'py` onload')).toBe('```text\nx\n```\n');
    checkCodeBlock(codeBlock, '');
  });

  it.each(corpus)('%s: stays one inert <pre> between the heading and the next paragraph', (_, evil) => {
    checkCodeBlock(codeBlock, evil);
  });
});

describe('tableCell', () => {
  it.each(corpus)('%s: stays one plain-text cell in one row', (_, evil) => {
    checkTableCell(tableCell, evil);
  });

  it('truncates long content to the maximum with an ellipsis without splitting surrogate pairs', () => {
    const cell = tableCell('✅😀'.repeat(400));
    expect(Array.from(cell)).toHaveLength(TABLE_CELL_MAX);
    expect(cell.endsWith('…')).toBe(true);
    expect(cell).not.toMatch(/[\ud800-\udbff]…/);
    checkTableCell(tableCell, '<b>|'.repeat(200));
    expect(tableCell('x'.repeat(TABLE_CELL_MAX))).toBe('x'.repeat(TABLE_CELL_MAX));
  });

  it('escapes to the expected source form', () => {
    expect(tableCell('  a|b & <c>\n')).toBe('a\\|b &amp; \\<c\\>');
    expect(tableCell('')).toBe('');
  });
});

describe('plainText', () => {
  it.each(corpus.filter(([, t]) => t.trim() !== ''))('%s: stays one plain paragraph', (_, evil) => {
    checkPlainText(plainText, evil);
  });

  it('escapes block starters only where needed', () => {
    expect(plainText('- a')).toBe('\\- a');
    expect(plainText('3) a')).toBe('3\\) a');
    expect(plainText('a - b 1. c')).toBe('a - b 1. c');
  });
});

describe('inlineCode', () => {
  it.each(corpus)('%s: is exactly one code span showing the visible text', (_, evil) => {
    checkInlineCode(inlineCode, evil, inlineVisible(evil));
  });

  it('pads when content starts or ends with a backtick or space', () => {
    expect(inlineCode('a')).toBe('`a`');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode(' x')).toBe('`  x `');
    checkInlineCode(inlineCode, ' x', ' x');
    checkInlineCode(inlineCode, 'x  ', 'x  ');
    checkInlineCode(inlineCode, '`', '`');
  });

  it('shows empty and whitespace-only values visibly', () => {
    expect(inlineCode('')).toBe('`""`');
    expect(inlineCode(' ')).toBe('`␠`');
  });
});

// The checks above must be able to fail: naive implementations are rejected.
describe('the checks reject naive implementations', () => {
  const naiveCodeBlock = (t: string): string => `\`\`\`text\n${t}\n\`\`\`\n`;
  const naiveTableCell = (t: string): string => t.replace(/\|/g, '\\|');
  const naivePlainText = (t: string): string => t.replace(/\n/g, ' ');
  const naiveInlineCode = (t: string): string => `\`${t}\``;

  it.each([
    ['```'],
    ['`'.repeat(10)],
    ['\x1b[31mred'],
    ['PASS\rFAIL'],
  ])('codeBlock check fails a 3-backtick fence without control escaping on %j', (evil) => {
    expect(() => checkCodeBlock(naiveCodeBlock, evil)).toThrow();
  });

  it.each([['<script>alert(1)</script>'], ['[link](http://x)'], ['**bold**'], ['a\\|b'], ['\n|---|---|\n| ✅ | 20/20 |']])(
    'tableCell check fails pipe-only escaping on %j',
    (evil) => {
      expect(() => checkTableCell(naiveTableCell, evil)).toThrow();
    },
  );

  it.each([['# Note: 20/20'], ['- item'], ['<img src=x onerror=1>'], ['====='], ['**bold**']])(
    'plainText check fails unescaped text on %j',
    (evil) => {
      expect(() => checkPlainText(naivePlainText, evil)).toThrow();
    },
  );

  it.each([['`x`'], ['a\nb'], ['```']])('inlineCode check fails a single-backtick span on %j', (evil) => {
    expect(() => checkInlineCode(naiveInlineCode, evil, inlineVisible(evil))).toThrow();
  });
});
