//! The bindings over the library: the Wasm modules here (`wasm` for JavaScript through
//! wasm-bindgen, `host` for any other Wasm host) (the command is `cli/`, built as the
//! `loyalty` binary; the Python package is the crate in `python/`).

#[cfg(feature = "wasm")]
pub mod wasm;

#[cfg(feature = "host")]
pub mod host;
