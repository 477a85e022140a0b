// Every kind of lab program, in the lab's order: automatic rubric choice lists programs in this order.
// Kept apart from ./configs.ts so that choosing rubrics does not load zod (configs.ts checks both agree).
export const programKinds = ['udp-server', 'udp-client', 'udp-echo', 'udp-rtt-client', 'tcp-server', 'tcp-client', 'http-server'] as const;
