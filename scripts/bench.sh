#!/usr/bin/env bash
# Runs every benchmark and prints one table. Nothing here is asserted; rerun to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# Instruction counts under callgrind: the figures to compare across machines and runs.
if ! command -v valgrind >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
  else
    echo "bench: valgrind is missing, so no instruction counts; run: sudo apt-get install -y valgrind" >&2
  fi
fi
cargo build --quiet --release --features cli --bin loyalty
cargo bench --quiet --bench quote -- --warm-up-time 1 --measurement-time 3 >/dev/null 2>&1
cargo bench --quiet --features cli --bench projection 2>/dev/null | tee target/bench-projection.txt
node scripts/bench.mjs

# == Dask (python/): a 1 M-row history on a LocalCluster of two workers, against the command.
bash scripts/python.sh --install-only
target/python-venv/bin/python scripts/bench_dask.py
