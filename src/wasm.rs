//! JavaScript bindings (feature `wasm`). Data crosses as plain objects; money as decimal strings.
//! Errors are JS `Error`s with a stable `code` and the offending field's `path`.

use crate::error::{Error, ErrorCode};
use crate::json::classify_message;
use crate::{quote_valid, summarize, Cart, Customer, Lang, Program, Request};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    let _ = js_sys::Reflect::set(&js, &"code".into(), &error.code.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &error.path.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"detail".into(), &error.message.as_str().into());
    js.into()
}

fn from_js<T: DeserializeOwned>(value: JsValue, prefix: &str) -> Result<T, JsValue> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        to_js_error(classify_message(error.into_inner().to_string(), path).under(prefix))
    })
}

fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| to_js_error(Error::new(ErrorCode::InvalidValue, "", e.to_string())))
}

fn lang_of(lang: &str) -> Result<Lang, JsValue> {
    lang.parse()
        .map_err(|message| to_js_error(Error::new(ErrorCode::InvalidValue, "lang", message)))
}

/// A validated program kept inside Wasm, so that each quote sends only the customer and the cart.
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    program: Program,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// Validates `program` once; throws an `Error` with `code` and `path` when it is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(program: JsValue) -> Result<JsEngine, JsValue> {
        let program: Program = from_js(program, "")?;
        program.validate().map_err(to_js_error)?;
        Ok(JsEngine { program })
    }

    /// Prices one cart for one customer (`undefined` or `{}` for a new customer).
    pub fn quote(&self, customer: JsValue, cart: JsValue) -> Result<JsValue, JsValue> {
        let customer: Customer = if customer.is_undefined() || customer.is_null() {
            Customer::default()
        } else {
            from_js(customer, "customer")?
        };
        let cart: Cart = from_js(cart, "cart")?;
        customer
            .validate(&self.program)
            .map_err(|e| to_js_error(e.under("customer")))?;
        cart.validate(&self.program)
            .map_err(|e| to_js_error(e.under("cart")))?;
        let quote = quote_valid(&self.program, &customer, &cart).map_err(to_js_error)?;
        to_js(&quote)
    }

    /// The program in plain words: `en`, `ru`, `hy` or `ka`.
    pub fn summary(&self, lang: &str) -> Result<String, JsValue> {
        Ok(summarize(&self.program, lang_of(lang)?))
    }

    /// The program as it was validated, with defaults filled in.
    pub fn program(&self) -> Result<JsValue, JsValue> {
        to_js(&self.program)
    }
}

/// Validates a program; throws an `Error` with `code` and `path` when it is invalid.
#[wasm_bindgen(js_name = validateProgram)]
pub fn validate_program(program: JsValue) -> Result<(), JsValue> {
    JsEngine::new(program).map(|_| ())
}

/// Prices a `{program, customer, cart}` request in one call.
#[wasm_bindgen(js_name = quote)]
pub fn quote_request(request: JsValue) -> Result<JsValue, JsValue> {
    let request: Request = from_js(request, "")?;
    crate::quote::validate(&request).map_err(to_js_error)?;
    let quote =
        quote_valid(&request.program, &request.customer, &request.cart).map_err(to_js_error)?;
    to_js(&quote)
}

/// Summarises a program in plain words.
#[wasm_bindgen(js_name = summarize)]
pub fn summarize_program(program: JsValue, lang: &str) -> Result<String, JsValue> {
    JsEngine::new(program)?.summary(lang)
}
