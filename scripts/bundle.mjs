// `npm run build` runs this after tsc: the CLI and the sandbox slot worker, bundled from dist/harness/
// into dist/bundle/. A Node start loads a few files instead of ~150 small modules (resolving and
// linking them cost ~60 ms per process), once for the CLI and once per sandbox slot.
import { build } from 'esbuild';
import { chmod, copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'harness');
const outdir = join(root, 'dist', 'bundle');

await rm(outdir, { recursive: true, force: true });
await build({
  // Named as in dist/harness: slot-process finds './worker.js' beside its own code, bundled or not.
  entryPoints: { cli: join(compiled, 'cli.js'), worker: join(compiled, 'workers', 'worker.js') },
  outdir,
  bundle: true,
  // The grader's modules stay a chunk of their own, loaded after the arguments are parsed, as unbundled.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // yargs reads its translations (French help) from files beside its own modules.
  external: ['yargs', 'yargs/helpers'],
  // CommonJS dependencies (execa's, yaml's) require() Node's own modules: ESM has no require of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The rubric table is read from beside the code that reads it (rubric/precompiled.ts).
await copyFile(join(compiled, 'rubric', 'precompiled.json'), join(outdir, 'precompiled.json'));
await chmod(join(outdir, 'cli.js'), 0o755);
