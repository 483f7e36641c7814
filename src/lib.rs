//! An exact loyalty-program calculator.
//!
//! A [`Program`] is JSON data: tiers, discount rules, promo codes, points, cashback, membership
//! and more. [`quote()`] prices one cart for one customer, to the currency's minor unit, and
//! traces every figure to the rule that produced it. [`summarize`] words a program in English,
//! Russian, Armenian or Georgian.
//!
//! ```
//! let request: loyalty::Request = loyalty::from_json(r#"{
//!   "program": {"version": 1, "id": "demo", "name": "Demo", "currency": "USD",
//!     "discounts": [{"id": "card", "name": "Card", "value": {"type": "percent", "percent": "5"}}]},
//!   "cart": {"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "19.99", "quantity": 3}]}
//! }"#).unwrap();
//! let quote = loyalty::quote(&request).unwrap();
//! assert_eq!(quote.subtotal.to_string(), "59.97");
//! assert_eq!(quote.discount_total.to_string(), "3.00");
//! assert_eq!(quote.payable.to_string(), "56.97");
//! ```
// The Wasm bindings export unmangled names (and wasm-bindgen generates unsafe glue); the rest
// of the crate is safe Rust.
#![cfg_attr(not(any(feature = "wasm", feature = "host")), forbid(unsafe_code))]

// The layers, from the bottom up: each imports only from its own layer and those above it in
// this list (`tests/layers.rs` reads the order here and checks it).
// Errors, and exact money: currencies, rounding, integer arithmetic.
pub mod error;
pub mod money;
// The format: programs, customers and carts read from JSON, checked, named and traced.
pub mod format;
// A program compiled into rules, and the pricer that applies them.
pub mod rules;
// One cart quoted for one customer.
pub mod checkout;
// Programs worded in plain language.
pub mod summary;
// Projections, forecasts, simulations, calculators and refunds.
pub mod analytics;
// Order histories read from files (the command line only).
#[cfg(feature = "cli")]
pub mod history;
// The JavaScript bindings (the `loyalty` binary lives in bindings/cli/).
pub mod bindings;

pub use checkout::engine::Engine;
pub use checkout::quote::{quote, quote_valid, Quote, Request};
pub use error::{Error, ErrorCode, Result};
pub use format::cart::Cart;
pub use format::customer::Customer;
pub use format::json::{from_json, from_value};
pub use format::program::Program;
pub use summary::{summarize, Lang};
