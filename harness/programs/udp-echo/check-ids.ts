// The checks a UDP echo server rubric can list, in the order the reports show them.
export const udpEchoCheckIds = [
  'shebang',
  'starts',
  'binds',
  'echo',
  'echo-sizes',
  'echo-binary',
  'many-clients',
  'stops-cleanly',
] as const;

export type UdpEchoCheckId = (typeof udpEchoCheckIds)[number];
