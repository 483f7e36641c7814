// Sizes of what a shop downloads: raw, gzip (level 9) and brotli (quality 11).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUILT = readdirSync(new URL('../www/build/', import.meta.url));

// What the checkout's page downloads: one minified module (the widget's modules, the glue and
// the English strings, scripts/package.mjs bundles them), the .wasm and the English words of
// explanations (a chunk fetched beside the .wasm); a page in Russian, Armenian or Georgian
// fetches that language's strings, a chunk of its own, instead of the English explanations.
export const BUNDLE = {
  wasm: ['www/build/loyalty_core_bg.wasm'],
  script: ['www/build/loyalty.min.js'],
  explanations: BUILT.filter((file) => /^loyalty-chunk-i18n-en-.*\.js$/.test(file)).map((file) => `www/build/${file}`),
};

/** The language chunks the bundle imports when a page shows another language than English. */
export const LANGUAGE_CHUNKS = BUILT
  .filter((file) => /^loyalty-chunk-i18n-(?!en-).*\.js$/.test(file))
  .map((file) => `www/build/${file}`);

// What the rep's offer explorer loads in English: its one bundled script (the elements, the
// analytics glue and the English words) and the analytics module; never loaded at checkout. A
// Chromium test holds the page to fetching these and no chunk of words.
export const ANALYTICS = ['www/build/loyalty-offer-explorer.min.js', 'www/build/loyalty_analytics_bg.wasm'];

// The customer's tier page: its one bundled script and its own .wasm (in English).
export const TIER_PAGE = ['www/build/loyalty-tier-preview.min.js', 'www/build/loyalty_tier_bg.wasm'];

function measure(files) {
  const bytes = Buffer.concat(files.map((file) => readFileSync(new URL(`../${file}`, import.meta.url))));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Each file measured on its own, summed: what a page transfers, one response a file. */
function measureEach(files) {
  const sizes = files.map((file) => measure([file]));
  const sum = (key) => sizes.reduce((total, size) => total + size[key], 0);
  return { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/**
 * { wasm, script, total (the checkout's first load in English), language (the largest language
 * chunk), localized (the first load in that language), analytics, tier (the tier page's first
 * load), host (the pricer for other Wasm hosts) }, each with raw, gzip and brotli bytes.
 */
export function bundleSizes() {
  const parts = Object.fromEntries(Object.entries(BUNDLE).map(([name, files]) => [name, measure(files)]));
  parts.total = measureEach(Object.values(BUNDLE).flat());
  const chunks = LANGUAGE_CHUNKS.map((file) => [file, measure([file])]).sort((a, b) => b[1].brotli - a[1].brotli);
  const [largest] = chunks[0] ?? [];
  parts.language = largest ? measure([largest]) : { raw: 0, gzip: 0, brotli: 0 };
  parts.localized = measureEach([...BUNDLE.wasm, ...BUNDLE.script, ...(largest ? [largest] : [])]);
  parts.analytics = measure(ANALYTICS);
  parts.tier = measureEach(TIER_PAGE);
  // The pricer for other Wasm hosts (no wasm-bindgen, no imports): a server's runtime, a Shopify
  // discount Function (whose limit is 256 KB).
  parts.host = measure(['www/build/loyalty_host.wasm']);
  // The compiled example programs (scripts/compile-programs.mjs), one of which a checkout loads.
  const programs = readdirSync(new URL('../www/build/programs/', import.meta.url));
  const program = Math.max(0, ...programs.map((file) => readFileSync(new URL(`../www/build/programs/${file}`, import.meta.url)).length));
  parts.programs = { largest: program, raw: program, gzip: 0, brotli: 0 };
  return parts;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, size] of Object.entries(bundleSizes())) {
    if (name === 'programs') console.log(`programs  the largest compiled example ${size.largest} bytes`);
    else console.log(`${name.padEnd(12)} raw ${kb(size.raw).padStart(9)}  gzip ${kb(size.gzip).padStart(9)}  brotli ${kb(size.brotli).padStart(9)}`);
  }
}
