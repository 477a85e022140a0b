import { z } from 'zod';

// The `program:` section of a TCP client rubric: what the lab asks of this program. The harness plays the server.
export const tcpClientConfig = z.strictObject({
  kind: z.literal('tcp-client'),
  entry: z.string().min(1),
  // The first line the handout asks every script to start with.
  shebang: z.string().min(1).default('#!/usr/bin/env python3'),
  // The server's port the client's code connects to; the grader's server listens on a free port it is mapped to.
  port: z.number().int().min(1).max(65535),
  // What the grader's server sends back on the first bytes of a connection, before closing it.
  reply: z.string().min(1),
  // What the client prints before the reply, as the handout's print(...) writes it.
  printedPrefix: z.string().min(1).default('Message du serveur :'),
  // How long a server that accepts but never answers waits for the client to give up before killing it.
  silenceMs: z.number().int().positive().default(3000),
});

export type TcpClientConfig = z.infer<typeof tcpClientConfig>;
