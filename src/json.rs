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
    serde_json::from_str(text).map_err(|error| {
        let path = path_at(text, offset_of(text, error.line(), error.column()));
        classify(error, path)
    })
}

fn classify(error: serde_json::Error, path: String) -> Error {
    let text = error.to_string();
    // serde_json ends every message with its position; the path says it better.
    let message = match text.rfind(" at line ") {
        Some(end) => text[..end].to_string(),
        None => text,
    };
    if (error.is_syntax() || error.is_eof()) && !message.contains("recursion limit") {
        return Error::new(ErrorCode::InvalidJson, path, message);
    }
    classify_message(message, path)
}

/// The byte offset of serde_json's 1-based line and its column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column).min(text.len())
}

/// The JSON path (`cart.lines[0].sku`) of the innermost value open at byte `offset` of `text`.
/// serde_json reports where an error happened as a position; this turns it into a path, so no
/// path-tracking wrapper has to be compiled around every type (which would double the Wasm size).
pub fn path_at(text: &str, offset: usize) -> String {
    enum Frame {
        Object {
            key: Option<String>,
            expecting_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() && i < offset {
        match bytes[i] {
            b'{' => frames.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => frames.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = frames.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object {
                    key,
                    expecting_key: true,
                }) = frames.last_mut()
                {
                    *key = text.get(start..i.min(bytes.len())).map(String::from);
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
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
    fn paths_come_from_positions() {
        let text = r#"{"cart": {"lines": [{"sku": "A"}, {"sku": 5, "q": [1, {"x": "a\\"b"}]}]}}"#;
        let at = |needle: &str| path_at(text, text.find(needle).unwrap() + needle.len());
        assert_eq!(at(r#""sku": 5"#), "cart.lines[1].sku");
        assert_eq!(at(r#"[1, {"x": "a\\"b""#), "cart.lines[1].q[1].x");
        assert_eq!(path_at(text, 0), "");
    }

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
