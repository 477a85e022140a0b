// The checks an HTTP server rubric can list, in the order the reports show them.
export const httpServerCheckIds = [
  'shebang',
  'starts',
  'binds',
  'status-line',
  'content-type',
  'content-length',
  'crlf',
  'closes',
  'not-found',
  'survives-malformed',
  'stops',
] as const;

export type HttpServerCheckId = (typeof httpServerCheckIds)[number];
