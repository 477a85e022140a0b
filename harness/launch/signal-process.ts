// A signal to a process (or, with -pid, to a process group) that may already be gone.
export function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH): nothing to do.
  }
}
