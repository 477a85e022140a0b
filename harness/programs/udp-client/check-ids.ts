// The checks a UDP client rubric can list, in the order the reports show them.
export const udpClientCheckIds = ['shebang', 'sends', 'prints-reply', 'exits', 'handles-silence'] as const;

export type UdpClientCheckId = (typeof udpClientCheckIds)[number];

export function isUdpClientCheckId(id: string): id is UdpClientCheckId {
  return (udpClientCheckIds as readonly string[]).includes(id);
}
