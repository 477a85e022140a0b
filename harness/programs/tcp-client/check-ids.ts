// The checks a TCP client rubric can list, in the order the reports show them.
export const tcpClientCheckIds = ['shebang', 'sends', 'prints-reply', 'exits', 'handles-silence'] as const;

export type TcpClientCheckId = (typeof tcpClientCheckIds)[number];
