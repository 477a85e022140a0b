import { z } from 'zod';

// The `program:` section of a TCP server rubric: what the lab asks of this program. The harness is the client.
export const tcpServerConfig = z.strictObject({
  kind: z.literal('tcp-server'),
  entry: z.string().min(1),
  // The first line the handout asks every script to start with.
  shebang: z.string().min(1).default('#!/usr/bin/env python3'),
  // The port the student's code binds; the grader maps it to a free port so a class runs in parallel.
  port: z.number().int().min(1).max(65535),
  // The exact bytes every connection must get back before the server closes it.
  reply: z.string().min(1),
  bindAddresses: z.array(z.string().min(1)).min(1).default(['127.0.0.1']),
  // How many clients many-clients sends one after the other, then as many at once (queued for accept()).
  clients: z.number().int().min(2).max(10).default(3),
});

export type TcpServerConfig = z.infer<typeof tcpServerConfig>;
