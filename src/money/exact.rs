//! Exact integer arithmetic for pricing: amounts in whole minor units, rates as reduced fractions.
//!
//! Decimals are for reading and writing; everything in between is integers. A product that does
//! not fit 128 bits is carried in 256 bits, so `amount × rate` is never rounded before the one
//! rounding the program names.

use crate::money::Rounding;
use rust_decimal::Decimal;

/// A hundred: the default of the percentages that are "all of it" (`#[serde(default)]`).
pub(crate) fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// One: the default count of a line's events and of a rule's items (`#[serde(default)]`).
pub(crate) fn one() -> u32 {
    1
}

/// A non-negative rational number, kept reduced: `num ÷ den`, `den > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    pub num: u128,
    pub den: u128,
}

impl Fraction {
    pub const ZERO: Fraction = Fraction { num: 0, den: 1 };
    pub const ONE: Fraction = Fraction { num: 1, den: 1 };

    /// `num ÷ den`, reduced; `None` when `den` is zero.
    pub fn new(num: u128, den: u128) -> Option<Fraction> {
        if den == 0 {
            return None;
        }
        let divisor = gcd(num, den);
        Some(Fraction {
            num: num / divisor,
            den: den / divisor,
        })
    }

    /// A decimal of zero or more: `12.50` is 25 ÷ 2. `None` for a negative one.
    pub fn of(value: Decimal) -> Option<Fraction> {
        let num = u128::try_from(value.mantissa()).ok()?;
        Fraction::new(num, pow10(value.scale())?)
    }

    /// A percentage as a share: `12.5` is 1 ÷ 8.
    pub fn percent(value: Decimal) -> Option<Fraction> {
        Fraction::of(value)?.times(Fraction { num: 1, den: 100 })
    }

    /// The product, reduced crosswise first so that it overflows only when the result does.
    pub fn times(self, other: Fraction) -> Option<Fraction> {
        let a = gcd(self.num, other.den);
        let b = gcd(other.num, self.den);
        if a == 0 || b == 0 {
            return Some(Fraction::ZERO);
        }
        Some(Fraction {
            num: (self.num / a).checked_mul(other.num / b)?,
            den: (self.den / b).checked_mul(other.den / a)?,
        })
    }

