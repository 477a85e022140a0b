import { z } from 'zod';

// The `program:` section of a UDP server rubric: what the lab asks of this program.
export const udpServerConfig = z.strictObject({
  kind: z.literal('udp-server'),
  entry: z.string().min(1),
  // The first line the handout asks every script to start with.
  shebang: z.string().min(1).default('#!/usr/bin/env python3'),
  port: z.number().int().min(1).max(65535),
  reply: z.string(),
  bindAddresses: z.array(z.string().min(1)).min(1).default(['127.0.0.1']),
});

export type UdpServerConfig = z.infer<typeof udpServerConfig>;
