import { constants } from 'node:os';
import { processTree } from './proc-sockets.js';

// A signal to a process (or, with -pid, to a process group) that may already be gone.
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH): nothing to do.
  }
}

// Node's name for a signal's number (SIGABRT rather than its alias SIGIOT); undefined for one it does not name.
export function signalName(number: number): NodeJS.Signals | undefined {
  return Object.entries(constants.signals).find(([, value]) => value === number)?.[0] as NodeJS.Signals | undefined;
}

// The group first, then any descendant that left it with setsid() but is still in the tree.
export function killTree(pid: number, signal: NodeJS.Signals): void {
  const tree = processTree(pid);
  signalProcess(-pid, signal);
  for (const member of tree) signalProcess(member, signal);
}
