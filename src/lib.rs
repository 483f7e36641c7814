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

pub mod calculators;
pub mod campaigns;
pub mod cart;
pub mod customer;
pub mod economics;
pub mod engine;
pub mod error;
pub mod exact;
pub mod fingerprint;
pub mod json;
pub mod keyed;
pub mod margin;
#[cfg(feature = "cli")]
pub mod merge;
pub mod money;
pub mod names;
#[cfg(feature = "cli")]
pub mod orders_csv;
#[cfg(all(feature = "cli", feature = "parquet"))]
pub mod orders_parquet;

pub mod portfolio;
pub mod preview;
pub mod program;
pub mod projection;
pub mod quote;
#[cfg(any(feature = "cli", feature = "analytics"))]
pub mod refund;
pub mod rules;
pub mod simulate;
pub mod summary;
pub mod tiers;
pub mod trace;
mod validate;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use cart::Cart;
pub use customer::Customer;
pub use engine::Engine;
pub use error::{Error, ErrorCode, Result};
pub use json::{from_json, from_value};
pub use program::Program;
pub use quote::{quote, quote_valid, Quote, Request};
pub use summary::{summarize, Lang};
