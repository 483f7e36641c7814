//! The format: what a program, a customer and a cart are, how they are read from JSON and checked,
//! the names they carry in several languages, and the trace a quote explains itself with.

pub mod cart;
pub mod customer;
pub mod declared;
pub mod json;
pub mod keyed;
pub mod localized;
pub mod names;
pub mod program;
pub mod trace;
pub(crate) mod validate;
