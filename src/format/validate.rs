//! Small checks shared by the program, customer and cart validators.

use crate::error::{Error, ErrorCode, Result};
use crate::money::exact::{compare, is_exact};
use crate::money::{checked_mul, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// The largest amount accepted anywhere: 10^15 in the currency's major units.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// The largest point count accepted anywhere (10^15), far inside JavaScript's safe integers.
pub const MAX_POINTS: u64 = 1_000_000_000_000_000;

pub fn non_negative_amount(money: &Money, value: Decimal, path: &str) -> Result<()> {
    amount_in_range(value, path)?;
    if !is_exact(value, money.minor_units) {
        return Err(Error::new(
            ErrorCode::TooPrecise,
            path,
            format!(
                "{value} has more decimals than the currency's {} minor units",
                money.minor_units
            ),
        ));
    }
    Ok(())
}

pub fn amount_in_range(value: Decimal, path: &str) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{value} is negative"),
        ));
    }
    if compare(value, MAX_AMOUNT).is_gt() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{value} is larger than the largest accepted amount, 10^15"),
        ));
    }
    Ok(())
}

pub fn percent(value: Decimal, path: &str) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() || compare(value, Decimal::ONE_HUNDRED).is_gt()
    {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{value} is not a percentage from 0 to 100"),
        ));
    }
    Ok(())
}

pub fn positive(value: Decimal, path: &str) -> Result<()> {
    amount_in_range(value, path)?;
    if value.is_zero() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            "must be greater than zero",
        ));
    }
    Ok(())
}

pub fn points(value: u64, path: &str) -> Result<()> {
    if value > MAX_POINTS {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{value} points is more than the largest accepted count, 10^15"),
        ));
    }
    Ok(())
}

pub fn date_order(from: Option<NaiveDate>, until: Option<NaiveDate>, path: &str) -> Result<()> {
    if let (Some(from), Some(until)) = (from, until) {
        if from > until {
            return Err(Error::new(
                ErrorCode::DatesOutOfOrder,
                path,
                format!("the end {until} comes before the start {from}"),
            ));
        }
    }
    Ok(())
}

pub fn not_empty(text: &str, path: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::new(ErrorCode::Empty, path, "must not be empty"));
    }
    Ok(())
}

/// Checks that each id is unique; `path_of(i)` names the field of item `i`.
pub fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    path_of: impl Fn(usize) -> String,
) -> Result<()> {
    let mut seen = BTreeSet::new();
    for (index, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(Error::new(
                ErrorCode::Empty,
                path_of(index),
                "must not be empty",
            ));
        }
        if !seen.insert(id) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                path_of(index),
                format!("the id \"{id}\" is used twice"),
            ));
        }
    }
    Ok(())
}

pub fn overflow(path: &str) -> Error {
    Error::new(
        ErrorCode::Overflow,
        path,
        "the arithmetic on this value overflowed",
    )
}

/// Arithmetic on input values, refused as an overflow at `path` instead of panicking.
pub struct Checked<'a> {
    pub path: &'a str,
}

impl Checked<'_> {
    pub fn mul(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        checked_mul(a, b).ok_or_else(|| overflow(self.path))
    }

    pub fn div(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_div(b).ok_or_else(|| overflow(self.path))
    }

    pub fn add(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_add(b).ok_or_else(|| overflow(self.path))
    }

    pub fn sub(&self, a: Decimal, b: Decimal) -> Result<Decimal> {
        a.checked_sub(b).ok_or_else(|| overflow(self.path))
    }

    /// `amount × percent ÷ 100`.
    pub fn percent_of(&self, amount: Decimal, percent: Decimal) -> Result<Decimal> {
        self.div(self.mul(amount, percent)?, Decimal::ONE_HUNDRED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_amount_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000u64));
    }

    #[test]
    fn percent_rejects_negative_and_over_a_hundred() {
        assert!(percent(Decimal::from(100), "p").is_ok());
        assert_eq!(
            percent(Decimal::from(101), "p").unwrap_err().code,
            ErrorCode::OutOfRange
        );
        assert_eq!(
            percent(Decimal::from(-1), "p").unwrap_err().code,
            ErrorCode::OutOfRange
        );
    }
}
