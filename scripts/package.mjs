// Assembles pkg/: one npm package with the Wasm core, the analytics module, the widgets, their
// TypeScript definitions and the program's JSON Schema, for browsers, bundlers and Node servers,
// and bundles the checkout, the tier page and the offer explorer into one minified module each.
//
// www/ keeps its sources in folders (elements/, i18n/; build/ holds what scripts/build.sh makes:
// the two .wasm files and wasm-bindgen's glue). pkg/ is flat: it holds exactly the modules the
// entry points import (never the demo pages) and the two .wasm files side by side, each import's
// relative path rewritten to `./file`, so that a shop copies one folder and every import and
// default Wasm URL still holds. The bundles are built from pkg/'s flat modules, so that they load
// the .wasm from their own folder, and copied into www/build/ for the demo pages.
//
//   node scripts/package.mjs      (scripts/build.sh runs it after building the Wasm)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { build, transform } from 'esbuild';

const root = new URL('../', import.meta.url);
const www = new URL('www/', root);
const built = new URL('www/build/', root);
const out = new URL('pkg/', root);

/**
 * Entry points: the package's subpath, its module in www/ and its definitions. `element` marks
 * the modules that register a custom element when imported, which bundlers must keep.
 */
const ENTRIES = [
  { subpath: '.', module: 'elements/loyalty-core.js', types: 'elements/loyalty-core.d.ts' },
  { subpath: './analytics', module: 'elements/loyalty-analytics.js', types: 'elements/loyalty-analytics.d.ts' },
  { subpath: './checkout', module: 'elements/loyalty.js', types: 'elements/loyalty.d.ts', element: true },
  { subpath: './tier-preview', module: 'elements/loyalty-tier-preview.js', types: 'elements/loyalty-tier-preview.d.ts', element: true },
  { subpath: './offer-explorer', module: 'elements/loyalty-offer-explorer.js', types: 'elements/loyalty-offer-explorer.d.ts', element: true },
];
/** The Wasm modules in www/build/, which the glue loads rather than imports. */
const WASM = ['loyalty_core_bg.wasm', 'loyalty_analytics_bg.wasm', 'loyalty_compiler_bg.wasm', 'loyalty_tier_bg.wasm'];
/**
 * One minified module for a page's script tag, with its source map, for the checkout (the
 * checkout's and the price's elements), for the customer's tier page and for the rep's explorer. The strings of Russian,
 * Armenian and Georgian are split into chunks of their own (`<chunk>-i18n-ru-….js`), fetched only
 * by a page in that language.
 */
const BUNDLES = [
  { entry: 'loyalty.js', chunk: 'loyalty-chunk' },
  { entry: 'loyalty-tier-preview.js', chunk: 'loyalty-tier-preview-chunk' },
  { entry: 'loyalty-offer-explorer.js', chunk: 'loyalty-offer-explorer-chunk' },
];

/** Relative module specifiers: in imports, exports, dynamic imports and `new URL(…, import.meta.url)`. */
const SPECIFIER = /((?:from|import)\s*\(?\s*|new URL\(\s*)'(\.\.?\/[^']+)'/g;

/** Every www/ file `file` imports, relative to www/, followed transitively (JS and .d.ts). */
function importsOf(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(new URL(file, www), 'utf8');
  for (const [, head, spec] of text.matchAll(SPECIFIER)) {
    if (head.startsWith('new URL')) continue; // the .wasm, copied on its own
    const target = new URL(spec, new URL(file, www)).pathname.slice(www.pathname.length);
    const declared = target.replace(/\.js$/, '.d.ts');
    if (file.endsWith('.d.ts') && existsSync(new URL(declared, www))) importsOf(declared, seen);
    else importsOf(target, seen);
  }
  return seen;
}

/** `file`'s text with every relative specifier pointing into the flat package: `./name`. */
function flattened(file, names) {
  return readFileSync(new URL(file, www), 'utf8').replace(SPECIFIER, (whole, head, spec) => {
    const name = basename(spec);
    if (!names.has(name) && !names.has(name.replace(/\.js$/, '.d.ts'))) throw new Error(`package: ${file} refers to ${spec}, which the package does not hold`);
    return `${head}'./${name}'`;
  });
}