    /// `self ÷ other`; `None` when `other` is zero.
    pub fn over(self, other: Fraction) -> Option<Fraction> {
        if other.num == 0 {
            return None;
        }
        self.times(Fraction {
            num: other.den,
            den: other.num,
        })
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// `amount × self`, rounded as `rounding` says; `None` when the result passes 128 bits.
    #[inline]
    pub fn apply(self, amount: u128, rounding: Rounding) -> Option<u128> {
        mul_div(amount, self.num, self.den, rounding)
    }

    /// `amount × self`, rounded down.
    #[inline]
    pub fn floor(self, amount: u128) -> Option<u128> {
        self.apply(amount, Rounding::Down)
    }
}

pub fn pow10(exponent: u32) -> Option<u128> {
    10u128.checked_pow(exponent)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `a × b ÷ d` rounded as `rounding` says (`d > 0`), exact in 256 bits; `None` when the quotient
/// passes 128 bits.
pub fn mul_div(a: u128, b: u128, d: u128, rounding: Rounding) -> Option<u128> {
    let (quotient, remainder) = match a.checked_mul(b) {
        // 64-bit division when it fits: Wasm divides 128-bit numbers in software.
        Some(product) => match (u64::try_from(product), u64::try_from(d)) {
            (Ok(p), Ok(d)) => (u128::from(p / d), u128::from(p % d)),
            _ => (product / d, product % d),
        },
        None => wide_div(wide_mul(a, b), d)?,
    };
    rounded(quotient, remainder, d, rounding)
}

/// A quotient rounded as `rounding` says, given the remainder of the division by `d`.
fn rounded(quotient: u128, remainder: u128, d: u128, rounding: Rounding) -> Option<u128> {
    let up = match rounding {
        Rounding::Down => false,
        Rounding::Up => remainder > 0,
        // 2r ≥ d, written so that it cannot overflow.
        Rounding::HalfUp => remainder >= d - remainder,
        Rounding::HalfEven => {
            remainder > d - remainder || (remainder == d - remainder && quotient % 2 == 1)
        }
    };
    quotient.checked_add(u128::from(up))
}

/// A 256-bit number divided by `d`, rounded as `rounding` says; `None` past 128 bits.
pub fn wide_div_round(number: (u128, u128), d: u128, rounding: Rounding) -> Option<u128> {
    let (quotient, remainder) = wide_div(number, d)?;
    rounded(quotient, remainder, d, rounding)
}

/// The 256-bit product as (high, low) halves.
pub fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    const LOW: u128 = u64::MAX as u128;
    let (a_hi, a_lo) = (a >> 64, a & LOW);
    let (b_hi, b_lo) = (b >> 64, b & LOW);
    let lo_lo = a_lo * b_lo;
    let hi_lo = a_hi * b_lo;
    let lo_hi = a_lo * b_hi;
    let hi_hi = a_hi * b_hi;
    let middle = (lo_lo >> 64) + (hi_lo & LOW) + (lo_hi & LOW);
    let low = (middle << 64) | (lo_lo & LOW);
    let high = hi_hi + (hi_lo >> 64) + (lo_hi >> 64) + (middle >> 64);
    (high, low)
}

/// (high, low) ÷ d as quotient and remainder, bit by bit; `None` when the quotient passes 128
/// bits. Rare: only products past 128 bits come here.
pub fn wide_div((high, low): (u128, u128), d: u128) -> Option<(u128, u128)> {
    if high >= d {
        return None;
    }
    let (mut remainder, mut quotient) = (high, 0u128);
    for bit in (0..128).rev() {
        let carry = remainder >> 127;
        remainder = (remainder << 1) | ((low >> bit) & 1);
        quotient <<= 1;
        if carry == 1 || remainder >= d {
            remainder = remainder.wrapping_sub(d);
            quotient |= 1;
        }
    }
    Some((quotient, remainder))
}

/// The sum of two 256-bit numbers, or `None` past 256 bits.
pub fn wide_add(
    (a_high, a_low): (u128, u128),
    (b_high, b_low): (u128, u128),
) -> Option<(u128, u128)> {
    let (low, carry) = a_low.overflowing_add(b_low);
    let high = a_high.checked_add(b_high)?.checked_add(u128::from(carry))?;
    Some((high, low))
}

/// Compares two decimals exactly, in integers: each mantissa brought to the finer scale (in 256
/// bits, which any two decimals fit).
pub fn compare(a: Decimal, b: Decimal) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let negative = |d: Decimal| d.is_sign_negative() && d.mantissa() != 0;
    match (negative(a), negative(b)) {
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    let scale = a.scale().max(b.scale());
    let factor = |d: Decimal| pow10(scale - d.scale()).unwrap_or(1);
    let (x, y) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let order = match (x.checked_mul(factor(a)), y.checked_mul(factor(b))) {
        (Some(x), Some(y)) => x.cmp(&y),
        // 10^28 × a 96-bit mantissa stays within 256 bits.
        _ => wide_mul(x, factor(a)).cmp(&wide_mul(y, factor(b))),
    };
    if negative(a) {
        order.reverse()
    } else {
        order
    }
}

/// Whether `amount` has no digits below the `units`-th decimal (`12.50` has none below 2).
pub fn is_exact(amount: Decimal, units: u32) -> bool {
    amount.scale() <= units
        || pow10(amount.scale() - units)
            .is_some_and(|factor| amount.mantissa().unsigned_abs() % factor == 0)
}

/// `value` with trailing zeros after the point dropped (`1.50` is `1.5`), in integers.
pub fn normalized(value: Decimal) -> Decimal {
    let (mut mantissa, mut scale) = (value.mantissa(), value.scale());
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::from_i128_with_scale(mantissa, scale)
}

/// The product of two decimals, exactly, when it fits a decimal (a multiplier times another).
pub fn product(a: Decimal, b: Decimal) -> Option<Decimal> {
    let mantissa = a.mantissa().checked_mul(b.mantissa())?;
    let scale = a.scale() + b.scale();
    let exact = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    Some(normalized(exact))
}

/// `part` as a % of `whole` (both minor units), rounded half up to two decimals; `None` unless
/// `whole` is positive.
pub fn share_percent(part: i128, whole: i128) -> Option<Decimal> {
    if whole <= 0 {
        return None;
    }
    let hundredths = mul_div(
        part.unsigned_abs(),
        10_000,
        whole.unsigned_abs(),
        Rounding::HalfUp,
    )?;
    let hundredths = i128::try_from(hundredths).ok()?;
    Decimal::try_from_i128_with_scale(if part < 0 { -hundredths } else { hundredths }, 2).ok()
}

/// An amount with no digits below the minor unit, as a whole number of minor units (`12.5` with
/// 2 units is 1250); `None` when it has finer digits or does not fit.
pub fn minor_of(amount: Decimal, units: u32) -> Option<i128> {
    let (mantissa, scale) = (amount.mantissa(), amount.scale());
    if scale <= units {
        mantissa.checked_mul(i128::try_from(pow10(units - scale)?).ok()?)
    } else {
        let factor = i128::try_from(pow10(scale - units)?).ok()?;
        (mantissa % factor == 0).then(|| mantissa / factor)
    }
}

/// The largest count of minor units a decimal holds (2^96 − 1): sums are checked against it, so
/// that every figure can be written out.
pub const MAX_MINOR: i128 = (1 << 96) - 1;

/// Minor units written as a decimal with the currency's digits (1250 with 2 units is `12.50`).
/// Figures are checked against [`MAX_MINOR`] where they are summed; one that still does not fit
/// is written as the largest decimal rather than panicking.
pub fn decimal_of(minor: i128, units: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(minor.clamp(-MAX_MINOR, MAX_MINOR), units)
        .unwrap_or(Decimal::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn fractions_reduce_and_multiply_crosswise() {
        assert_eq!(Fraction::of(d("12.50")), Fraction::new(25, 2));
        assert_eq!(Fraction::percent(d("12.5")), Fraction::new(1, 8));
        let big = Fraction::new(u128::MAX, 3).unwrap();
        // (MAX ÷ 3) × (3 ÷ MAX) = 1 without overflowing on the way.
        assert_eq!(
            big.times(Fraction::new(3, u128::MAX).unwrap()),
            Some(Fraction::ONE)
        );
    }

    #[test]
    fn mul_div_rounds_as_named() {
        let r = |a, b, d, rounding| mul_div(a, b, d, rounding).unwrap();
        assert_eq!(r(5, 1, 2, Rounding::HalfUp), 3);
        assert_eq!(r(5, 1, 2, Rounding::HalfEven), 2);
        assert_eq!(r(7, 1, 2, Rounding::HalfEven), 4);
        assert_eq!(r(5, 1, 2, Rounding::Down), 2);
        assert_eq!(r(4, 1, 3, Rounding::Up), 2);
        assert_eq!(r(4, 1, 3, Rounding::HalfUp), 1);
    }

    #[test]
    fn products_past_128_bits_stay_exact() {
        let a = 10u128.pow(30);
        let b = 10u128.pow(20);
        // 10^50 ÷ 10^25 = 10^25, and the remainder is exact.
        assert_eq!(
            mul_div(a, b, 10u128.pow(25), Rounding::Down),
            Some(10u128.pow(25))
        );
        assert_eq!(
            mul_div(a, b, 10u128.pow(25) * 3, Rounding::Down),
            Some(10u128.pow(25) / 3)
        );
        assert_eq!(
            mul_div(a, b, 10u128.pow(25) * 3, Rounding::HalfUp),
            Some(10u128.pow(25) / 3)
        );
        assert_eq!(mul_div(u128::MAX, u128::MAX, 1, Rounding::Down), None);
        assert_eq!(
            mul_div(u128::MAX, u128::MAX, u128::MAX, Rounding::Down),
            Some(u128::MAX)
        );
    }

    #[test]
    fn decimals_compare_exactly_across_scales() {
        use std::cmp::Ordering::*;
        let c = |a: &str, b: &str| compare(d(a), d(b));
        assert_eq!(c("1.50", "1.5"), Equal);
        assert_eq!(c("100", "99.9999999999999999999999999"), Greater);
        assert_eq!(c("-1", "0"), Less);
        assert_eq!(c("-0.00", "0"), Equal);
        assert_eq!(c("-2", "-1.5"), Less);
        assert_eq!(
            c(
                "79228162514264337593543950335",
                "0.0000000000000000000000000001"
            ),
            Greater
        );
        assert!(is_exact(d("12.500"), 2) && !is_exact(d("12.505"), 2) && is_exact(d("7"), 0));
        assert_eq!(normalized(d("1.500")).to_string(), "1.5");
        assert_eq!(product(d("1.5"), d("2")).unwrap().to_string(), "3");
        assert_eq!(share_percent(450, 2700).unwrap().to_string(), "16.67");
        assert_eq!(share_percent(-450, 2700).unwrap().to_string(), "-16.67");
        assert_eq!(share_percent(1, 0), None);
    }

    #[test]
    fn minor_units_are_exact_or_refused() {
        assert_eq!(minor_of(d("12.5"), 2), Some(1250));
        assert_eq!(minor_of(d("12.500"), 2), Some(1250));
        assert_eq!(minor_of(d("12.505"), 2), None);
        assert_eq!(minor_of(d("7"), 0), Some(7));
        assert_eq!(decimal_of(1250, 2).to_string(), "12.50");
        assert_eq!(decimal_of(5, 3).to_string(), "0.005");
    }
}
