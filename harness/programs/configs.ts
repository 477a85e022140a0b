import { z } from 'zod';
import { udpServerConfig } from './udp-server/config.js';
import { udpClientConfig } from './udp-client/config.js';
import { udpEchoConfig } from './udp-echo/config.js';
import { httpServerConfig } from './http-server/config.js';

// Every kind of lab program a rubric can describe, told apart by `program.kind`. A new program of the
// lab adds its config here, its check ids and its grader to ./registry.ts.
export const programConfig = z.discriminatedUnion('kind', [udpServerConfig, udpClientConfig, udpEchoConfig, httpServerConfig]);

export type ProgramConfig = z.infer<typeof programConfig>;
export type ProgramKind = ProgramConfig['kind'];
