//! The fingerprint of a quote's inputs, so that a seller's server can tell that the quote a browser
//! shows was computed from the same program, customer and cart as the one it recomputes.
//!
//! SHA-256 over the program's digest, then the customer and the cart as the calculator serialises
//! them (so formatting and key order in the input do not matter; values do). The program's digest
//! is separate so that an engine holding one program computes it once.

use crate::{Cart, Customer, Program};
use sha2::{Digest, Sha256};

const DOMAIN: &[u8] = b"loyalty-quote-v1\n";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of a program, as hex.
pub fn program_digest(program: &Program) -> String {
    hex(&Sha256::digest(
        serde_json::to_vec(program).unwrap_or_default(),
    ))
}

/// The fingerprint of (program, customer, cart), given the program's digest.
pub fn fingerprint(program_digest: &str, customer: &Customer, cart: &Cart) -> String {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    hasher.update(program_digest.as_bytes());
    hasher.update(b"\n");
    hasher.update(serde_json::to_vec(customer).unwrap_or_default());
    hasher.update(b"\n");
    hasher.update(serde_json::to_vec(cart).unwrap_or_default());
    hex(&hasher.finalize())
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
}
