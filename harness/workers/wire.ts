// Messages between the harness and its slot workers: one JSON object per line, Buffers as base64.

export function encodeLine(value: unknown): string {
  return `${JSON.stringify(withBase64(value))}\n`;
}

export function decodeLine<T>(line: string): T {
  return JSON.parse(line, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && '$base64' in value ? Buffer.from(String(value.$base64), 'base64') : value,
  ) as T;
}

// Buffer.toJSON would write every byte as a number: a 1 MiB output would become 4 MB of JSON.
function withBase64(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (Array.isArray(value)) return value.map(withBase64);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withBase64(inner)]));
  }
  return value;
}
