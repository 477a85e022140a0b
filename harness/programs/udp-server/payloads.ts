// Distinct datagrams for each probe, so the server's output tells which one it printed.
export const payloads = {
  reply: Buffer.from('hello from the grader, probe 1'),
  manyClients: [
    [Buffer.from('client A, datagram 1'), Buffer.from('client A, datagram 2')],
    [Buffer.from('client B, datagram 1'), Buffer.from('client B, datagram 2')],
    [Buffer.from('client C, datagram 1'), Buffer.from('client C, datagram 2')],
  ],
  restart: Buffer.from('hello again after the restart'),
} as const;
