// `npm run build` runs this after tsc: the CLI and the sandbox slot worker, bundled from dist/harness/
// into dist/bundle/. A Node start loads a few files instead of ~150 small modules (resolving and
// linking them cost ~60 ms per process), once for the CLI and once per sandbox slot.
import { build } from 'esbuild';
import { chmod, copyFile, cp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'harness');
const outdir = join(root, 'dist', 'bundle');

// Two edits to yargs's platform shim, each checked (a yargs that changed fails the build, not the CLI):
// - it reads its translations (French help) from ../../../locales beside its own module: bundled, from a
//   copy beside the bundle;
// - cliui and string-width lay out --help only, and evaluating them costs ~30 ms (string-width's Unicode
//   tables): they load on the first help text instead of on every start. A CommonJS module's require() of
//   an ES module is what esbuild bundles as a lazily evaluated one.
const yargsShim = /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
const helpLayout = 'netlab:yargs-help-layout';
const yargsShimEdits = [
  ["resolve(__dirname, '../../../locales')", "fileURLToPath(new URL('./yargs-locales', import.meta.url))"],
  ["import cliui from 'cliui'\n", `import { cliui, stringWidth } from '${helpLayout}'\n`],
  ["import stringWidth from 'string-width';\n", ''],
];
const yargsShimForBundle = {
  name: 'yargs-shim-for-bundle',
  setup(build) {
    build.onLoad({ filter: yargsShim }, async ({ path }) => {
      let source = await readFile(path, 'utf8');
      for (const [from, to] of yargsShimEdits) {
        if (!source.includes(from)) throw new Error(`bundle: yargs's shim no longer has ${JSON.stringify(from)} (${path})`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js', resolveDir: dirname(path) };
    });
    build.onResolve({ filter: new RegExp(`^${helpLayout}$`) }, (args) => ({ path: args.path, namespace: helpLayout, pluginData: args.resolveDir }));
    build.onLoad({ filter: /.*/, namespace: helpLayout }, ({ pluginData }) => ({
      contents: [
        "exports.cliui = (...args) => require('cliui').default(...args);",
        "exports.stringWidth = (text) => require('string-width').default(text);",
      ].join('\n'),
      loader: 'js',
      resolveDir: pluginData,
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  // Named as in dist/harness: slot-process finds './worker.js' beside its own code, bundled or not. Bundled,
  // it is the worker that loads its code with V8's code cache (workers/bundled-worker.ts).
  entryPoints: { cli: join(compiled, 'cli.js'), worker: join(compiled, 'workers', 'bundled-worker.js') },
  outdir,
  bundle: true,
  // The grader's modules stay a chunk of their own, loaded after the arguments are parsed, as unbundled.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  plugins: [yargsShimForBundle],
  // CommonJS dependencies (execa's, yaml's) require() Node's own modules: ESM has no require of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The slot worker's code, one CommonJS file: what V8 can cache compiled (vm.Script's cachedData), where it keeps
// nothing of an ES module. import.meta.url is the file's own URL, as in the ES build; anything else of
// import.meta, or a warning at all, fails the build rather than a slot.
const workerCode = await build({
  entryPoints: [join(compiled, 'workers', 'serve.js')],
  outfile: join(outdir, 'worker-code.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'error',
});
if (workerCode.warnings.length > 0) {
  throw new Error(`bundle: the slot worker's code: ${workerCode.warnings.map((warning) => warning.text).join('; ')}`);
}
// The rubric table is read from beside the code that reads it (rubric/precompiled.ts).
await copyFile(join(compiled, 'rubric', 'precompiled.json'), join(outdir, 'precompiled.json'));
await cp(join(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'locales'), join(outdir, 'yargs-locales'), { recursive: true });
await chmod(join(outdir, 'cli.js'), 0o755);
