import { detectSandbox } from '../../harness/sandbox/support.js';

// The sandbox tests skip, visibly, where the system has no sandbox; in CI they must run.
const support = await detectSandbox('auto');
export const sandboxAvailable = support.kind === 'bwrap';
export const sandboxMissingReason = support.kind === 'none' ? support.reason : '';

if (!sandboxAvailable) {
  if (process.env.CI) throw new Error(`CI must run the sandbox tests, but ${sandboxMissingReason}`);
  console.warn(`Skipping sandbox tests: ${sandboxMissingReason} (apt install bubblewrap to run them).`);
}
