// `npm run build` runs this after tsc: the CLI and the sandbox slot worker, bundled from dist/harness/
// into dist/bundle/. A Node start loads a few files instead of ~150 small modules (resolving and
// linking them cost ~60 ms per process), once for the CLI and once per sandbox slot.
import { build } from 'esbuild';
import { chmod, copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'harness');
const outdir = join(root, 'dist', 'bundle');

// Two edits to yargs's platform shim, each checked (a yargs that changed fails the build, not the CLI):
// - it reads its translations (French help) from ../../../locales beside its own module: bundled (in vendor/, below),
//   from a copy beside the bundle;
// - cliui and string-width lay out --help only, and evaluating them costs ~30 ms (string-width's Unicode
//   tables): they load on the first help text instead of on every start. A CommonJS module's require() of
//   an ES module is what esbuild bundles as a lazily evaluated one.
const yargsShim = /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
const helpLayout = 'netlab:yargs-help-layout';
const yargsShimEdits = [
  ["resolve(__dirname, '../../../locales')", "fileURLToPath(new URL('../yargs-locales', import.meta.url))"],
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
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20.19' };

// The CLI's entry holds the work started ahead of need (harness/cli/bundled-cli.ts). The rest of the CLI uses
// the entry's instances of those modules, not copies: their names in the rest's bundle, and the table that
// gives them (harness/cli/early-modules.ts), come from the entry's module graph.
const cliEntry = join(compiled, 'cli', 'bundled-cli.js');
const earlyTable = join(compiled, 'cli', 'early-modules.js');

// The catalog of sentences (harness/messages/catalog.ts) is a table beside the code (messages.json), read on first use:
// evaluating its object costs every start ~1.5 ms (the CLI's entry, each slot), parsing the table ~0.4, and a slot
// that never writes a sentence never reads it. The catalog's module becomes one that reads the table.
const catalogModule = join(compiled, 'messages', 'catalog.js');
const { catalog } = await import(pathToFileURL(catalogModule).href);
const catalogAsTable = {
  name: 'catalog-as-table',
  setup(build) {
    build.onLoad({ filter: /[\\/]messages[\\/]catalog\.js$/ }, ({ path }) => {
      if (path !== catalogModule) return undefined;
      const contents = [
        "import { readFileSync } from 'node:fs';",
        'let table;',
        'export function sentence(key) {',
        "  table ??= JSON.parse(readFileSync(new URL('./messages.json', import.meta.url), 'utf8'));",
        '  return table[key];',
        '}',
      ].join('\n');
      return { contents, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

const { metafile } = await build({ ...common, entryPoints: [cliEntry], format: 'esm', write: false, metafile: true, logLevel: 'error', plugins: [catalogAsTable] });
const early = Object.keys(metafile.inputs)
  .map((input) => join(root, input))
  .filter((path) => path.startsWith(compiled + sep) && path !== cliEntry && path !== earlyTable);
const earlyName = (path) => `netlab:early/${relative(compiled, path)}`;
const earlyTableInEntry = {
  name: 'early-table-in-entry',
  setup(build) {
    build.onLoad({ filter: /[\\/]cli[\\/]early-modules\.js$/ }, ({ path }) => {
      if (path !== earlyTable) return undefined;
      const imports = early.map((module, index) => `import * as m${index} from ${JSON.stringify(module)};`);
      const entries = early.map((module, index) => `${JSON.stringify(earlyName(module))}: m${index}`);
      return { contents: `${imports.join('\n')}\nexport const earlyModules = { ${entries.join(', ')} };\n`, loader: 'js', resolveDir: dirname(path) };
    });
  },
};
const earlyModulesShared = {
  name: 'early-modules-shared',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
      const module = join(resolveDir, path);
      return early.includes(module) ? { path: earlyName(module), external: true } : undefined;
    });
  },
};

// All CommonJS: a Node start costs ~5 ms less than with an ES module, and V8 can cache a script compiled
// (vm.Script's cachedData) where it keeps nothing of an ES module. import.meta.url is the file's own URL, as
// in an ES build; anything else of import.meta, or a warning at all, fails the build rather than a run.
const commonJs = {
  ...common,
  format: 'cjs',
  write: false,
  define: { 'import.meta.url': '__importMetaUrl' },
  // Strict as the ES modules it comes from: the directive must come first, before the banner's line.
  banner: { js: `'use strict';\nconst __importMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  logLevel: 'error',
};
// Libraries a run seldom needs, each in a file of its own beside the code (vendor/<name>.cjs), required on first
// use: zod and yaml parse a rubric that is not one of rubrics/ as shipped (./rubric/precompiled.ts), execa runs
// lsof where there is no /proc, yargs parses a command line not given before (./cli/remembered-command-line.ts).
// Bundled in, the first three were 60% of the CLI's code and half the slot's: every start read that text and V8 read
// its cache (~7 ms of a self-check's ~105); yargs was a third of the CLI's cache (~1.5 ms).
const vendorApart = ['zod', 'yaml', 'execa', 'yargs'];
const vendorFile = (name) => `./vendor/${name}.cjs`;
const vendorOnFirstUse = {
  name: 'vendor-on-first-use',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${vendorApart.join('|')})$`) }, ({ path }) => ({ path, namespace: 'vendor-on-first-use' }));
    // Resolved at run time by the require of the code that loads it, beside that code's file (harness/code-cache.ts).
    build.onResolve({ filter: /^\.\/vendor\// }, ({ path }) => ({ path, external: true }));
    // A module of its own: esbuild evaluates it, and so requires the file, when a module importing it is first used.
    build.onLoad({ filter: /.*/, namespace: 'vendor-on-first-use' }, ({ path }) => ({
      contents: `export * from ${JSON.stringify(vendorFile(path))};\nexport { default } from ${JSON.stringify(vendorFile(path))};`,
      loader: 'js',
    }));
  },
};

// The two entries, small, that load the rest of their code with V8's code cache (harness/code-cache.ts); then
// that code, one file each; then the libraries apart, which that code requires on first use.
const bundles = [
  { entry: cliEntry, file: 'cli.cjs', plugins: [earlyTableInEntry, catalogAsTable] },
  { entry: join(compiled, 'workers', 'bundled-worker.js'), file: 'worker.cjs', plugins: [catalogAsTable] },
  { entry: join(compiled, 'cli', 'start.js'), file: 'cli-code.cjs', plugins: [earlyModulesShared, vendorOnFirstUse, catalogAsTable] },
  { entry: join(compiled, 'workers', 'serve.js'), file: 'worker-code.cjs', plugins: [vendorOnFirstUse, catalogAsTable] },
  ...vendorApart.map((name) => ({ entry: createRequire(join(root, 'package.json')).resolve(name), file: vendorFile(name), plugins: name === 'yargs' ? [yargsShimForBundle] : [] })),
];
await mkdir(join(outdir, 'vendor'), { recursive: true });
for (const { entry, file, plugins } of bundles) {
  const { warnings, outputFiles } = await build({ ...commonJs, entryPoints: [entry], outfile: join(outdir, file), plugins });
  if (warnings.length > 0) throw new Error(`bundle: ${file}: ${warnings.map((warning) => warning.text).join('; ')}`);
  await writeFile(join(outdir, file), asciiOnly(outputFiles[0].text, file));
}

// ASCII code is read as one-byte text (harness/code-cache.ts). esbuild escapes non-ASCII characters in code but
// keeps a few comments as they are (a dependency's): those characters become '?'. Elsewhere, one fails the build.
function asciiOnly(text, file) {
  return text
    .split('\n')
    .map((line, index) => {
      if (!/[^\x00-\x7f]/.test(line)) return line;
      if (line.trimStart().startsWith('//')) return line.replace(/[^\x00-\x7f]/g, '?');
      throw new Error(`bundle: ${file}:${index + 1} has a character outside ASCII, outside a comment: escape it in its source`);
    })
    .join('\n');
}
await writeFile(join(outdir, 'messages.json'), JSON.stringify(catalog));
// The rubric table is read from beside the code that reads it (rubric/precompiled.ts).
await copyFile(join(compiled, 'rubric', 'precompiled.json'), join(outdir, 'precompiled.json'));
await cp(join(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'locales'), join(outdir, 'yargs-locales'), { recursive: true });
await chmod(join(outdir, 'cli.cjs'), 0o755);
