// Distinct messages for each connection, so the server's output tells which one it printed.
export const payloads = {
  reply: Buffer.from('hello from the grader, connection 1'),
  inTurn: (client: number) => Buffer.from(`client ${client}, one after the other`),
  atOnce: (client: number) => Buffer.from(`client ${client}, all at once`),
} as const;
