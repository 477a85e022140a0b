// The checks a TCP server rubric can list, in the order the reports show them.
export const tcpServerCheckIds = [
  'shebang',
  'starts',
  'binds',
  'reply',
  'prints-message',
  'prints-client',
  'closes-connection',
  'many-clients',
  'stops-on-ctrl-c',
  'reuseaddr-restart',
] as const;

export type TcpServerCheckId = (typeof tcpServerCheckIds)[number];
