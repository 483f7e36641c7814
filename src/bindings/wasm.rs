//! JavaScript bindings (feature `wasm`).
//!
//! JSON text crosses the boundary: the JS wrapper in `www/elements/` turns plain objects into JSON and
//! back. One serde_json path, shared with the native command, keeps the module small and makes
//! the output byte-identical to `loyalty quote`. Money is always a decimal string.
//! Errors are thrown as JS `Error`s with a stable `code` and the offending field's `path`.

#[cfg(not(feature = "analytics"))]
use crate::checkout::engine::Engine;
use crate::error::Error;
#[cfg(feature = "analytics")]
use crate::{error::ErrorCode, from_json, Program};
use wasm_bindgen::prelude::*;

/// Reads, checks and compiles a program given as JSON, for the checkout module to decode: the
/// compiler module's one function. Throws an `Error` with `code` and `path` when invalid.
#[cfg(feature = "compiler")]
#[wasm_bindgen(js_name = compileProgram)]
pub fn compile_program(program_json: &str) -> Result<Vec<u8>, JsValue> {
    Engine::new(program_json)
        .map(|engine| engine.compiled())
        .map_err(to_js_error)
}

fn to_js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    let _ = js_sys::Reflect::set(&js, &"code".into(), &error.code.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &error.path.as_str().into());
    let _ = js_sys::Reflect::set(&js, &"detail".into(), &error.message.as_str().into());
    js.into()
}

/// A result as JSON text. Writing to memory fails only for a map with non-string keys, which no
/// result has; the error is passed on rather than assumed away.
#[cfg(feature = "analytics")]
fn to_json(value: &impl serde::Serialize) -> Result<String, JsValue> {
    serde_json::to_string(value)
        .map_err(|e| to_js_error(Error::new(ErrorCode::InvalidValue, "", e.to_string())))
}

#[cfg(feature = "analytics")]
fn lang_of(lang: &str) -> Result<crate::Lang, JsValue> {
    lang.parse()
        .map_err(|message| to_js_error(Error::new(ErrorCode::InvalidValue, "lang", message)))
}

/// A compiled program kept inside Wasm, so that each quote sends only the customer and the cart.
/// The checkout's module only: the other two never price a cart through it.
#[cfg(not(any(feature = "analytics", feature = "compiler")))]
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine(Engine);

#[cfg(not(any(feature = "analytics", feature = "compiler")))]
#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// Decodes a compiled program (`loyalty compile`, or `compileProgram` in the compiler
    /// module); throws an `Error` with code `compiled_program_invalid` or
    /// `compiled_program_version` for bytes that are not one this engine reads.
    #[wasm_bindgen(constructor)]
    pub fn new(compiled: &[u8]) -> Result<JsEngine, JsValue> {
        Engine::from_compiled(compiled)
            .map(JsEngine)
            .map_err(to_js_error)
    }

    /// What the elements read of the program besides names, as JSON.
    #[wasm_bindgen(js_name = outlineJson)]
    pub fn outline_json(&self) -> String {
        self.0.outline_json().to_string()
    }

    /// Prices one cart for one customer; both as JSON, the quote returned as JSON with names
    /// in `locale` (empty: the program's default language).
    #[wasm_bindgen(js_name = quoteJson)]
    pub fn quote_json(
        &self,
        customer_json: &str,
        cart_json: &str,
        locale: &str,
    ) -> Result<String, JsValue> {
        self.0
            .quote_json(customer_json, cart_json, locale)
            .map_err(to_js_error)
    }

    /// Every name the program shows, in `locale`, as JSON.
    #[wasm_bindgen(js_name = namesJson)]
    pub fn names_json(&self, locale: &str) -> Result<String, JsValue> {
        self.0.names_json(locale).map_err(to_js_error)
    }

    /// What the fingerprint of the program, the customer and the cart hashes with SHA-256 (the
    /// caller hashes it, with Web Crypto): what the seller's server compares when the customer pays.
    #[wasm_bindgen(js_name = fingerprintInput)]
    pub fn fingerprint_input(
        &self,
        customer_json: &str,
        cart_json: &str,
    ) -> Result<Vec<u8>, JsValue> {
        self.0
            .fingerprint_input(customer_json, cart_json)
            .map_err(to_js_error)
    }
}

/// Projects a customer's months: a projection request as JSON in, the projection as JSON out.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = projectJson)]
pub fn project_json(request_json: &str) -> Result<String, JsValue> {
    to_json(
        &crate::analytics::projection::project(&from_json(request_json).map_err(to_js_error)?)
            .map_err(to_js_error)?,
    )
}

