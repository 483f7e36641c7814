#!/usr/bin/env bash
# The Python package (python/): a virtualenv in target/python-venv with the pinned test
# requirements, the package built by maturin and installed with `pip install ./python`, and its
# tests (pytest, with a Dask LocalCluster of two workers). Called by scripts/test.sh; runs alone
# too; `--install-only` stops after the install (scripts/bench.sh). Idempotent: the virtualenv
# and the package are redone only when what they are made of changed, so a re-run costs the
# tests and a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=target/python-venv
PY="$VENV/bin/python"
# The root crate's build (the command the tests compare with), and the binding's own, away from
# it (the root crate never sees pyo3).
ROOT_TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TARGET_DIR="${PYTHON_CARGO_TARGET_DIR:-$PWD/target/python-build}"
# pip's build backend (maturin) is found on PATH.
export PATH="$PWD/$VENV/bin:$PATH"
pip_install() { "$PY" -m pip install --quiet --disable-pip-version-check "$@"; }
digest() { cat "$@" | sha256sum | cut -d' ' -f1; }

echo "== Python: virtualenv and test requirements"
if ! "$PY" -c '' 2>/dev/null; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
fi
wanted=$(digest python/requirements-test.txt)
if [ "$(cat "$VENV/.requirements" 2>/dev/null)" != "$wanted" ]; then
  pip_install -r python/requirements-test.txt
  echo "$wanted" > "$VENV/.requirements"
fi

echo "== Python: the package (maturin through pip install ./python)"
# Everything the extension is built from: the binding and the root crate it wraps.
sources=$(find python/Cargo.toml python/Cargo.lock python/pyproject.toml python/src python/loyalty \
  Cargo.toml src -type f -not -name '*.pyc' | LC_ALL=C sort)
# shellcheck disable=SC2086
wanted=$(digest $sources)
if [ "$(cat "$VENV/.package" 2>/dev/null)" != "$wanted" ]; then
  pip_install --no-build-isolation --force-reinstall --no-deps ./python
  echo "$wanted" > "$VENV/.package"
fi
if [ "${1:-}" = "--install-only" ]; then exit 0; fi

echo "== Python: format, lints and tests, against the loyalty command"
cargo fmt --check --manifest-path python/Cargo.toml
cargo clippy --manifest-path python/Cargo.toml --quiet -- -D warnings
# The command, as `cargo test --features cli` builds it: nothing to do after scripts/test.sh ran
# that (a plain `cargo build` builds it otherwise, and each would rebuild after the other).
cargo test --features cli --no-run --quiet --target-dir "$ROOT_TARGET"
LOYALTY_CLI="$ROOT_TARGET/debug/loyalty" "$VENV/bin/pytest" -q -p no:cacheprovider python/tests
