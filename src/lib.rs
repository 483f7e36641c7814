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
#![cfg_attr(not(feature = "wasm"), forbid(unsafe_code))]

// The layers, from the bottom up: each imports only from those above it in this list
// (`tests/layers.rs` checks it).
pub mod analytics;
pub mod bindings;
pub mod checkout;
pub mod error;
pub mod format;
#[cfg(feature = "cli")]
pub mod history;
pub mod money;
pub mod rules;
pub mod summary;

pub use checkout::engine::Engine;
pub use checkout::quote::{quote, quote_valid, Quote, Request};
pub use error::{Error, ErrorCode, Result};
pub use format::cart::Cart;
pub use format::customer::Customer;
pub use format::json::{from_json, from_value};
pub use format::program::Program;
pub use summary::{summarize, Lang};
