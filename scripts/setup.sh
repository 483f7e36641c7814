#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing that is already there.
# Safe to run again and again; quick when everything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || fail "Rust is missing. Install it from rustup, then run this again."
command -v node >/dev/null || fail "Node.js 20 or newer is missing. Install it (for example: apt-get install -y nodejs npm), then run this again."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The Wasm packages are built with a pinned nightly that rebuilds std for size (scripts/build.sh);
# everything else (tests, clippy, the command) uses stable.
nightly=$(sed -n 's/^WASM_TOOLCHAIN=//p' scripts/build.sh)
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --installed --toolchain "$nightly" | grep -q '^rust-src'; then
  say "installing Rust $nightly with rust-src (for the size-optimised Wasm build)"
  rustup toolchain install "$nightly" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (compiles from source, a few minutes)"
  cargo install wasm-pack --locked
fi

# wasm-bindgen's CLI must be exactly the version of the crate in Cargo.lock.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (compiles from source, a few minutes)"
  # --locked first; one of its locked dependencies has been yanked, so fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "$want" --locked --force 2>/dev/null \
    || cargo install wasm-bindgen-cli --version "$want" --force
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's chromium and chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    fail "Chromium is missing and this is not root. Run: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
  fi
fi

# npm packages from the lockfile: playwright-core, axe-core and binaryen's wasm-opt.
# (Debian's own binaryen package is too old and breaks the module; it is never used.)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
[ -x node_modules/.bin/wasm-opt ] || fail "node_modules/.bin/wasm-opt is missing; run: npm ci"
