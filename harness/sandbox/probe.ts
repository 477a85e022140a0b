import { execFile } from 'node:child_process';
import { which } from '../which.js';
import type { SandboxSupport } from './support.js';

// What this machine offers for sandboxing, found by trying it: apart from ./support.ts (which turns the answer
// into a decision and its messages), so that the CLI can start it before anything else is even loaded.

let probed: Promise<SandboxSupport> | undefined;

// Starts the detection ahead of need (../workers/prefetch.ts): its bwrap trial then runs while the CLI
// loads, instead of between the CLI being ready and the first slot getting its setup.
export function prefetchSandboxDetection(): void {
  probeSandbox().catch(() => undefined);
}

export function probeSandbox(): Promise<SandboxSupport> {
  return (probed ??= probe());
}

async function probe(): Promise<SandboxSupport> {
  if (process.platform !== 'linux') return { kind: 'none', reason: `${process.platform} has no Linux namespaces` };
  const [bwrap, prlimit, nsenter, unshare] = ['bwrap', 'prlimit', 'nsenter', 'unshare'].map((command) => which(command));
  if (!bwrap) return { kind: 'none', reason: 'bubblewrap (bwrap) is not installed' };
  if (!prlimit || !nsenter || !unshare) return { kind: 'none', reason: 'prlimit, nsenter or unshare (util-linux) is missing' };
  // The same namespaces the runs use: a kernel or container that forbids them fails here, once.
  const trial = await run(bwrap, ['--ro-bind', '/', '/', '--unshare-net', '--unshare-pid', '--proc', '/proc', '--dev', '/dev', '--', 'true']);
  if (trial.exitCode !== 0) {
    const why = trial.stderr.trim().split('\n')[0] || `exit code ${trial.exitCode}`;
    return { kind: 'none', reason: `bubblewrap cannot create namespaces here (${why})` };
  }
  return { kind: 'bwrap', bwrap, prlimit, nsenter, unshare, asRoot: process.getuid?.() === 0 };
}

function run(file: string, args: readonly string[]): Promise<{ exitCode: number | string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { timeout: 10_000, encoding: 'utf8' }, (error, _stdout, stderr) =>
      resolve({ exitCode: error ? (error.code ?? error.signal ?? 'killed') : 0, stderr }),
    );
    child.stdin?.end();
  });
}
