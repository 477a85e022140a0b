import { z } from 'zod';
import type { programKinds } from './kinds.js';
import { udpServerConfig } from './udp-server/config.js';
import { udpClientConfig } from './udp-client/config.js';
import { udpEchoConfig } from './udp-echo/config.js';
import { udpRttClientConfig } from './udp-rtt-client/config.js';
import { tcpServerConfig } from './tcp-server/config.js';
import { tcpClientConfig } from './tcp-client/config.js';
import { httpServerConfig } from './http-server/config.js';

// Every kind of lab program a rubric can describe, told apart by `program.kind`. A new program of the
// lab adds its config here, its check ids and its grader to ./registry.ts, and its name to ./kinds.ts.
export const programConfig = z.discriminatedUnion('kind', [
  udpServerConfig,
  udpClientConfig,
  udpEchoConfig,
  udpRttClientConfig,
  tcpServerConfig,
  tcpClientConfig,
  httpServerConfig,
]);

export type ProgramConfig = z.infer<typeof programConfig>;
export type ProgramKind = ProgramConfig['kind'];

// ./kinds.ts lists the same kinds, without zod: a kind missing from either list does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const kindsAgree: Same<ProgramKind, (typeof programKinds)[number]> = true;
