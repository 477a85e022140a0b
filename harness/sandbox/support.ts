import { execFile } from 'node:child_process';
import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';
import { which } from '../which.js';

export type SandboxMode = 'auto' | 'on' | 'off';

// What this machine offers; detected once per process (a run of several programs, a --watch loop).
export type SandboxSupport =
  // nsenter and unshare: as root, each launch enters its slot's namespace (./slot-namespace.ts).
  | { readonly kind: 'bwrap'; readonly bwrap: string; readonly prlimit: string; readonly nsenter: string; readonly unshare: string; readonly asRoot: boolean }
  // Unsandboxed; prlimit, when present, still applies the resource limits.
  | { readonly kind: 'none'; readonly reason: string; readonly prlimit?: string };


let probed: Promise<SandboxSupport> | undefined;

// Starts the detection ahead of need (../workers/prefetch.ts): its bwrap trial then runs while the CLI
// loads, instead of between the CLI being ready and the first slot getting its setup.
export function prefetchSandboxDetection(): void {
  probed ??= probe();
  probed.catch(() => undefined);
}

// 'on' without support is bad input; 'auto' without support runs unsandboxed and says so.
export async function detectSandbox(mode: SandboxMode): Promise<SandboxSupport> {
  if (mode === 'off') return withPrlimit({ kind: 'none', reason: 'disabled with --sandbox off' });
  const support = await (probed ??= probe());
  if (support.kind === 'none' && mode === 'on') {
    throw new BadInputError('NO_SANDBOX', message('input.no-sandbox', { reason: support.reason, hint: message('input.sandbox-hint') }));
  }
  return support.kind === 'none' ? withPrlimit(support) : support;
}

async function withPrlimit(support: SandboxSupport & { kind: 'none' }): Promise<SandboxSupport> {
  const prlimit = process.platform === 'linux' ? which('prlimit') : undefined;
  return prlimit ? { ...support, prlimit } : support;
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
