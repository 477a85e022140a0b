// The checks a UDP client rubric can list, in the order the reports show them.
export const udpClientCheckIds = ['shebang', 'sends', 'prints-reply', 'exits', 'handles-silence'] as const;

export type UdpClientCheckId = (typeof udpClientCheckIds)[number];
