//! The compiled program as bytes: what a shop ships and the checkout decodes, without a JSON
//! reader or a checker.
//!
//! Each value is written in field order: unsigned integers as LEB128, signed ones zigzagged
//! first, decimals as their mantissa and scale, dates as days from the Common Era, text as its
//! length and UTF-8 bytes, lists as their length and items, options and enums as a tag byte.
//! Reading gives `None` for bytes that do not make a value (truncated, a tag out of range, a
//! length past the end, a zero denominator); the caller turns that into one coded error.

mod consistent;
mod rules;

pub use consistent::consistent;

use crate::money::exact::Fraction;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// A value written to and read back from the compiled program's bytes.
pub trait Codec: Sized {
    fn encode(&self, out: &mut Vec<u8>);
    fn decode(input: &mut Reader<'_>) -> Option<Self>;
}

/// Bytes being read, front to back.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// Whether every byte was read.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        if count > self.bytes.len() {
            return None;
        }
        let (taken, rest) = self.bytes.split_at(count);
        self.bytes = rest;
        Some(taken)
    }

    /// An unsigned LEB128 number of at most 128 bits.
    fn unsigned(&mut self) -> Option<u128> {
        let mut value = 0u128;
        for shift in (0..128).step_by(7) {
            let byte = self.byte()?;
            let bits = u128::from(byte & 0x7f);
            if shift == 126 && bits > 3 {
                return None;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A list's length, refused when it claims more items than bytes are left: every item
    /// takes at least one byte, so a forged length cannot make a huge allocation.
    fn length(&mut self) -> Option<usize> {
        let length = usize::try_from(self.unsigned()?).ok()?;
        (length <= self.bytes.len()).then_some(length)
    }
}

fn write_unsigned(mut value: u128, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn zigzag(value: i128) -> u128 {
    ((value << 1) ^ (value >> 127)) as u128
}

fn unzigzag(value: u128) -> i128 {
    ((value >> 1) as i128) ^ -((value & 1) as i128)
}

macro_rules! unsigned_codec {
    ($($type:ty),*) => {$(
        impl Codec for $type {
            fn encode(&self, out: &mut Vec<u8>) {
                write_unsigned(*self as u128, out);
            }
            fn decode(input: &mut Reader<'_>) -> Option<Self> {
                <$type>::try_from(input.unsigned()?).ok()
            }
        }
    )*};
}
unsigned_codec!(u8, u32, u64, u128, usize);

impl Codec for i128 {
    fn encode(&self, out: &mut Vec<u8>) {
        write_unsigned(zigzag(*self), out);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some(unzigzag(input.unsigned()?))
    }
}

impl Codec for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        match input.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Codec for Decimal {
    fn encode(&self, out: &mut Vec<u8>) {
        self.mantissa().encode(out);
        out.push(self.scale() as u8);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        let mantissa = i128::decode(input)?;
        let scale = input.byte()?;
        Decimal::try_from_i128_with_scale(mantissa, u32::from(scale)).ok()
    }
}

impl Codec for NaiveDate {
    fn encode(&self, out: &mut Vec<u8>) {
        i128::from(self.num_days_from_ce()).encode(out);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(i128::decode(input)?).ok()?)
    }
}

impl Codec for String {
    fn encode(&self, out: &mut Vec<u8>) {
        self.len().encode(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        let length = input.length()?;
        let bytes = input.take(length)?;
        std::str::from_utf8(bytes).ok().map(str::to_string)
    }
}

impl Codec for Fraction {
    fn encode(&self, out: &mut Vec<u8>) {
        self.num.encode(out);
        self.den.encode(out);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Fraction::new(u128::decode(input)?, u128::decode(input)?)
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.len().encode(out);
        for item in self {
            item.encode(out);
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        let length = input.length()?;
        let mut items = Vec::with_capacity(length);
        for _ in 0..length {
            items.push(T::decode(input)?);
        }
        Some(items)
    }
}

impl<T: Codec> Codec for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.encode(out);
            }
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        match input.byte()? {
            0 => Some(None),
            1 => Some(Some(T::decode(input)?)),
            _ => None,
        }
    }
}

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
        self.1.encode(out);
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        Some((A::decode(input)?, B::decode(input)?))
    }
}

impl<T: Codec, const N: usize> Codec for [T; N] {
    fn encode(&self, out: &mut Vec<u8>) {
        for item in self {
            item.encode(out);
        }
    }
    fn decode(input: &mut Reader<'_>) -> Option<Self> {
        let items: Vec<T> = (0..N).map(|_| T::decode(input)).collect::<Option<_>>()?;
        items.try_into().ok()
    }
}

/// A struct written field by field, in the order listed.
macro_rules! record {
    ($type:ty { $($field:ident),* $(,)? }) => {
        impl $crate::rules::encoding::Codec for $type {
            fn encode(&self, out: &mut Vec<u8>) {
                $(self.$field.encode(out);)*
            }
            fn decode(input: &mut $crate::rules::encoding::Reader<'_>) -> Option<Self> {
                Some(Self { $($field: Codec::decode(input)?,)* })
            }
        }
    };
}

/// An enum without data, written as its variant's index.
macro_rules! choice {
    ($type:ty { $($variant:ident),* $(,)? }) => {
        impl $crate::rules::encoding::Codec for $type {
            fn encode(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
            fn decode(input: &mut $crate::rules::encoding::Reader<'_>) -> Option<Self> {
                const ALL: &[$type] = &[$(<$type>::$variant),*];
                ALL.get(usize::from(input.byte()?)).copied()
            }
        }
    };
}

pub(crate) use {choice, record};

/// CRC-32 (IEEE 802.3, as zip and PNG use it) of `bytes`: catches damage, not forgery.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & 0u32.wrapping_sub(crc & 1));
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Codec + PartialEq + std::fmt::Debug>(value: T) {
        let mut out = Vec::new();
        value.encode(&mut out);
        let mut input = Reader::new(&out);
        assert_eq!(T::decode(&mut input), Some(value));
        assert!(input.is_empty());
    }

    #[test]
    fn values_read_back_as_written() {
        round_trip(0u64);
        round_trip(u128::MAX);
        round_trip(i128::MIN);
        round_trip(-1i128);
        round_trip(Decimal::new(-123_456, 3));
        round_trip(Decimal::MAX);
        round_trip(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        round_trip("ოქრო".to_string());
        round_trip(vec![Some(1u32), None]);
        round_trip([true, false, true]);
    }

    #[test]
    fn bytes_that_make_no_value_are_refused() {
        // Truncated, an over-long number, a length past the end, a bad tag, a zero denominator.
        assert_eq!(u64::decode(&mut Reader::new(&[0x80])), None);
        assert_eq!(u128::decode(&mut Reader::new(&[0xff; 20])), None);
        assert_eq!(String::decode(&mut Reader::new(&[5, b'a'])), None);
        assert_eq!(bool::decode(&mut Reader::new(&[2])), None);
        assert_eq!(Fraction::decode(&mut Reader::new(&[1, 0])), None);
        assert_eq!(
            Vec::<u8>::decode(&mut Reader::new(&[0xff, 0xff, 0x03])),
            None
        );
    }

    #[test]
    fn the_checksum_is_crc32() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }
}
