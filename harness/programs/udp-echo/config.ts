import { z } from 'zod';

// The `program:` section of a UDP echo server rubric: what the lab asks of this program.
export const udpEchoConfig = z.strictObject({
  kind: z.literal('udp-echo'),
  entry: z.string().min(1),
  // The first line the handout asks every script to start with.
  shebang: z.string().min(1).default('#!/usr/bin/env python3'),
  port: z.number().int().min(1).max(65535),
  // Accepted bind addresses: '0.0.0.0' (every IPv4 interface, which Python's '' also gives) by default.
  bindAddresses: z.array(z.string().min(1)).min(1).default(['0.0.0.0']),
  // The largest datagram that must come back whole; the sizes probe sends 1, 512, 1024 and this many bytes.
  maxPayload: z.number().int().min(1).max(65507).default(4096),
  // What the server prints when Ctrl+C stops it (found in its output ignoring case and accents).
  stopLine: z.string().min(1).default('Arrêt du serveur'),
});

export type UdpEchoConfig = z.infer<typeof udpEchoConfig>;
