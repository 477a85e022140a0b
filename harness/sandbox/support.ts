import { BadInputError } from '../errors.js';
import { message } from '../messages/translate.js';
import { probeSandbox } from './probe.js';

export type SandboxMode = 'auto' | 'on' | 'off';

// What this machine offers; detected once per process (a run of several programs, a --watch loop).
export type SandboxSupport =
  // nsenter and unshare: as root, each launch enters its slot's namespace (./slot-namespace.ts).
  | { readonly kind: 'bwrap'; readonly bwrap: string; readonly prlimit: string; readonly nsenter: string; readonly unshare: string; readonly asRoot: boolean }
  // Unsandboxed; the resource limits still apply (./launcher.py sets them).
  | { readonly kind: 'none'; readonly reason: string };

// 'on' without support is bad input; 'auto' without support runs unsandboxed and says so.
export async function detectSandbox(mode: SandboxMode): Promise<SandboxSupport> {
  if (mode === 'off') return { kind: 'none', reason: 'disabled with --sandbox off' };
  const support = await probeSandbox();
  if (support.kind === 'none' && mode === 'on') {
    throw new BadInputError('NO_SANDBOX', message('input.no-sandbox', { reason: support.reason, hint: message('input.sandbox-hint') }));
  }
  return support;
}
