import { z } from 'zod';

// The `program:` section of an HTTP server rubric: what the lab asks of this program.
export const httpServerConfig = z.strictObject({
  kind: z.literal('http-server'),
  entry: z.string().min(1),
  // The first line the handout asks every script to start with.
  shebang: z.string().min(1).default('#!/usr/bin/env python3'),
  port: z.number().int().min(1).max(65535),
  // Accepted listening addresses: 127.0.0.1 ('localhost', as the UDP server binds) by default.
  bindAddresses: z.array(z.string().min(1)).min(1).default(['127.0.0.1']),
  // The path that must answer 200, and one that must answer 404.
  homePath: z.string().startsWith('/').default('/'),
  missingPath: z.string().startsWith('/').default('/nope'),
  // The media type the page's Content-Type must name (parameters such as charset are allowed).
  contentType: z.string().min(1).default('text/html'),
  // The most bytes of one response the grader reads; a larger response is cut there.
  maxResponseBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
});

export type HttpServerConfig = z.infer<typeof httpServerConfig>;
