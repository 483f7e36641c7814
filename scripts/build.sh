#!/usr/bin/env bash
# Builds the Wasm package into www/pkg/, optimised with binaryen's wasm-opt from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

wasm-pack --quiet build --target web --release --no-pack --out-dir www/pkg --out-name loyalty -- --features wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  www/pkg/loyalty_bg.wasm -o www/pkg/loyalty_bg.wasm
rm -f www/pkg/.gitignore
echo "build: www/pkg/loyalty_bg.wasm $(wc -c < www/pkg/loyalty_bg.wasm) bytes"
