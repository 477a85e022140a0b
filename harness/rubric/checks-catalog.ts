// The checks each kind of program knows how to run, in the order a rubric is expected to list them.
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

export function isUdpServerCheckId(id: string): id is UdpServerCheckId {
  return (udpServerCheckIds as readonly string[]).includes(id);
}
