import type { PythonInterpreter } from '../python/resolve.js';
import type { Toolchain } from './command.js';

// Resolved by the harness, sent to the slots: apart from ./command.ts, which the slot worker's code bundles
// as CommonJS, where import.meta.resolve does not exist.
export function toolchain(python: PythonInterpreter): Toolchain {
  return { python, node: process.execPath, tsxLoader: import.meta.resolve('tsx') };
}
