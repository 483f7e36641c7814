//! The seller's and the customer's views over time, all on the one ledger and pricer:
//! projections, the portfolio forecast, the simulation of a history, margin impact and
//! comparisons, the calculators, the tier preview and returns.

pub mod calculators;
pub mod campaigns;
pub mod economics;
pub mod portfolio;
pub mod preview;
pub mod projection;
pub mod read;
#[cfg(any(feature = "cli", feature = "analytics"))]
pub mod refund;
pub mod simulate;
