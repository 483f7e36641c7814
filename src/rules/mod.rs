//! The rules engine: a program compiled once, one pricer for an order, one ledger for a customer
//! over time.
//!
//! - [`compiled`]: the program as integer data ([`Rules`]), compiled from a [`crate::Program`] by
//!   `Rules::compile`, which takes every field apart without `..` (a new field does not compile
//!   until it is placed) and hands each part to its mechanic's `compile`.
//! - [`mechanics`]: one module per mechanic: its compiled form, how it is compiled and checked,
//!   how it prices, and the trace codes it writes.
//! - [`pricer`]: `price(rules, order, standing) → Outcome`, the only place where rules turn into
//!   money, a pipeline of stages; [`discounts`], [`discount_rule`] and [`stacking`] are the
//!   discount stage, [`allocation`] the exact split every stage shares.
//! - [`values`], [`order`]: what compiled forms are made of, and what the pricer reads and writes.
//! - [`ledger`]: a customer's account through time (tier, point lots, spend windows, store credit),
//!   with `book(outcome)` after each order and `close_month` at each month's end.
//! - [`steady`]: the forecast's customers carried through the months in a few integer steps, for
//!   programs whose time needs no more than tiers on spend, expiry and a review.
//! - [`calendar`] and [`periods`]: what the ledger asks of a date (its tier window, its periods,
//!   when points earned on it expire, a month's review), worked out once per day.
//!
//! A new mechanic is a module in [`mechanics`], its `compile` called from `Rules::compile`, and
//! one line in the [`pricer`]'s stages, with its trace codes in [`crate::format::trace::Code`] and
//! their words in `www/i18n/`.

pub mod allocation;
pub mod calendar;
pub mod compiled;
pub mod discount_rule;
pub mod discounts;
pub mod encoding;
pub mod figures;
pub mod ledger;
pub mod mechanics;
pub mod order;
pub mod periods;
pub mod pricer;
pub mod reading;
pub mod reads;
pub mod stacking;
#[cfg(any(feature = "cli", feature = "analytics"))]
pub mod steady;
pub mod values;

pub use compiled::Rules;
pub use figures::Figures;
pub use ledger::Ledger;
pub use pricer::{price, price_into, Order, OrderLine, Outcome, Standing};
