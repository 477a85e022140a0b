import { describe, expect, it } from 'vitest';
import { readSummary } from './summary.js';

const labels = { sent: 'Envoyés', received: 'Reçus', lost: 'Pertes', rtt: 'RTT min/avg/max' };

// The handout leaves the print format open: the summary is read tolerantly.
describe('readSummary', () => {
  it('reads the rubric’s own format', () => {
    const stdout = 'Réponse 1 : RTT = 10.2 ms\nEnvoyés : 50\nReçus : 47\nPertes : 3 (6%)\nRTT min/avg/max = 1.2/3.4/5.6 ms\n';
    expect(readSummary(stdout, labels)).toEqual({ sent: 50, received: 47, lost: 3, lostPercent: 6, rtt: { min: 1.2, avg: 3.4, max: 5.6, unit: 'ms' } });
  });

  it('ignores case, accents, spacing and the separator', () => {
    const stdout = 'ENVOYES: 50\nrecus=47\n  Pertes   3 paquets (6.0 %)\nrtt  MIN/AVG/MAX : 1,2 / 3,4 / 5,6\n';
    expect(readSummary(stdout, labels)).toEqual({ sent: 50, received: 47, lost: 3, lostPercent: 6, rtt: { min: 1.2, avg: 3.4, max: 5.6 } });
  });

  it('takes the last line with a label, and leaves out what it cannot read', () => {
    const stdout = 'Pertes : 0\nPertes : 3\nRTT min/avg/max = n/a\nEnvoyés : beaucoup\n';
    expect(readSummary(stdout, labels)).toEqual({ lost: 3 });
  });

  it('reads figures separated by commas and spaces, and the unit after them', () => {
    expect(readSummary('RTT min/avg/max 0.010, 0.022, 0.400 s', labels).rtt).toEqual({ min: 0.01, avg: 0.022, max: 0.4, unit: 's' });
  });
});
