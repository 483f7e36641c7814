//! One module per mechanic: its compiled form, how it is compiled and checked from the program,
//! how it prices, and the trace codes it writes. None of them knows the others' rules or the
//! whole compiled program: the pricer hands each its own rule and the sheet of the order.

pub mod bundle;
pub mod buy_get;
pub mod cashback;
pub mod chances;
pub mod commitment;
pub mod conditions;
pub mod delivery;
pub mod earn;
pub mod events;
pub mod included_tax;
pub mod limits;
pub mod membership;
pub mod multipliers;
pub mod percent;
pub mod points;
pub mod promo_code;
pub mod quantity_breaks;
pub mod redemption;
pub mod spend_steps;
pub mod tiers;