/// A portfolio's months summed for the seller, as JSON.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = forecastJson)]
pub fn forecast_json(request_json: &str) -> Result<String, JsValue> {
    to_json(
        &crate::analytics::portfolio::forecast(
            &crate::analytics::read::portfolio_from_json(request_json).map_err(to_js_error)?,
        )
        .map_err(to_js_error)?,
    )
}

/// A portfolio's customers read once and kept inside Wasm, so that a rep can forecast them under
/// other programs, months or redemption choices, each call sending only those settings.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = Customers)]
pub struct JsCustomers {
    customers: Vec<crate::analytics::portfolio::PortfolioCustomer>,
}

#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_class = Customers)]
impl JsCustomers {
    /// Reads a JSON list of `{customer, monthly}`; throws with `code` and `path` when malformed.
    #[wasm_bindgen(constructor)]
    pub fn new(customers_json: &str) -> Result<JsCustomers, JsValue> {
        Ok(JsCustomers {
            customers: crate::analytics::read::portfolio_customers_from_json(customers_json)
                .map_err(to_js_error)?,
        })
    }

    /// How many customers are held.
    #[wasm_bindgen(getter)]
    pub fn count(&self) -> usize {
        self.customers.len()
    }

    /// Forecasts the held customers: a portfolio request without `customers` in, JSON out.
    #[wasm_bindgen(js_name = forecastJson)]
    pub fn forecast_json(&mut self, settings_json: &str) -> Result<String, JsValue> {
        let mut request = crate::analytics::read::forecast_settings_from_json(settings_json)
            .map_err(to_js_error)?;
        // Lent to the request for the call, not copied.
        request.customers = std::mem::take(&mut self.customers);
        let portfolio = crate::analytics::portfolio::forecast(&request);
        self.customers = request.customers;
        to_json(&portfolio.map_err(to_js_error)?)
    }
}

/// Margin impact for the seller, as JSON.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = marginJson)]
pub fn margin_json(request_json: &str) -> Result<String, JsValue> {
    to_json(
        &crate::analytics::economics::margin_impact(&from_json(request_json).map_err(to_js_error)?)
            .map_err(to_js_error)?,
    )
}

/// What a return of an order's units pays back and takes back, as JSON.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = refundJson)]
pub fn refund_json(request_json: &str) -> Result<String, JsValue> {
    to_json(
        &crate::analytics::refund::refund(&from_json(request_json).map_err(to_js_error)?)
            .map_err(to_js_error)?,
    )
}

/// Program variants compared on the same customer behaviour, as JSON rows.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(request_json: &str) -> Result<String, JsValue> {
    to_json(
        &crate::analytics::economics::compare(&from_json(request_json).map_err(to_js_error)?)
            .map_err(to_js_error)?,
    )
}

/// One seller-side calculation (`{"calculator": "nps", …}`), as a JSON object of strings.
#[cfg(feature = "analytics")]
#[cfg(not(feature = "tier-page"))]
#[wasm_bindgen(js_name = calculateJson)]
pub fn calculate_json(request_json: &str) -> Result<String, JsValue> {
    let answer =
        crate::analytics::calculators::calculate(&from_json(request_json).map_err(to_js_error)?)
            .map_err(to_js_error)?;
    to_json(
        &answer
            .into_iter()
            .collect::<std::collections::BTreeMap<String, String>>(),
    )
}

/// The customer's tier preview: standing, targets and the months ahead, as JSON.
#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = previewJson)]
pub fn preview_json(request_json: &str) -> Result<String, JsValue> {
    to_json(
        &crate::analytics::preview::preview(&from_json(request_json).map_err(to_js_error)?)
            .map_err(to_js_error)?,
    )
}

/// A program in plain words (`en`, `ru`, `hy`, `ka`), for the views that load only this package.
#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = summarizeJson)]
pub fn summarize_json(program_json: &str, lang: &str) -> Result<String, JsValue> {
    let program: Program = from_json(program_json).map_err(to_js_error)?;
    program.validate().map_err(to_js_error)?;
    Ok(crate::summarize(&program, lang_of(lang)?))
}

/// Every name a program shows, chosen for `locale` (empty: its default language), as JSON: for
/// the views that load only this package.
#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = namesJson)]
pub fn names_json(program_json: &str, locale: &str) -> Result<String, JsValue> {
    let program: Program = from_json(program_json).map_err(to_js_error)?;
    program.validate().map_err(to_js_error)?;
    Ok(crate::format::names::names_json(&program, locale))
}
