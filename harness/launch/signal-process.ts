import { processTree } from './proc-sockets.js';

// A signal to a process (or, with -pid, to a process group) that may already be gone.
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH): nothing to do.
  }
}

// The group first, then any descendant that left it with setsid() but is still in the tree.
export function killTree(pid: number, signal: NodeJS.Signals): void {
  const tree = processTree(pid);
  signalProcess(-pid, signal);
  for (const member of tree) signalProcess(member, signal);
}
