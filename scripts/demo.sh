#!/usr/bin/env bash
# Installs what is missing, builds the Wasm package and serves the demo shop on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs
