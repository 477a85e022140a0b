// The checks a UDP server rubric can list, in the order the reports show them.
export const udpServerCheckIds = [
  'shebang',
  'starts',
  'binds',
  'reply',
  'prints-message',
  'prints-client',
  'many-clients',
  'reuseaddr',
  'restart',
] as const;

export type UdpServerCheckId = (typeof udpServerCheckIds)[number];
