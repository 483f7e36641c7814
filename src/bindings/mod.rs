//! The bindings over the library: the Wasm modules here (the command is `cli/`, built as the
//! `loyalty` binary; the Python package is the crate in `python/`).

#[cfg(feature = "wasm")]
pub mod wasm;
