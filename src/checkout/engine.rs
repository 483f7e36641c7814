//! A compiled program kept, pricing carts given as JSON text: the path every quote in a browser
//! or on a seller's server takes through the Wasm module, callable natively as well.

use crate::checkout::compiled_program::CompiledProgram;
use crate::checkout::quote::quote_with;
use crate::error::Result;
use crate::format::json::write::ToJson;
use crate::{from_json, Cart, Customer, Program};

/// A compiled program, ready to price one cart after another.
pub struct Engine {
    program: CompiledProgram,
}

impl Engine {
    /// Reads, checks and compiles a program given as JSON text.
    pub fn new(program_json: &str) -> Result<Engine> {
        let program: Program = from_json(program_json)?;
        Ok(Engine {
            program: CompiledProgram::compile(&program)?,
        })
    }

    /// A program compiled ahead ([`CompiledProgram::to_bytes`]): no JSON reader, no checks.
    pub fn from_compiled(bytes: &[u8]) -> Result<Engine> {
        Ok(Engine {
            program: CompiledProgram::from_bytes(bytes)?,
        })
    }

    /// The compiled program's bytes, as a shop ships them.
    pub fn compiled(&self) -> Vec<u8> {
        self.program.to_bytes()
    }

    /// Prices one cart for one customer, both as JSON text, with names in `locale` (empty, or a
    /// language the program does not give: its default language); the quote as compact JSON
    /// text. Errors carry paths under `customer` or `cart`.
    pub fn quote_json(&self, customer_json: &str, cart_json: &str, locale: &str) -> Result<String> {
        let (customer, cart) = self.read(customer_json, cart_json)?;
        Ok(quote_with(&self.program.rules, &customer, &cart, locale)?.to_json())
    }

    /// The same quote for a customer and a cart already read: checked against the program first.
    /// Only for the other hosts' module: a second caller of the quote's writer costs the
    /// checkout's module bytes even unused.
    #[cfg(feature = "host")]
    pub fn quote_json_for(&self, customer: &Customer, cart: &Cart, locale: &str) -> Result<String> {
        let rules = &self.program.rules;
        customer.validate(rules).map_err(|e| e.under("customer"))?;
        cart.validate(rules).map_err(|e| e.under("cart"))?;
        Ok(quote_with(rules, customer, cart, locale)?.to_json())
    }

    /// Every name the program shows, chosen for `locale` (empty: its default language), as
    /// JSON text: `{"program", "tiers": {id: {"name", "perks"}}, "discounts": {id: name}, …}`.
    pub fn names_json(&self, locale: &str) -> Result<String> {
        Ok(self.program.names.json(locale))
    }

    /// What the elements read of the program besides names, as JSON text: `{"id", "currency",
    /// "tier_rules": {"qualifies_on"}, "tiers": [{"id", "discount_percent", "earn_multiplier"}],
    /// "points": {"min_redeem", "value_per_point", "expiry_months"} | null}`.
    pub fn outline_json(&self) -> &str {
        &self.program.outline
    }

    /// The fingerprint of this program, the customer and the cart (see [`crate::checkout::fingerprint`]):
    /// what a server compares before it charges.
    pub fn fingerprint_json(&self, customer_json: &str, cart_json: &str) -> Result<String> {
        let (customer, cart) = self.read(customer_json, cart_json)?;
        Ok(crate::checkout::fingerprint::fingerprint(
            &self.program.digest,
            &customer,
            &cart,
        ))
    }

    /// What that fingerprint hashes with SHA-256: the checkout's module gives it to the browser's
    /// Web Crypto rather than carry a SHA-256 of its own.
    pub fn fingerprint_input(&self, customer_json: &str, cart_json: &str) -> Result<Vec<u8>> {
        let (customer, cart) = self.read(customer_json, cart_json)?;
        Ok(crate::checkout::fingerprint::input(
            &self.program.digest,
            &customer,
            &cart,
        ))
    }

    /// A customer and a cart read and checked against the compiled program.
    fn read(&self, customer_json: &str, cart_json: &str) -> Result<(Customer, Cart)> {
        let customer: Customer = from_json(customer_json).map_err(|e| e.under("customer"))?;
        let cart: Cart = from_json(cart_json).map_err(|e| e.under("cart"))?;
        let rules = &self.program.rules;
        customer.validate(rules).map_err(|e| e.under("customer"))?;
        cart.validate(rules).map_err(|e| e.under("cart"))?;
        Ok((customer, cart))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    const PROGRAM: &str = r#"{"version": 1, "id": "p", "name": "P", "currency": "USD",
        "discounts": [{"id": "card", "name": "Card", "value": {"type": "percent", "percent": "5"}}]}"#;
    const CART: &str =
        r#"{"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "19.99", "quantity": 3}]}"#;

    #[test]
    fn a_resident_program_quotes_as_the_whole_request_does() {
        let engine = Engine::new(PROGRAM).unwrap();
        let request: crate::Request = from_json(&format!(
            r#"{{"program": {PROGRAM}, "customer": {{}}, "cart": {CART}}}"#
        ))
        .unwrap();
        let whole = serde_json::to_string(&crate::quote(&request).unwrap()).unwrap();
        assert_eq!(engine.quote_json("{}", CART, "").unwrap(), whole);
        assert!(whole.contains(r#""payable":"56.97""#));
        assert_eq!(
            engine.fingerprint_json("{}", CART).unwrap(),
            crate::checkout::fingerprint::of_request(&request).unwrap()
        );
    }

    #[test]
    fn errors_name_the_input_they_come_from() {
        let engine = Engine::new(PROGRAM).unwrap();
        let float_price = r#"{"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": 19.99, "quantity": 3}]}"#;
        let error = engine.quote_json("{}", float_price, "").unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::WrongType, "cart.lines[0].unit_price")
        );
        let error = engine.quote_json("[]", CART, "").unwrap_err();
        assert_eq!(error.path, "customer");
        let Err(error) =
            Engine::new(r#"{"version": 2, "id": "p", "name": "P", "currency": "USD"}"#)
        else {
            panic!("a program of another version was accepted");
        };
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::UnsupportedVersion, "version")
        );
    }
}
