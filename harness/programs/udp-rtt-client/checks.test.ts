import { describe, expect, it } from 'vitest';
import { translate } from '../../messages/translate.js';
import { loadRubric } from '../../rubric/load.js';
import { rubricFor } from '../shared/rubric.js';
import { udpRttClientChecks } from './checks.js';
import type { RttClientEnd, RttClientRun, UdpRttClientObservations } from './observations.js';

// The branches of the RTT client checks that the fixture corpus does not reach, judged on hand-made observations.
const rubric = rubricFor(await loadRubric('udp-rtt-client'), 'udp-rtt-client');
const exitZero: RttClientEnd = { kind: 'exited', death: { status: { code: 0, signal: null } } };
const summary = 'Envoyés : 50\nReçus : 47\nPertes : 3 (6%)\nRTT min/avg/max = 10.4/22.9/400.5 ms\n';

// 50 pings 20 ms apart, 1 s after each dropped one (12, 27, 41), unless `waitAfterLossMs` says otherwise.
function run(options: { payload?: (i: number) => string; waitAfterLossMs?: number; stdout?: string; end?: RttClientEnd; count?: number } = {}): RttClientRun {
  const payload = options.payload ?? ((i: number) => `ping ${i}`);
  let atMs = 0;
  const pings = Array.from({ length: options.count ?? 50 }, (_, index) => {
    const ping = { payload: Buffer.from(payload(index + 1)), atMs };
    atMs += [12, 27, 41].includes(index + 1) ? (options.waitAfterLossMs ?? 1000) : 20;
    return ping;
  });
  return { pings, end: options.end ?? exitZero, stdout: options.stdout ?? summary };
}

function observed(measured: RttClientRun): UdpRttClientObservations {
  return {
    kind: 'ran',
    entry: { kind: 'exact', name: 'udp_client.py' },
    source: Buffer.from('#!/usr/bin/env python3\nimport socket\n'),
    labPort: 9999,
    mappedPort: 20001,
    measured,
    otherDestinations: [],
    output: { stdout: { head: Buffer.alloc(0), tail: Buffer.alloc(0), cutBytes: 0 }, stderr: { head: Buffer.alloc(0), tail: Buffer.alloc(0), cutBytes: 0 } },
  };
}

const verdict = (check: keyof typeof udpRttClientChecks, measured: RttClientRun) => {
  const outcome = udpRttClientChecks[check](observed(measured), rubric);
  return { passed: outcome.passed, message: translate(outcome.reason, 'en') };
};

describe('udp-rtt-client checks on hand-made runs', () => {
  it('passes a well-behaved run', () => {
    for (const check of ['pings', 'handles-loss', 'counts', 'rtt', 'finishes'] as const) expect(verdict(check, run()).passed).toBe(true);
  });

  it('tells identical and unnumbered pings apart; pings numbered from 0 are fine', () => {
    expect(verdict('pings', run({ payload: () => 'ping' })).message).toBe(
      'Pings 1 and 2 are identical (b\'ping\'): each ping must carry its number, e.g. f"ping {i}".',
    );
    expect(verdict('pings', run({ payload: (i) => (i === 7 ? 'ping x' : `ping ${i}`) })).message).toBe(
      "Ping 7 (b'ping x') does not contain its number 7: each ping must carry its sequence number.",
    );
    expect(verdict('pings', run({ payload: (i) => `${i - 1}:1700000000.5` })).passed).toBe(true);
    expect(verdict('pings', run({ count: 40 })).message).toBe('40 pings reached the server instead of 50.');
  });

  it('judges the wait after a lost echo against the timeout, with bounds only in the message', () => {
    expect(verdict('handles-loss', run({ waitAfterLossMs: 300 })).message).toBe(
      'The echo of ping 12 was lost on purpose: the client moved on to the next ping in less than 0.7 s; the handout asks to wait 1 s.',
    );
    expect(verdict('handles-loss', run({ waitAfterLossMs: 2000 })).message).toBe(
      'The echo of ping 12 was lost on purpose: the client waited more than 1.7 s before the next ping; the handout asks to wait 1 s.',
    );
    expect(verdict('handles-loss', run({ count: 12, end: { kind: 'exited', death: { status: { code: 0, signal: null } } } })).message).toBe(
      'The echo of ping 12 was lost on purpose, and the client ended (exit code 0) without sending the next pings: count the loss and go on.',
    );
    expect(verdict('handles-loss', run({ count: 5, end: { kind: 'exited', death: { status: { code: 1, signal: null } } } }))).toEqual({
      passed: false,
      message: 'Not checked: the client stopped before ping 12, the first whose echo is lost.',
    });
  });

  it('checks the loss percentage when one is printed', () => {
    expect(verdict('counts', run({ stdout: summary.replace('(6%)', '(3%)') })).message).toBe(
      'The counts are right, but the loss percentage shows 3% instead of 6%.',
    );
    expect(verdict('counts', run({ stdout: summary.replace(' (6%)', '') })).passed).toBe(true);
  });

  it('spots RTT figures in microseconds, and an RTT below the injected delay', () => {
    const micro = verdict('rtt', run({ stdout: summary.replace('10.4/22.9/400.5 ms', '10400/22900/400500 µs') }));
    expect(micro.message).toMatch(/^RTT min\/avg\/max: min, avg, max outside .* These figures are in microseconds: divide by 1000 for milliseconds\.$/);
    const tooFast = verdict('rtt', run({ stdout: summary.replace('10.4/22.9/400.5', '0.1/22.9/400.5') }));
    expect(tooFast.message).toMatch(/^RTT min\/avg\/max: min outside what the injected delays give/);
  });

  it('says how a run that did not finish ended', () => {
    expect(verdict('finishes', run({ end: { kind: 'stalled', stallMs: 3000 } })).message).toBe(
      'After ping 50 the client sent nothing more and was still running 3 s later: it was stopped.',
    );
    expect(verdict('finishes', run({ end: { kind: 'overtime', deadlineMs: 10100 } })).message).toBe(
      'The client was still running 10.1 s after its first ping: it was stopped.',
    );
  });
});
