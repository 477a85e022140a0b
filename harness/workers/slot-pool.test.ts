import { describe, expect, it } from 'vitest';
import type { SandboxSupport } from '../sandbox/support.js';
import type { WorkerSetup } from './protocol.js';
import { openSlotPool } from './slot-pool.js';

// A slot whose worker dies at once (here `false` stands for bwrap): its setup is never answered.
const broken: SandboxSupport & { kind: 'bwrap' } = { kind: 'bwrap', bwrap: 'false', prlimit: 'prlimit', nsenter: 'nsenter', unshare: 'unshare', asRoot: false };
const setup = { sandbox: { limits: { submissionSeconds: 60 } } } as unknown as WorkerSetup;

describe('openSlotPool', () => {
  it('fails every submission, and the run, when no slot can start', async () => {
    await using pool = openSlotPool(2, broken, Promise.resolve(() => setup));
    const graded = await Promise.allSettled(['a', 'b', 'c', 'd'].map((id) => pool.grade({ id, dir: `/nowhere/${id}` })));
    expect(graded.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    for (const outcome of graded) expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/sandbox slot stopped unexpectedly/);
    await expect(pool.ready()).rejects.toThrow(/sandbox slot stopped unexpectedly/);
  });
});
