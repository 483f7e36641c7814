//! One module per mechanic: its compiled form, how it is compiled and checked from the program,
//! how it prices, and the trace codes it writes. None of them knows the others' rules or the
//! whole compiled program: the pricer hands each its own rule and the sheet of the order.

pub mod cashback;
pub mod chances;
pub mod commitment;
pub mod conditions;
pub mod earn;
pub mod events;
pub mod included_tax;
pub mod limits;
pub mod membership;
pub mod multipliers;
pub mod points;
pub mod promo_code;
pub mod redemption;
pub mod tiers;
