#!/usr/bin/env bash
# Runs every benchmark and prints one table. Nothing here is asserted; rerun to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cargo bench --quiet --bench quote -- --warm-up-time 1 --measurement-time 3 >/dev/null 2>&1
cargo bench --quiet --features cli --bench projection 2>/dev/null | tee target/bench-projection.txt
node scripts/bench.mjs
