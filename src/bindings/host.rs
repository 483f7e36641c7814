//! The pricer for hosts other than a browser (a server's Wasm runtime, a Shopify discount
//! Function): plain exported functions over the module's memory, no wasm-bindgen and no imports.
//!
//! One buffer carries every call's input and output, so the host needs no allocator of its own:
//!
//! 1. `loyalty_buffer(n)` makes the buffer `n` bytes long and gives its address; the host writes
//!    its input there.
//! 2. `loyalty_program()` reads the buffer as a compiled program (`loyalty compile`) and keeps it;
//!    `loyalty_quote()` reads it as `{"customer": …, "cart": …, "locale": …}` JSON text and prices
//!    the cart under the program kept.
//! 3. Each returns 0 when it worked and 1 when it refused; the buffer then holds the result as
//!    JSON text (the quote, `{}`, or `{"error": {"code", "path", "message"}}`), at
//!    `loyalty_buffer_address()`, `loyalty_buffer_length()` bytes long.

use crate::checkout::engine::Engine;
use crate::error::{Error, ErrorCode, Result};
use crate::format::json::write::{string, ToJson};
use crate::format::json::{self, FromJson, Json};
use crate::{Cart, Customer};
use std::cell::RefCell;

thread_local! {
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Makes the buffer `length` bytes long (zeros) for the host to write its input into; its address.
#[no_mangle]
pub extern "C" fn loyalty_buffer(length: u32) -> u32 {
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        buffer.resize(length as usize, 0);
        buffer.as_mut_ptr() as u32
    })
}

/// Where the buffer is, for the host to read a result from.
#[no_mangle]
pub extern "C" fn loyalty_buffer_address() -> u32 {
    BUFFER.with_borrow_mut(|buffer| buffer.as_mut_ptr() as u32)
}

/// How many bytes the buffer holds.
#[no_mangle]
pub extern "C" fn loyalty_buffer_length() -> u32 {
    BUFFER.with_borrow(|buffer| buffer.len() as u32)
}

/// Keeps the compiled program in the buffer for the quotes that follow; 0, or 1 and the error.
#[no_mangle]
pub extern "C" fn loyalty_program() -> u32 {
    answer(|input| {
        let engine = Engine::from_compiled(input)?;
        ENGINE.with_borrow_mut(|kept| *kept = Some(engine));
        Ok("{}".to_string())
    })
}

/// Prices the request in the buffer under the program kept; 0 and the quote, or 1 and the error.
#[no_mangle]
pub extern "C" fn loyalty_quote() -> u32 {
    answer(|input| {
        let text = std::str::from_utf8(input)
            .map_err(|_| Error::new(ErrorCode::InvalidJson, "", "the request is not UTF-8 text"))?;
        let request: QuoteRequest = json::from_json(text)?;
        ENGINE.with_borrow(|engine| match engine {
            Some(engine) => {
                engine.quote_json_for(&request.customer, &request.cart, &request.locale)
            }
            None => Err(Error::new(
                ErrorCode::NotInitialised,
                "",
                "no program: call loyalty_program() with a compiled program first",
            )),
        })
    })
}

/// Runs `call` on the buffer's bytes and puts its answer there: the result, or the error as JSON.
fn answer(call: impl FnOnce(&[u8]) -> Result<String>) -> u32 {
    let input = BUFFER.take();
    let (status, output) = match call(&input) {
        Ok(text) => (0, text),
        Err(error) => (1, error_json(&error)),
    };
    BUFFER.set(output.into_bytes());
    status
}

fn error_json(error: &Error) -> String {
    let mut out = String::from("{\"error\":{\"code\":");
    string(&mut out, error.code.as_str());
    out.push_str(",\"path\":");
    error.path.write_json(&mut out);
    out.push_str(",\"message\":");
    error.message.write_json(&mut out);
    out.push_str("}}");
    out
}

/// A quote's request: the customer, the cart and the language of the names.
struct QuoteRequest {
    customer: Customer,
    cart: Cart,
    locale: String,
}

impl FromJson for QuoteRequest {
    fn read(json: Json<'_>) -> Result<Self> {
        let mut f = json.fields()?;
        let request = QuoteRequest {
            customer: f.or_default("customer"),
            cart: f.required("cart"),
            locale: f.or_default("locale"),
        };
        f.end(request)
    }
}
