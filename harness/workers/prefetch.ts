// First: whether ./grade started the grader in a namespace of its own, told before anything could inherit its descriptor.
import '../sandbox/own-namespace.js';
import { gradesNothing, guessOption, guessPaths } from '../cli/guess-option.js';
import { defaultOptions } from '../options.js';
import { which } from '../which.js';
import { lastPython } from '../python/cache.js';
import { prefetchSandboxDetection } from '../sandbox/probe.js';
import { startSandboxedAhead } from './sandboxed-ahead.js';

// Imported first by the CLI: where bwrap exists and the run may be sandboxed, one slot worker boots (or, in the grader's
// own namespace, a lone submission's launcher starts) and the sandbox detection starts while yargs, the grader and
// Python load. A guess from argv; the detection still decides: what nobody takes ends when the harness exits.
const args = process.argv.slice(2);
const sandbox = guessOption(args, 'sandbox') ?? defaultOptions.sandbox;
const bwrap = process.platform === 'linux' && sandbox !== 'off' && !gradesNothing(args) ? which('bwrap') : undefined;
// The guess for the other work started ahead (../sandbox/plain-launcher-prefetch.ts): without it, a run that grades
// is unsandboxed.
export const guessedBwrap = bwrap;
if (bwrap) {
  const python = lastPython(guessOption(args, 'python') ?? defaultOptions.python);
  const booted = startSandboxedAhead(bwrap, guessPaths(args), guessOption(args, 'out') ?? defaultOptions.outDir, python);
  prefetchSandboxDetection(booted ? { bwrap, booted } : { bwrap });
}
