// Reads the bytes an HTTP server sent as an HTTP/1.x response, without trusting them: any byte sequence
// gives a result. Lines end with "\r\n" or a bare "\n" (told apart, for the line-endings check).

export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

export interface ParsedResponse {
  // The first line, without its line end ('' when nothing came).
  readonly statusLine: string;
  readonly headers: readonly HeaderField[];
  // The head's lines (status line, header lines, the blank line) that end with a bare "\n".
  readonly bareLineFeeds: number;
  // Everything after the blank line that ends the head; absent when no blank line came.
  readonly body?: Buffer;
}

// The status line's grammar (RFC 9112): HTTP-version SP 3DIGIT SP reason-phrase, the reason possibly empty.
const statusLinePattern = /^HTTP\/1\.[01] (\d{3}) [\t\x20-\x7e\x80-\xff]*$/;

export function parseResponse(bytes: Buffer): ParsedResponse {
  const lines: string[] = [];
  let bareLineFeeds = 0;
  let body: Buffer | undefined;
  for (let from = 0; from < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, from);
    if (newline < 0) {
      lines.push(bytes.subarray(from).toString('latin1'));
      break;
    }
    const crlf = newline > from && bytes[newline - 1] === 0x0d;
    if (!crlf) bareLineFeeds++;
    // latin1: one character per byte, so a header line never fails to decode.
    const line = bytes.subarray(from, crlf ? newline - 1 : newline).toString('latin1');
    from = newline + 1;
    if (line === '' && lines.length > 0) {
      body = bytes.subarray(from);
      break;
    }
    lines.push(line);
  }
  const [statusLine = '', ...headerLines] = lines;
  const headers = headerLines.flatMap((line) => {
    const colon = line.indexOf(':');
    return colon > 0 ? [{ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }] : [];
  });
  return body !== undefined ? { statusLine, headers, bareLineFeeds, body } : { statusLine, headers, bareLineFeeds };
}

// The status code when the status line follows the grammar exactly, else undefined.
export function statusCodeOf(statusLine: string): number | undefined {
  const match = statusLinePattern.exec(statusLine);
  return match ? Number(match[1]) : undefined;
}

// The status code of a line that only looks like a status line ("HTTP/1.1 404", "HTTP/1.1 404 Not Found\r" …).
export function looseStatusCodeOf(statusLine: string): number | undefined {
  const match = /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})\b/i.exec(statusLine);
  return match ? Number(match[1]) : undefined;
}

// A header's value, its name compared ignoring case; the first one when it repeats.
export function headerValue(response: ParsedResponse, name: string): string | undefined {
  return response.headers.find((header) => header.name.toLowerCase() === name.toLowerCase())?.value;
}
