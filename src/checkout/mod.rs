//! What a checkout asks: a cart quoted for a customer under a program kept compiled, the margin
//! it leaves, and the fingerprint a server compares when the customer pays.

pub mod compiled_program;
pub mod engine;
pub mod fingerprint;
pub mod margin;
pub mod quote;
pub mod read;
pub mod valid_program;
