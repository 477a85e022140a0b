import { z } from 'zod';

const ping = z.number().int().min(1);
const ms = z.number().int().nonnegative();

// What the grader's echo server does to each ping of the first run, by ping number (1 = the first datagram
// that arrives): every echo waits `echoDelayMs`, a few wait longer, and a few never come back.
const relayPlan = z.strictObject({
  echoDelayMs: ms.default(10),
  slowEchoes: z.array(z.strictObject({ ping, delayMs: ms })).default([]),
  droppedPings: z.array(ping).min(1),
});

// The second run: the echo of `latePing` comes back only after the client gave up on it (just as ping
// latePing + 1 arrives), and `droppedPing` is lost. A client that takes the late echo for the next ping's
// reply then counts one loss too few.
const lateEchoPlan = z
  .strictObject({ latePing: ping, droppedPing: ping })
  .refine((plan) => plan.droppedPing > plan.latePing + 1, 'droppedPing must come after latePing + 1');

// The `program:` section of an RTT client rubric. The harness plays the echo server.
export const udpRttClientConfig = z
  .strictObject({
    kind: z.literal('udp-rtt-client'),
    entry: z.string().min(1),
    // The first line the handout asks every script to start with.
    shebang: z.string().min(1).default('#!/usr/bin/env python3'),
    // The echo server's port the client's code sends to; the grader listens on the free port it is mapped to.
    port: z.number().int().min(1).max(65535),
    // How many pings the client sends.
    count: z.number().int().min(2).max(1000).default(50),
    // How long the client waits for each echo (settimeout) before counting the ping lost.
    timeoutMs: z.number().int().positive().default(1000),
    // The labels of the summary lines, found ignoring case, accents and spacing; the number(s) follow them.
    labels: z
      .strictObject({
        sent: z.string().min(1).default('Envoyés'),
        received: z.string().min(1).default('Reçus'),
        lost: z.string().min(1).default('Pertes'),
        rtt: z.string().min(1).default('RTT min/avg/max'),
      })
      .prefault({}),
    relay: relayPlan,
    lateEcho: lateEchoPlan.optional(),
    tolerances: z
      .strictObject({
        // An RTT is never shorter than the injected delay: only timer and print rounding may make it look so.
        earlyMs: ms.default(2),
        // A loaded machine delays echoes: upper bounds get generous slack.
        lateMs: ms.default(300),
        // How far the wait after a lost echo (from the lost ping to the next one) may be from timeoutMs.
        timeoutEarlyMs: ms.default(300),
        timeoutLateMs: ms.default(700),
      })
      .prefault({}),
    // How long the grader waits for the client's next ping (or its exit) before stopping it as hung.
    stallMs: z.number().int().positive().default(3000),
  })
  .refine(
    (program) => [...program.relay.droppedPings, ...program.relay.slowEchoes.map((slow) => slow.ping)].every((n) => n < program.count),
    'relay pings must be numbers below count (the last ping is always echoed)',
  )
  .refine(
    (program) => program.relay.slowEchoes.every((slow) => slow.delayMs + program.tolerances.lateMs < program.timeoutMs),
    'slowEchoes delays plus tolerances.lateMs must stay below timeoutMs',
  )
  .refine((program) => !program.lateEcho || program.lateEcho.droppedPing < program.count, 'lateEcho.droppedPing must be below count');

export type UdpRttClientConfig = z.infer<typeof udpRttClientConfig>;
