import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxAvailable } from '../../test/helpers/sandbox.js';
import { resolvePython } from '../python/resolve.js';
import { which } from '../which.js';
import { openLauncher, underLimits } from './launcher.js';
import { limitsSchema } from './limits-schema.js';

// A sandboxed launcher says when bwrap built its namespaces, before its interpreter has started: the sandbox detection
// takes that as its trial (../workers/sandboxed-ahead.ts), and the grader prepares the run meanwhile.
const scratch = mkdtempSync(join(tmpdir(), 'launcher-entered-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!sandboxAvailable)('a sandboxed launcher', () => {
  const bwrap = which('bwrap')!;

  it('has entered its namespaces while its interpreter has not started yet', async () => {
    const { executable: python } = await resolvePython('python3');
    // The "interpreter" waits for the test's word on a FIFO, then runs the real one.
    const gate = join(scratch, 'gate');
    execFileSync('mkfifo', [gate]);
    const gated = join(scratch, 'python');
    writeFileSync(gated, `#!/bin/sh\nread word < ${gate}\nexec ${python} "$@"\n`, { mode: 0o755 });
    const launcher = openLauncher([bwrap, '--dev-bind', '/', '/', '--'], gated, undefined, join(scratch, 'gated'));
    let running = false;
    void launcher.pid.then(() => (running = true));

    await launcher.entered;
    expect(running).toBe(false);
    writeFileSync(gate, 'go\n');
    expect(await launcher.pid).toBeGreaterThan(0);
    await launcher.close();
  });

  it("says why not, in bwrap's words, when bwrap could not build them", async () => {
    const launcher = openLauncher([bwrap, '--no-such-option', '--'], 'python3', undefined, join(scratch, 'broken'));
    await expect(launcher.entered).rejects.toThrow(/^could not start the programs' launcher: bwrap: Unknown option/);
  });

  // A slot's launcher runs every program of the slot's life: its descriptor for bwrap's word, closed by then, must not
  // gain a listener each time the launcher is held for a launch (a closed socket's ref() waits for a 'connect').
  it('runs program after program without a warning', async () => {
    const { executable: python } = await resolvePython('python3');
    const warnings: Error[] = [];
    const warned = (warning: Error) => warnings.push(warning);
    process.on('warning', warned);
    const launcher = openLauncher([bwrap, '--dev-bind', '/', '/', '--'], python, undefined, join(scratch, 'many'));
    const programs = underLimits(launcher, limitsSchema.parse({}));
    for (let round = 0; round < 15; round++) {
      const child = await programs.start({ argv: ['/bin/echo', String(round)], cwd: scratch, env: {}, held: false });
      expect(await text(child.stdout.resume())).toBe(`${round}\n`);
      await child.exit;
      await new Promise((resolve) => setImmediate(resolve)); // The launch is done: the launcher is no longer held.
    }
    await launcher.close();
    process.off('warning', warned);
    expect(warnings.map((warning) => warning.message)).toEqual([]);
  });
});
