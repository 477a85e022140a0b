import { execFile } from 'node:child_process';
import pTimeout from 'p-timeout';
import { which } from '../which.js';
import type { SandboxSupport } from './support.js';

// What this machine offers for sandboxing, found by trying it: apart from ./support.ts (which turns the answer
// into a decision and its messages), so that the CLI can start it before anything else is even loaded.

// What a trial of the namespaces the runs use found: whether bwrap could build them, and why not.
export type TrialResult = { readonly ok: true } | { readonly ok: false; readonly why: string };

// What the CLI found ahead of need (../workers/prefetch.ts): bwrap along PATH, and what it started in the namespaces the
// runs use (../workers/sandboxed-ahead.ts: a slot, or in the grader's own namespace slot 0's launcher), if anything:
// once that is in its namespaces, bwrap could build them.
export interface TrialAhead {
  readonly bwrap: string;
  readonly booted?: Promise<TrialResult>;
}

let probed: Promise<SandboxSupport> | undefined;

const trialMs = 10_000;

// Starts the detection ahead of need (../workers/prefetch.ts), while the CLI loads, instead of between the CLI being
// ready and the first slot getting its setup. With `ahead`, bwrap is not looked up again, and what it started is the
// trial: no bwrap of its own.
export function prefetchSandboxDetection(ahead?: TrialAhead): void {
  probed ??= probe(ahead);
  probed.catch(() => undefined);
}

export function probeSandbox(): Promise<SandboxSupport> {
  return (probed ??= probe());
}

async function probe(ahead?: TrialAhead): Promise<SandboxSupport> {
  if (process.platform !== 'linux') return { kind: 'none', reason: `${process.platform} has no Linux namespaces` };
  const bwrap = ahead?.bwrap ?? which('bwrap');
  const [prlimit, nsenter, unshare] = ['prlimit', 'nsenter', 'unshare'].map((command) => which(command));
  if (!bwrap) return { kind: 'none', reason: 'bubblewrap (bwrap) is not installed' };
  if (!prlimit || !nsenter || !unshare) return { kind: 'none', reason: 'prlimit, nsenter or unshare (util-linux) is missing' };
  // A kernel or container that forbids the namespaces fails here, once.
  const trial = ahead?.booted ?? bwrapTrial(bwrap);
  const result = await pTimeout(trial, { milliseconds: trialMs }).catch(() => ({ ok: false, why: `no answer in ${trialMs / 1000} s` }) as const);
  if (!result.ok) return { kind: 'none', reason: `bubblewrap cannot create namespaces here (${result.why})` };
  return { kind: 'bwrap', bwrap, prlimit, nsenter, unshare, asRoot: process.getuid?.() === 0 };
}

// The same namespaces a slot and its programs use, around `true`.
function bwrapTrial(bwrap: string): Promise<TrialResult> {
  const args = ['--ro-bind', '/', '/', '--unshare-net', '--unshare-pid', '--proc', '/proc', '--dev', '/dev', '--', 'true'];
  return new Promise((resolve) => {
    const child = execFile(bwrap, args, { timeout: trialMs, encoding: 'utf8' }, (error, _stdout, stderr) =>
      resolve(error ? { ok: false, why: stderr.trim().split('\n')[0] || `exit code ${error.code ?? error.signal ?? 'killed'}` } : { ok: true }),
    );
    child.stdin?.end();
  });
}
