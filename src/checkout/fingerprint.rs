//! The fingerprint of a quote's inputs, so that a seller's server can tell that the quote a browser
//! showed was computed from the same program, customer and cart as the one it recomputes.
//!
//! SHA-256 over the program's digest, then the customer and the cart in their compact typed form:
//! every field's value in order, as `Hash` feeds them (numbers in fixed-width little-endian,
//! strings as their bytes and a terminator, lists with their length), never their JSON text. So
//! formatting, key order and left-out defaults in the input do not matter; values do.
//!
//! The checkout's Wasm module gives that stream ([`input`]) and the browser hashes it with Web
//! Crypto, so that the module carries no SHA-256; natively, [`fingerprint`] hashes the same stream.
//!
//! It is asked for apart from the quote, when the customer pays: hashing costs about 2,400
//! instructions a cart line under callgrind, which a checkout would otherwise pay on every change
//! of the cart. The program's digest is separate so that an engine holding one program computes
//! it once.

use crate::error::Result;
use crate::{Cart, Customer, Program, Request};
use sha2::{Digest, Sha256};
use std::hash::{Hash, Hasher};

const DOMAIN: &[u8] = b"loyalty-quote-v2\n";

/// Collects `Hash` output, with `usize` and `isize` written as 8 bytes so that a 32-bit Wasm
/// module and a 64-bit server give the same stream.
#[derive(Default)]
struct Stream(Vec<u8>);

impl Hasher for Stream {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn write_usize(&mut self, value: usize) {
        self.write(&(value as u64).to_le_bytes());
    }

    fn write_isize(&mut self, value: isize) {
        self.write(&(value as i64).to_le_bytes());
    }

    fn finish(&self) -> u64 {
        0 // never read: the stream is hashed with SHA-256
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    Sha256::digest(bytes)
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// The digest of a program, as hex.
pub fn program_digest(program: &Program) -> String {
    let mut stream = Stream::default();
    program.hash(&mut stream);
    sha256_hex(&stream.0)
}

/// The fingerprint of a request's program, customer and cart. Validates first.
pub fn of_request(request: &Request) -> Result<String> {
    crate::checkout::quote::validate(request)?;
    Ok(fingerprint(
        &program_digest(&request.program),
        &request.customer,
        &request.cart,
    ))
}

/// What the fingerprint of (program, customer, cart) hashes, given the program's digest.
pub fn input(program_digest: &str, customer: &Customer, cart: &Cart) -> Vec<u8> {
    let mut stream = Stream::default();
    stream.write(DOMAIN);
    stream.write(program_digest.as_bytes());
    customer.hash(&mut stream);
    cart.hash(&mut stream);
    stream.0
}

/// The fingerprint of (program, customer, cart), given the program's digest: SHA-256 of
/// [`input`], as hex.
pub fn fingerprint(program_digest: &str, customer: &Customer, cart: &Cart) -> String {
    sha256_hex(&input(program_digest, customer, cart))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> (Program, Customer, Cart) {
        let program: Program =
            crate::from_json(r#"{"version":1,"id":"p","name":"P","currency":"USD"}"#).unwrap();
        let cart: Cart = crate::from_json(
            r#"{"date":"2026-11-22","lines":[{"sku":"A","unit_price":"1.00","quantity":2}]}"#,
        )
        .unwrap();
        (program, Customer::default(), cart)
    }

    #[test]
    fn the_same_inputs_give_the_same_fingerprint_and_any_change_another() {
        let (program, customer, cart) = inputs();
        let digest = program_digest(&program);
        let first = fingerprint(&digest, &customer, &cart);
        assert_eq!(first.len(), 64);
        assert_eq!(first, fingerprint(&digest, &customer, &cart));
        let mut cheaper = cart.clone();
        cheaper.lines[0].unit_price = "0.50".parse().unwrap();
        assert_ne!(first, fingerprint(&digest, &customer, &cheaper));
        let mut other = program.clone();
        other.name = "Q".into();
        assert_ne!(
            first,
            fingerprint(&program_digest(&other), &customer, &cart)
        );
    }

    #[test]
    fn formatting_key_order_and_left_out_defaults_do_not_matter() {
        let (program, customer, cart) = inputs();
        let digest = program_digest(&program);
        let same: Cart = crate::from_json(
            r#"{ "lines": [ {"quantity": 2, "unit_price": "1.00", "sku": "A", "promotional": false} ],
                 "redeem_points": 0, "date": "2026-11-22" }"#,
        )
        .unwrap();
        let same_customer: Customer =
            crate::from_json(r#"{"first_purchase_made": false, "spend": []}"#).unwrap();
        assert_eq!(
            fingerprint(&digest, &customer, &cart),
            fingerprint(&digest, &same_customer, &same)
        );
        // Moving a line's text into the next field must not give the same stream.
        let mut shifted = cart.clone();
        shifted.lines[0].sku = "A\u{ff}".into();
        assert_ne!(
            fingerprint(&digest, &customer, &cart),
            fingerprint(&digest, &customer, &shifted)
        );
    }
}
