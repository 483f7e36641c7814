//! Reading a quote request from JSON: the program, the customer and the cart together (each of
//! them is read by `format::json`).

use super::quote::Request;
use crate::error::Result;
use crate::format::json::{FromJson, Json};

impl FromJson for Request {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = Request {
            program: f.required("program"),
            customer: f.or_default("customer"),
            cart: f.required("cart"),
            locale: f.optional("locale"),
        };
        f.end(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::format::json::from_json;

    #[test]
    fn a_missing_field_of_the_cart_names_its_place() {
        let text = r#"{"program":{"version":1,"id":"p","name":"P","currency":"USD"},"cart":{}}"#;
        let error = from_json::<Request>(text).unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::MissingField, "cart.date")
        );
    }
}
