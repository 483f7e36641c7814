// Assembles pkg/: one npm package with the Wasm core, the analytics module, the widgets, their
// TypeScript definitions and the program's JSON Schema, for browsers, bundlers and Node servers.
// It holds exactly the modules the entry points import from www/ (never the demo pages) and the
// two .wasm files, side by side as in www/, so that every import and default Wasm URL still holds.
//
//   node scripts/package.mjs      (scripts/build.sh runs it after building the Wasm)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const www = new URL('www/', root);
const out = new URL('pkg/', root);

/**
 * Entry points: the package's subpath, its module in www/ and its definitions. `element` marks
 * the modules that register a custom element when imported, which bundlers must keep.
 */
const ENTRIES = [
  { subpath: '.', module: 'loyalty-core.js', types: 'loyalty-core.d.ts' },
  { subpath: './analytics', module: 'loyalty-analytics.js', types: 'loyalty-analytics.d.ts' },
  { subpath: './checkout', module: 'loyalty.js', types: 'loyalty.d.ts', element: true },
  { subpath: './tier-preview', module: 'loyalty-tier-preview.js', types: 'loyalty-tier-preview.d.ts', element: true },
  { subpath: './offer-explorer', module: 'loyalty-offer-explorer.js', types: 'loyalty-offer-explorer.d.ts', element: true },
];
/** The Wasm modules, which the glue loads rather than imports. */
const WASM = ['loyalty_core_bg.wasm', 'loyalty_analytics_bg.wasm'];
/**
 * The checkout as one minified module with its source map, for a shop's script tag, and the
 * chunks of strings it fetches for Russian, Armenian or Georgian.
 */
const BUNDLE = ['loyalty.min.js', 'loyalty.min.js.map',
  ...readdirSync(www).filter((file) => file.startsWith('loyalty-chunk-'))];

/** Every www/ file `file` imports, relative to www/, followed transitively (JS and .d.ts). */
function importsOf(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(new URL(file, www), 'utf8');
  for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.\/[^']+)'/g)) {
    const target = new URL(spec, new URL(file, www)).pathname.slice(www.pathname.length);
    const declared = target.replace(/\.js$/, '.d.ts');
    if (file.endsWith('.d.ts') && existsSync(new URL(declared, www))) importsOf(declared, seen);
    else importsOf(target, seen);
  }
  return seen;
}

function assemblePackage() {
  const files = new Set();
  for (const { module, types } of ENTRIES) {
    importsOf(module, files);
    importsOf(types, files);
  }
  const version = readFileSync(new URL('Cargo.toml', root), 'utf8').match(/^version = "(.+)"$/m)[1];
  const exports = Object.fromEntries(ENTRIES.map(({ subpath, module, types }) =>
    [subpath, { types: `./${types}`, default: `./${module}` }]));
  exports['./program.schema.json'] = './program.schema.json';
  for (const wasm of WASM) exports[`./${wasm}`] = `./${wasm}`;
  exports['./loyalty.min.js'] = './loyalty.min.js';
  exports['./package.json'] = './package.json';

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const file of [...files, ...WASM, ...BUNDLE]) cpSync(new URL(file, www), new URL(file, out));
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
    sideEffects: [...ENTRIES.filter(({ element }) => element).map(({ module }) => `./${module}`), './loyalty.min.js'],
    engines: { node: '>=18' },
  };
  writeFileSync(new URL('package.json', out), `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

const files = assemblePackage();
console.log(`package: pkg/ with ${files.size} modules and definitions, and ${WASM.join(', ')}`);
