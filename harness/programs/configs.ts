import { z } from 'zod';
import { udpServerConfig } from './udp-server/config.js';
import { udpClientConfig } from './udp-client/config.js';
import { udpEchoConfig } from './udp-echo/config.js';
import { udpRttClientConfig } from './udp-rtt-client/config.js';

// Every kind of lab program a rubric can describe, told apart by `program.kind`. A new program of the
// lab adds its config here, its check ids and its grader to ./registry.ts.
export const programConfig = z.discriminatedUnion('kind', [udpServerConfig, udpClientConfig, udpEchoConfig, udpRttClientConfig]);

export type ProgramConfig = z.infer<typeof programConfig>;
export type ProgramKind = ProgramConfig['kind'];

// Every kind, in the lab's order: automatic rubric choice lists programs in this order.
export const programKinds: readonly ProgramKind[] = programConfig.options.map((option) => option.shape.kind.value);