function assembleModules() {
  const files = new Set();
  for (const { module, types } of ENTRIES) {
    importsOf(module, files);
    importsOf(types, files);
  }
  const names = new Map();
  for (const file of files) {
    const name = basename(file);
    if (names.has(name)) throw new Error(`package: ${file} and ${names.get(name)} would both be pkg/${name}`);
    names.set(name, file);
  }
  for (const wasm of WASM) names.set(wasm, `build/${wasm}`);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const file of files) {
    if (/\.(js|ts)$/.test(file)) writeFileSync(new URL(basename(file), out), flattened(file, names));
    else cpSync(new URL(file, www), new URL(basename(file), out));
  }
  for (const wasm of WASM) cpSync(new URL(wasm, built), new URL(wasm, out));
  return files;
}

/**
 * Minifies each element's stylesheet (the `STYLE` template literals, plain CSS without
 * placeholders) in the bundles, as esbuild minifies the code around them, and shortens the Wasm
 * glue's warnings to developers; pkg/'s modules keep both as written.
 */
const minifiedSources = {
  name: 'minified-sources',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      let code = readFileSync(path, 'utf8');
      // wasm-bindgen's glue warns a developer in long sentences; the bundles say it shorter.
      code = code.replace(/"`WebAssembly\.instantiateStreaming` failed [^"]*"/, '"loyalty: serve the .wasm as application/wasm; falling back to a slower load:"')
        .replace(/'using deprecated parameters for the initialization function; pass a single object instead'/, "'init: pass one object'");
      for (const [whole, css] of code.matchAll(/STYLE = `([^`$]*)`/g)) {
        const { code: minified } = await transform(css, { loader: 'css', minify: true });
        code = code.replace(whole, `STYLE = ${JSON.stringify(minified.trim())}`);
      }
      return { contents: code, loader: 'js' };
    });
  },
};

/** Builds the bundles in pkg/ from its flat modules, and copies them into www/build/; their file names. */
async function bundle() {
  for (const file of readdirSync(built)) {
    if (/^loyalty(-tier-preview|-offer-explorer)?(\.min|-chunk-)/.test(file)) rmSync(new URL(file, built));
  }
  const files = [];
  for (const { entry, chunk } of BUNDLES) {
    const result = await build({
      entryPoints: [new URL(entry, out).pathname],
      bundle: true, format: 'esm', minify: true, sourcemap: true, splitting: true,
      target: 'es2022', external: ['node:*'], legalComments: 'none', logLevel: 'warning', charset: 'utf8',
      outdir: out.pathname, entryNames: '[name].min', chunkNames: `${chunk}-[name]-[hash]`, metafile: true,
      plugins: [minifiedSources],
    });
    files.push(...Object.keys(result.metafile.outputs).map((output) => basename(output)));
  }
  for (const name of files) cpSync(new URL(name, out), new URL(name, built));
  return files;
}

function writeManifest() {
  const version = readFileSync(new URL('Cargo.toml', root), 'utf8').match(/^version = "(.+)"$/m)[1];
  const exports = Object.fromEntries(ENTRIES.map(({ subpath, module, types }) =>
    [subpath, { types: `./${basename(types)}`, default: `./${basename(module)}` }]));
  exports['./program.schema.json'] = './program.schema.json';
  for (const wasm of WASM) exports[`./${wasm}`] = `./${wasm}`;
  const minified = BUNDLES.map(({ entry }) => `./${entry.replace(/\.js$/, '.min.js')}`);
  for (const file of minified) exports[file] = file;
  exports['./package.json'] = './package.json';

  cpSync(new URL('schema/program.schema.json', root), new URL('program.schema.json', out));
  cpSync(new URL('docs/package-README.md', root), new URL('README.md', out));
  const manifest = {
    name: 'loyalty-calculator',
    version,
    description: 'Exact loyalty-program calculator in WebAssembly: quotes, projections, margins and checkout widgets',
    license: 'MIT',
    type: 'module',
    exports,
    types: './loyalty-core.d.ts',
    sideEffects: [...ENTRIES.filter(({ element }) => element).map(({ module }) => `./${basename(module)}`), ...minified],
    engines: { node: '>=18' },
  };
  writeFileSync(new URL('package.json', out), `${JSON.stringify(manifest, null, 2)}\n`);
}

const files = assembleModules();
const bundles = await bundle();
writeManifest();
console.log(`package: pkg/ with ${files.size} modules and definitions, ${WASM.join(', ')}, and ${bundles.filter((name) => name.endsWith('.js')).join(', ')}`);
