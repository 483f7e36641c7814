//! The rules engine: a program compiled once, one pricer for an order, one ledger for a customer
//! over time.
//!
//! - [`compiled`]: the program as integer data (`Rules`), read from a validated [`crate::Program`].
//!   Every field of the program is taken apart here without `..`, so a new field does not compile
//!   until this module decides what it means.
//! - [`pricer`]: `price(rules, order, standing) → Outcome`, the only place where rules turn into
//!   money. The quote, the projection, the forecast and the simulation all call it; with the trace
//!   off it is the same code doing less writing.
//! - [`ledger`]: a customer's account through time (tier, point lots, spend windows, store credit),
//!   with `book(outcome)` after each order and `close_month` at each month's end.
//! - [`calendar`]: what the ledger asks of a date (its tier window, its periods, when points
//!   earned on it expire, a month's review), worked out once per day rather than per customer.
//!
//! A new mechanic goes into the program type, then [`compiled`], then [`pricer`] (and [`ledger`]
//! if it lasts beyond one order), with its trace code in [`crate::format::trace::Code`] and the code's words
//! in `www/i18n.js`.

pub mod allocation;
pub mod calendar;
pub mod compiled;
pub mod discount_rule;
pub mod discounts;
pub mod figures;
pub mod ledger;
pub mod mechanics;
pub mod order;
pub mod periods;
pub mod pricer;
pub mod reading;
pub mod reads;
pub mod stacking;
pub mod values;

pub use compiled::Rules;
pub use figures::Figures;
pub use ledger::Ledger;
pub use pricer::{price, price_into, Order, OrderLine, Outcome, Standing};
