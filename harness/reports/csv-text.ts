/**
 * One CSV field, RFC 4180 style: quoted when it holds the delimiter, a quote, CR or LF, quotes doubled.
 * A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with `'`
 * (OWASP's advice against CSV injection): an id is a folder name, which a student may choose.
 */
export function csvField(value: string, delimiter: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const needsQuotes = inert.includes(delimiter) || /["\r\n]/.test(inert);
  return needsQuotes ? `"${inert.replace(/"/g, '""')}"` : inert;
}

// Why: a spreadsheet set to French reads "17,5" as a number and "17.5" as text (or a date), and the
// reverse for English; the delimiter says which one the file is for (see grades-csv.ts).
export function csvNumber(value: number, decimalSeparator: '.' | ','): string {
  // Two decimals at most, as in the Markdown reports; no thousands separator, ever.
  const text = String(Math.round(value * 100) / 100);
  return decimalSeparator === ',' ? text.replace('.', ',') : text;
}
