import { readFile } from '../fs-promises.js';

// Where the student's code sent datagrams (or connected) on a port the grader does not map, as the
// port-mapping hook recorded it in the bind log ({"to": host, "port": n}; bind lines have other fields).
export interface RequestedSend {
  readonly host: string;
  readonly port: number;
}

// The log is written by the student's own process, so it only ever feeds messages, never verdicts.
export async function readSendLog(file: string): Promise<RequestedSend[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const sends: RequestedSend[] = [];
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as { to?: unknown; port?: unknown };
      if (typeof entry.to === 'string' && typeof entry.port === 'number') sends.push({ host: entry.to, port: entry.port });
    } catch {
      // A partial or forged line: ignored.
    }
  }
  return sends;
}
