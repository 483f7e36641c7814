//! Reading JSON text into the calculator's types, with the path of any bad field.

use crate::error::{Error, ErrorCode, Result};
use serde::de::DeserializeOwned;

/// The largest JSON text accepted (16 MiB); a cart of 10,000 lines fits in far less.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Parses `text`, refusing unknown fields, wrong types and deep nesting with a code and a path.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "the input is {} bytes; at most {MAX_INPUT_BYTES} are accepted",
                text.len()
            ),
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        classify(error.into_inner(), path)
    })?;
    deserializer
        .end()
        .map_err(|error| classify(error, String::new()))?;
    Ok(value)
}

fn classify(error: serde_json::Error, path: String) -> Error {
    if (error.is_syntax() || error.is_eof()) && !error.to_string().contains("recursion limit") {
        return Error::new(ErrorCode::InvalidJson, path, error.to_string());
    }
    classify_message(error.to_string(), path)
}

/// Maps a serde data error to a stable code. serde states the kind only in its message.
pub fn classify_message(message: String, path: String) -> Error {
    let code = if message.contains("recursion limit") {
        ErrorCode::TooDeep
    } else if message.starts_with("unknown field") {
        ErrorCode::UnknownField
    } else if message.starts_with("missing field") {
        ErrorCode::MissingField
    } else if message.starts_with("invalid type") {
        ErrorCode::WrongType
    } else {
        ErrorCode::InvalidValue
    };
    let message = if code == ErrorCode::WrongType && message.contains("Decimal") {
        format!("{message}; write amounts and rates as decimal strings, such as \"12.50\"")
    } else {
        message
    };
    Error::new(code, path, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::Program;

    #[test]
    fn syntax_errors_are_invalid_json() {
        let error = from_json::<Program>("{\"version\": 1,").unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidJson);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        // Typed fields refuse the first bracket; untyped JSON reaches the depth limit.
        assert_eq!(
            from_json::<Program>(&text).unwrap_err().code,
            ErrorCode::WrongType
        );
        assert_eq!(
            from_json::<serde_json::Value>(&text).unwrap_err().code,
            ErrorCode::TooDeep
        );
    }

    #[test]
    fn numbers_for_money_are_wrong_type_with_a_hint() {
        let text = r#"{"version":1,"id":"p","name":"P","currency":"USD","tiers":[{"id":"a","name":"A","threshold":0}]}"#;
        let error = from_json::<Program>(text).unwrap_err();
        assert_eq!(error.code, ErrorCode::WrongType);
        assert_eq!(error.path, "tiers[0].threshold");
        assert!(
            error.message.contains("decimal strings"),
            "{}",
            error.message
        );
    }

    #[test]
    fn unknown_fields_name_their_place() {
        let text = r#"{"version":1,"id":"p","name":"P","currency":"USD","colour":"red"}"#;
        let error = from_json::<Program>(text).unwrap_err();
        assert_eq!(error.code, ErrorCode::UnknownField);
    }
}
