import { visibleControls } from './markdown-text.js';

/**
 * Untrusted text (student ids, messages quoting what a program sent) made safe for XML 1.0.
 * Controls are shown as in the Markdown reports (`\x00`, `\r`, `\x1b`), since XML 1.0 cannot hold
 * most of them even escaped; lone surrogates and U+FFFE/U+FFFF, also forbidden, become U+FFFD.
 */

// Characters XML 1.0 forbids that visibleControls leaves: unpaired surrogates and the two noncharacters.
const FORBIDDEN_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

// Why: one place decides what a parser accepts; both escapers below start from it.
function xmlSafe(text: string): string {
  return visibleControls(text).replace(FORBIDDEN_RE, '\ufffd');
}

// Why: element content; `>` is escaped too so that `]]>` can never appear.
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Why: a double-quoted attribute value; \n and \t as references, or the parser would turn them into spaces.
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
