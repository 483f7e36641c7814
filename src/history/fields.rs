//! A history's fields read straight into the pricer's terms: amounts into minor units, counts
//! into integers, with no decimal and no copy. Each reader takes only the plain form (digits, one
//! point, no sign, no spaces inside) and gives `None` for anything else, which the row's full
//! reader then reads, or refuses with the error it words. So whatever these accept, the full
//! reader accepts too, with the same value.

/// `text` without the whitespace around it, as `str::trim` gives it; most fields have none, and
/// then the text is given back without looking further.
pub fn trimmed(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Digits either part of a plain amount may have: fewer than 16 keeps the whole part under
/// 10^15, the largest amount accepted.
const MOST_DIGITS: usize = 15;

/// A plain amount (`12`, `12.5`, `0.05`) with at most `decimals` digits after the point: its
/// value in units of 10^-`decimals`.
pub fn scaled(text: &str, decimals: u32) -> Option<i128> {
    let decimals = decimals as usize;
    let (mut value, mut whole, mut fraction) = (0u128, 0usize, None::<usize>);
    for &byte in text.as_bytes() {
        match (byte, &mut fraction) {
            (b'0'..=b'9', None) => whole += 1,
            (b'0'..=b'9', Some(digits)) => *digits += 1,
            (b'.', None) => {
                fraction = Some(0);
                continue;
            }
            _ => return None,
        }
        if whole > MOST_DIGITS || fraction.is_some_and(|digits| digits > MOST_DIGITS) {
            return None;
        }
        value = value * 10 + u128::from(byte - b'0');
    }
    let fraction = match fraction {
        Some(0) => return None,
        digits => digits.unwrap_or(0),
    };
    if whole == 0 || whole > MOST_DIGITS || fraction > decimals || decimals > MOST_DIGITS {
        return None;
    }
    // Fewer decimals than asked: scaled up to them. At most 30 digits: within an i128.
    i128::try_from(value * POWERS_OF_TEN[decimals - fraction]).ok()
}

/// 10^0 to 10^15.
const POWERS_OF_TEN: [u128; MOST_DIGITS + 1] = {
    let mut powers = [1u128; MOST_DIGITS + 1];
    let mut at = 1;
    while at <= MOST_DIGITS {
        powers[at] = powers[at - 1] * 10;
        at += 1;
    }
    powers
};

/// Decimals a plain amount without a currency's limit (a cost) may have, well within what a
/// decimal holds exactly.
pub const COST_DECIMALS: u32 = 12;

/// A whole number of units from 1 to `most`, written in plain digits.
pub fn count(text: &str, most: u32) -> Option<u32> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = text.parse().ok()?;
    (1..=most).contains(&value).then_some(value)
}

/// A `YYYY-MM-DD` date read from its text, the last one kept: rows of one day follow each
/// other, and their date is read once for them.
#[derive(Default)]
pub struct LastDate {
    text: Vec<u8>,
    date: Option<chrono::NaiveDate>,
}

impl LastDate {
    pub fn read(&mut self, text: &[u8]) -> Option<chrono::NaiveDate> {
        if let Some(date) = self.date.filter(|_| self.text == text) {
            return Some(date);
        }
        let date = std::str::from_utf8(text)
            .ok()
            .and_then(crate::format::json::parse_date)?;
        self.text.clear();
        self.text.extend_from_slice(text);
        self.date = Some(date);
        Some(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn plain_amounts_read_into_minor_units() {
        assert_eq!(scaled("12", 2), Some(1200));
        assert_eq!(scaled("12.5", 2), Some(1250));
        assert_eq!(scaled("0.05", 2), Some(5));
        assert_eq!(scaled("007.50", 2), Some(750));
        assert_eq!(
            scaled("999999999999999.99", 2),
            Some(99_999_999_999_999_999)
        );
        assert_eq!(scaled("12", 0), Some(12));
    }

    #[test]
    fn anything_but_a_plain_amount_is_left_to_the_full_reader() {
        for text in [
            "",
            ".5",
            "5.",
            "-1",
            "+1",
            "1e3",
            " 1",
            "1 ",
            "1.234",
            "1.2.3",
            "1,5",
            "١٢",
            "1000000000000000",
            "1234567890123456789012345678901234567890",
            "1.1234567890123456789012345678901234567890",
        ] {
            assert_eq!(scaled(text, 2), None, "{text:?}");
        }
        assert_eq!(scaled("12.5", 0), None);
    }

    #[test]
    fn what_is_read_plainly_is_the_value_a_decimal_reads() {
        for text in ["0", "0.01", "19.99", "100", "123456789012345.67"] {
            let decimal = Decimal::from_str(text).unwrap();
            let minor = crate::money::exact::minor_of(decimal, 2);
            assert_eq!(scaled(text, 2), minor, "{text}");
        }
    }

    #[test]
    fn counts_are_plain_digits_within_the_limit() {
        assert_eq!(count("3", 1_000_000), Some(3));
        assert_eq!(count("1000000", 1_000_000), Some(1_000_000));
        for text in ["0", "1000001", "", "+3", "3.0", "-1", "9999999999"] {
            assert_eq!(count(text, 1_000_000), None, "{text:?}");
        }
    }

    #[test]
    fn trimming_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}a",
            "a\u{2003}",
            "ab",
            " a b ",
            "\t",
        ] {
            assert_eq!(trimmed(text), text.trim(), "{text:?}");
        }
    }
}
