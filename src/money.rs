//! Currencies, explicit rounding and exact allocation of amounts across lines.

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

    /// An amount of zero or more as a whole number of minor units (12.50 USD is 1250); a
    /// negative amount counts as none.
    pub fn in_minor(&self, amount: Decimal) -> u128 {
        u128::try_from(self.rescale(amount).mantissa()).unwrap_or(0)
    }

    /// Zero written with the currency's minor units ("0.00").
    pub fn zero(&self) -> Decimal {
        Decimal::new(0, self.minor_units)
    }

    /// Whether the amount has no digits below the minor unit.
    pub fn is_exact(&self, amount: Decimal) -> bool {
        amount.normalize().scale() <= self.minor_units
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

/// The whole number of times `divisor` (positive) goes into `amount`, exactly: a decimal quotient
/// rounded to 28 digits could land on the next whole number (1 ÷ 3 × 3 = 0.999…9, floored to 0).
pub fn floor_div(amount: Decimal, divisor: Decimal) -> Option<Decimal> {
    let mut quotient = amount.checked_div(divisor)?.floor();
    if checked_mul(quotient, divisor)? > amount {
        quotient -= Decimal::ONE;
    } else if checked_mul(quotient + Decimal::ONE, divisor)? <= amount {
        quotient += Decimal::ONE;
    }
    Some(quotient)
}

/// Splits `total` across `weights` in proportion, to the minor unit, so that the parts add up to
/// `total` exactly and no part exceeds its weight. Leftover minor units go to the largest
/// remainders, ties to the earlier line (the largest-remainder method).
///
/// `total` and the weights are amounts in minor units, zero or more; `total` is at most the sum
/// of the weights.
pub fn allocate(money: &Money, total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    // In whole minor units, where `total × weight` is exact: a cart totals at most 10^15 (see
    // `Cart::validate`), at most 10^18 minor units, so the product stays below 2^128. A decimal
    // product of that size would be rounded to 28 digits, or overflow.
    let total = money.in_minor(total);
    let weights: Vec<u128> = weights.iter().map(|w| money.in_minor(*w)).collect();
    let sum = weights.iter().fold(0u128, |sum, w| sum.saturating_add(*w));
    let mut parts = vec![0u128; weights.len()];
    if sum > 0 && total > 0 {
        let mut remainders = Vec::with_capacity(weights.len());
        for (index, weight) in weights.iter().enumerate() {
            let exact = total.saturating_mul(*weight);
            parts[index] = exact / sum;
            remainders.push((exact % sum, index));
        }
        let mut leftover = total.saturating_sub(parts.iter().sum());
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, index) in remainders.iter().cycle().take(weights.len() * 2) {
            if leftover == 0 {
                break;
            }
            if parts[*index] < weights[*index] {
                parts[*index] += 1;
                leftover -= 1;
            }
        }
    }
    parts
        .into_iter()
        .map(|part| Decimal::from_i128_with_scale(part as i128, money.minor_units))
        .collect()
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
    fn floor_division_is_exact() {
        let exact = |a: &str, b: &str| floor_div(d(a), d(b)).unwrap().to_string();
        assert_eq!(exact("1", "0.3333333333333333333333333333"), "3");
        assert_eq!(exact("3.00", "3"), "1");
        assert_eq!(exact("2.99", "3"), "0");
        assert_eq!(exact("19.99", "10"), "1");
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

    #[test]
    fn allocation_adds_up_and_respects_weights() {
        let parts = allocate(
            &usd(),
            d("10.00"),
            &[d("3.00"), d("3.00"), d("3.00"), d("1.00")],
        );
        assert_eq!(parts.iter().copied().sum::<Decimal>(), d("10.00"));
        assert_eq!(parts, vec![d("3.00"), d("3.00"), d("3.00"), d("1.00")]);

        let parts = allocate(&usd(), d("1.00"), &[d("1.00"), d("1.00"), d("1.00")]);
        assert_eq!(parts, vec![d("0.34"), d("0.33"), d("0.33")]);
    }

    #[test]
    fn allocation_is_exact_for_the_largest_carts() {
        // total × weight is about 3 × 10^29 here: past what a decimal holds.
        let weights = [
            d("333333333333333.33"),
            d("333333333333333.33"),
            d("333333333333333.34"),
        ];
        let parts = allocate(&usd(), d("999999999999999.99"), &weights);
        assert_eq!(
            parts,
            vec![
                d("333333333333333.33"),
                d("333333333333333.33"),
                d("333333333333333.33")
            ]
        );
        let parts = allocate(&usd(), d("0.01"), &weights);
        assert_eq!(parts, vec![d("0.00"), d("0.00"), d("0.01")]);
    }

    #[test]
    fn allocation_of_nothing_is_zero_everywhere() {
        let parts = allocate(&usd(), d("0"), &[d("5.00"), d("0.00")]);
        assert_eq!(parts, vec![d("0.00"), d("0.00")]);
    }
}
