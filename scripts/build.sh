#!/usr/bin/env bash
# Builds the five Wasm modules (checkout, analytics, compiler, tier page, other hosts' pricer) into www/build/ (which the demo serves), optimised with binaryen's
# wasm-opt from npm, then assembles pkg/, the npm package a seller installs, and bundles the
# checkout and the tier page into one file each (scripts/package.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# A pinned nightly rebuilds std for size: panics abort at once instead of formatting a message
# (nothing may panic across the boundary anyway), and std's small-code variants (sorting,
# formatting) replace the fast ones. This takes the checkout module from 268 KB to 225 KB.
# No source locations are kept either: they were file paths of this machine, shipped to shops.
WASM_TOOLCHAIN=nightly-2026-05-20

# $1: the module's name (www/build/$1.js is its glue, www/build/$1_bg.wasm the module), $2: cargo
# features, $3: cargo profile (see Cargo.toml). wasm-pack writes into target/, so that its
# .gitignore never lands in www/.
build() {
  local out="target/wasm-pack/$1"
  RUSTUP_TOOLCHAIN=$WASM_TOOLCHAIN RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    wasm-pack --quiet build --target web --profile "$3" --no-pack --out-dir "$out" --out-name "$1" -- \
    --features "$2" -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
  # Control flow flattened and rebuilt (--flatten --rereloop) between rounds of -Oz, and the
  # functions in name order (a module's functions side by side): the checkout's .wasm came to
  # 277,440 B raw and 99.9 KB brotli this way against 279,901 B and 100.3 KB with two rounds of
  # -Oz alone, and the analytics module to 538,085 B against 542,379 B.
  optimise "$out/$1_bg.wasm" "www/build/$1_bg.wasm"
  cp "$out/$1.js" "$out/$1.d.ts" "www/build/"
}

# --low-memory-unused: Rust lays the stack first, from address 0 up to 1 MiB, so the lowest
# kilobyte is only reached by a stack a megabyte deep; binaryen may then fold small constant
# offsets into loads and stores. The checkout's module came to 2.2 KB raw less, the analytics
# module to 5.2 KB less and the tier page's to 3.6 KB less (1.5 KB brotli).
# --gufa-optimizing -Oz --converge: values that whole-program flow analysis finds constant are
# folded in, and the passes repeat until the module stops shrinking: the checkout's module came
# to 141 B raw and 184 B brotli less (a quarter of a minute more per module).
optimise() {
  node_modules/.bin/wasm-opt --low-memory-unused -Oz --flatten --rereloop -Oz -Oz --reorder-functions-by-name \
    --gufa-optimizing -Oz --converge \
    --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$1" -o "$2"
  echo "build: $2 $(wc -c < "$2") bytes"
}

# The pricer for other Wasm hosts (src/bindings/host.rs): plain cargo, no wasm-bindgen, no imports.
build_host() {
  RUSTUP_TOOLCHAIN=$WASM_TOOLCHAIN RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo build --quiet --target wasm32-unknown-unknown --profile wasm --lib --features host \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
  optimise target/wasm32-unknown-unknown/wasm/loyalty.wasm www/build/loyalty_host.wasm
}

mkdir -p www/build
build loyalty_core wasm wasm                                # the checkout: quotes
build loyalty_analytics wasm,analytics wasm-analytics       # the rep's and customer's views: projections, forecasts and margins
build loyalty_compiler wasm,compiler wasm                   # a JSON program compiled in the browser, for pages that give one
build loyalty_tier wasm,analytics,tier-page wasm            # the customer's tier page: its preview, at opt-level "z"
build_host                                                  # loyalty_host.wasm: the pricer for a server's runtime or a Shopify Function
node scripts/compile-programs.mjs                           # the examples compiled, as the demo pages load them

# pkg/, and one file for a page's script tag: the checkout's modules (or the tier page's) and the
# glue as one minified ES module, with a source map, beside the .wasm it loads (found by
# `import.meta.url`), in pkg/ and in www/build/. The strings of Russian, Armenian and Georgian are
# split into chunks of their own (loyalty-chunk-*.js, loyalty-tier-preview-chunk-*.js), fetched
# only by a page in that language.
node scripts/package.mjs
echo "build: www/build/loyalty.min.js $(wc -c < www/build/loyalty.min.js) bytes, and $(ls www/build/loyalty-chunk-i18n-*.js | wc -l) chunks of words"
echo "build: www/build/loyalty-tier-preview.min.js $(wc -c < www/build/loyalty-tier-preview.min.js) bytes, and $(ls www/build/loyalty-tier-preview-chunk-i18n-*.js | wc -l) chunks of words"
