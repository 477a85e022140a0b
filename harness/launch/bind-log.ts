import { readFile } from '../fs-promises.js';

// What the student's code asked bind() for, as the port-mapping hook recorded it.
export interface RequestedBind {
  readonly host: string;
  readonly port: number;
  readonly actual: number;
}

// The log is written by the student's own process, so it only ever feeds messages, never verdicts.
export async function readBindLog(file: string): Promise<RequestedBind[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const binds: RequestedBind[] = [];
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as Partial<RequestedBind>;
      if (typeof entry.host === 'string' && typeof entry.port === 'number' && typeof entry.actual === 'number') {
        binds.push({ host: entry.host, port: entry.port, actual: entry.actual });
      }
    } catch {
      // A partial or forged line: ignored.
    }
  }
  return binds;
}
