import { describe, expect, it } from 'vitest';
import { translate } from '../../messages/translate.js';
import type { ClientResult } from '../../probes/udp.js';
import { loadRubric } from '../../rubric/load.js';
import type { Death } from '../shared/launch.js';
import { rubricFor } from '../shared/rubric.js';
import { udpEchoChecks } from './checks.js';
import type { EchoLiveObservations, StopObservation, UdpEchoObservations } from './observations.js';
import { payloads, sizedPayload } from './payloads.js';

// The branches of the echo checks that the fixture corpus does not reach, judged on hand-made observations.
const rubric = rubricFor(await loadRubric('udp-echo'), 'udp-echo');
const exitZero: Death = { status: { code: 0, signal: null } };

function client(sent: readonly Buffer[], replies: readonly Buffer[], port = 40000): ClientResult {
  return { localAddress: '127.0.0.1', localPort: port, sent, replies };
}

const echoed = (plans: readonly (readonly Buffer[])[]) => ({
  kind: 'exchanged' as const,
  traffic: { clients: plans.map((sent, i) => client(sent, sent, 40000 + i)), deadlineMs: 1000 },
});

const cleanStop: StopObservation = { kind: 'stopped', relaunched: false, death: exitZero, afterInterrupt: Buffer.from('Arrêt du serveur\n'), afterMs: 5 };

function observed(live: Partial<EchoLiveObservations>): UdpEchoObservations {
  return {
    kind: 'ran',
    entry: { kind: 'exact', name: 'udp_server.py' },
    source: Buffer.from('#!/usr/bin/env python3\nimport socket\ntry:\n    pass\nexcept KeyboardInterrupt:\n    pass\n'),
    labPort: 9999,
    mappedPort: 20001,
    start: {
      kind: 'bound',
      socket: { table: 'udp', family: 4, address: '0.0.0.0', port: 20001, state: 0x07, pid: 1 },
      target: { family: 4, address: '127.0.0.1', port: 20001 },
      afterMs: 10,
    },
    live: {
      echo: echoed([[payloads.echo]]),
      manyClients: echoed(payloads.manyClients),
      sizes: echoed([1, 512, 1024, 4096].map((size) => [sizedPayload(size)])),
      binary: echoed([[payloads.binary]]),
      stop: cleanStop,
      ...live,
    },
    output: { stdout: { head: Buffer.alloc(0), tail: Buffer.alloc(0), cutBytes: 0 }, stderr: { head: Buffer.alloc(0), tail: Buffer.alloc(0), cutBytes: 0 } },
  };
}

const judge = (id: keyof typeof udpEchoChecks, live: Partial<EchoLiveObservations>) => udpEchoChecks[id](observed(live), rubric);
const reason = (id: keyof typeof udpEchoChecks, live: Partial<EchoLiveObservations>) => translate(judge(id, live).reason, 'en');

describe('stops-cleanly', () => {
  const stopped = (afterInterrupt: string, status: Death['status'], error?: Death['error']): StopObservation => ({
    kind: 'stopped',
    relaunched: false,
    death: error ? { status, error } : { status },
    afterInterrupt: Buffer.from(afterInterrupt),
    afterMs: 5,
  });

  it('finds the stop line whatever its case and accents, anywhere in what follows Ctrl+C', () => {
    expect(judge('stops-cleanly', { stop: stopped('\n[INFO] arret du serveur...\n', { code: 0, signal: null }) }).passed).toBe(true);
  });

  it('names what is missing: the stop line, exit code 0, or both', () => {
    expect(reason('stops-cleanly', { stop: stopped('bye\n', { code: 0, signal: null }) })).toBe(
      'After Ctrl+C the server exited with code 0 without printing "Arrêt du serveur".',
    );
    expect(reason('stops-cleanly', { stop: stopped('Arrêt du serveur\n', { code: 1, signal: null }) })).toBe(
      'After Ctrl+C the server printed "Arrêt du serveur" but ended (exit code 1) instead of exiting with code 0.',
    );
    expect(reason('stops-cleanly', { stop: stopped('', { code: null, signal: 'SIGINT' }) })).toBe(
      'After Ctrl+C the server ended (killed by SIGINT) without printing "Arrêt du serveur".',
    );
  });

  it('shows an error raised while stopping, at its line', () => {
    const outcome = judge('stops-cleanly', {
      stop: stopped('', { code: 1, signal: null }, { summary: "NameError: name 'serveur' is not defined", type: 'NameError', line: 12 }),
    });
    expect(translate(outcome.reason, 'en')).toBe("After Ctrl+C the server stopped on an error (exit code 1): NameError: name 'serveur' is not defined (line 12)");
    expect(outcome.line).toBe(12);
  });

  it('fails a server that ignores Ctrl+C, or whose second run did not start', () => {
    expect(reason('stops-cleanly', { stop: { kind: 'ignored', relaunched: true, graceMs: 2000 } })).toBe(
      'Still running 2 s after Ctrl+C (on a second run: the first one had stopped during the earlier checks): the program was killed.',
    );
    expect(reason('stops-cleanly', { stop: { kind: 'no-relaunch', start: { kind: 'timeout', deadlineMs: 5000, otherSockets: [] } } })).toBe(
      'The server had stopped during the earlier checks, and a second run bound no socket: No UDP socket bound after 5 s.',
    );
  });
});

describe('many-clients', () => {
  it('catches replies sent to the wrong client', () => {
    const [a, b, c] = payloads.manyClients;
    const traffic = { clients: [client(a!, [...a!, ...b!]), client(b!, [], 40001), client(c!, c!, 40002)], deadlineMs: 1000 };
    expect(reason('many-clients', { manyClients: { kind: 'exchanged', traffic } })).toBe(
      'Client 1 received a datagram that client 2 sent: reply to the address recvfrom gave with that datagram.',
    );
  });
});

describe('echo-sizes', () => {
  const sizes = [1, 512, 1024, 4096].map((size) => sizedPayload(size));

  it('says which sizes got no reply', () => {
    const traffic = { clients: sizes.map((sent, i) => client([sent], i === 3 ? [] : [sent], 40000 + i)), deadlineMs: 1000 };
    expect(reason('echo-sizes', { sizes: { kind: 'exchanged', traffic } })).toBe(
      'Bytes sent → bytes echoed: 1 → 1, 512 → 512, 1024 → 1024, 4096 → —. "—": no reply within 1000 ms.',
    );
  });

  it('says where the content differs when the lengths are right', () => {
    const upper = (bytes: Buffer) => Buffer.from(bytes.toString('latin1').toUpperCase(), 'latin1');
    const traffic = { clients: sizes.map((sent, i) => client([sent], [upper(sent)], 40000 + i)), deadlineMs: 1000 };
    expect(reason('echo-sizes', { sizes: { kind: 'exchanged', traffic } })).toBe(
      'Bytes sent → bytes echoed: 1 → 1, 512 → 512, 1024 → 1024, 4096 → 4096. Difference: upper and lower case.',
    );
  });
});
