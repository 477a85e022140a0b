// Messages between the harness and its slot workers: one JSON object per line, Buffers as base64. The same
// encoding keeps results on disk (the run state, the result cache).

export function encodeLine(value: unknown): string {
  return `${JSON.stringify(withBase64(value))}\n`;
}

// Parsed, then the base64 objects turned back into Buffers in place: a reviver (called from V8 for every key)
// cost ~2x more, and decoding each result is on the harness's main thread.
export function decodeLine<T>(line: string): T {
  return withBuffers(JSON.parse(line)) as T;
}

// Buffer.toJSON would write every byte as a number: a 1 MiB output would become 4 MB of JSON. Only the objects
// on the way to a Buffer are copied; the rest is given to JSON.stringify as it is (a Date keeps its toJSON).
function withBase64(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const encoded = withBase64(item);
      if (encoded !== item) (copy ??= [...value])[index] = encoded;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const encoded = withBase64(item);
    if (encoded !== item) (copy ??= { ...value })[key] = encoded;
  }
  return copy ?? value;
}

// `value` is fresh from JSON.parse: changed in place.
function withBuffers(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = withBuffers(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.$base64 === 'string') return Buffer.from(record.$base64, 'base64');
  for (const key of Object.keys(record)) record[key] = withBuffers(record[key]);
  return record;
}
