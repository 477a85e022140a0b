// The checks an RTT client rubric can list, in the order the reports show them.
export const udpRttClientCheckIds = ['shebang', 'pings', 'handles-loss', 'counts', 'rtt', 'finishes', 'late-echo'] as const;

export type UdpRttClientCheckId = (typeof udpRttClientCheckIds)[number];
