//! Currencies, explicit rounding and exact allocation of amounts across lines; [`exact`] holds the
//! integer arithmetic underneath (fractions, 256-bit multiply-divide).

pub mod exact;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// ISO 4217 codes this crate knows, with their minor units. The browser's tables are not trusted.
const MINOR_UNITS: &[(&str, u32)] = &[
    ("AMD", 2),
    ("AUD", 2),
    ("BHD", 3),
    ("BYN", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CNY", 2),
    ("CZK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("INR", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("KZT", 2),
    ("OMR", 3),
    ("PLN", 2),
    ("RUB", 2),
    ("SEK", 2),
    ("TND", 3),
    ("TRY", 2),
    ("UAH", 2),
    ("USD", 2),
    ("UZS", 2),
];

/// Minor units of an ISO 4217 currency code, or `None` for a code not in the table.
pub fn minor_units(code: &str) -> Option<u32> {
    MINOR_UNITS
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, units)| *units)
}

/// How an exact amount becomes an amount in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Half a minor unit goes away from zero (commercial rounding).
    #[default]
    HalfUp,
    /// Half a minor unit goes to the even neighbour (banker's rounding).
    HalfEven,
    /// Towards zero.
    Down,
    /// Away from zero.
    Up,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Down => RoundingStrategy::ToZero,
            Rounding::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

/// A currency's rounding context: its minor units and the program's named strategy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor_units: u32,
    pub rounding: Rounding,
}

impl Money {
    /// Rounds with the program's strategy, to the currency's minor units.
    pub fn round(&self, amount: Decimal) -> Decimal {
        self.rescale(amount.round_dp_with_strategy(self.minor_units, self.rounding.strategy()))
    }

    /// Rounds towards zero, for caps that must never be exceeded.
    pub fn floor(&self, amount: Decimal) -> Decimal {
        self.rescale(amount.round_dp_with_strategy(self.minor_units, RoundingStrategy::ToZero))
    }

    /// One minor unit: 0.01 for USD, 1 for JPY, 0.001 for KWD.
    pub fn unit(&self) -> Decimal {
        Decimal::new(1, self.minor_units)
    }

    /// Zero written with the currency's minor units ("0.00").
    pub fn zero(&self) -> Decimal {
        Decimal::new(0, self.minor_units)
    }

    fn rescale(&self, mut amount: Decimal) -> Decimal {
        amount.rescale(self.minor_units);
        amount
    }
}

/// `a × b`, or `None` when it overflows. One shared copy: rust_decimal inlines its checked
/// operations into every caller, which made the checkout's Wasm module larger.
#[inline(never)]
pub fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd() -> Money {
        Money {
            minor_units: 2,
            rounding: Rounding::HalfUp,
        }
    }

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn table_covers_the_required_currencies() {
        for (code, units) in [
            ("RUB", 2),
            ("USD", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("AMD", 2),
            ("GEL", 2),
            ("JPY", 0),
            ("KWD", 3),
        ] {
            assert_eq!(minor_units(code), Some(units), "{code}");
        }
        assert_eq!(minor_units("XXX"), None);
    }

    #[test]
    fn rounding_strategies_are_named_and_distinct() {
        let mut money = usd();
        assert_eq!(money.round(d("2.345")).to_string(), "2.35");
        money.rounding = Rounding::HalfEven;
        assert_eq!(money.round(d("2.345")).to_string(), "2.34");
        money.rounding = Rounding::Down;
        assert_eq!(money.round(d("2.349")).to_string(), "2.34");
        money.rounding = Rounding::Up;
        assert_eq!(money.round(d("2.341")).to_string(), "2.35");
        assert_eq!(money.round(d("2")).to_string(), "2.00");
    }
}
