//! Writing JSON text by hand, byte for byte as serde_json writes it compactly: the checkout's
//! quote is written so, without serde's generated code. A test holds each hand-written writer to
//! serde_json's output of the same value.

use std::fmt::{Display, Write};

/// Appends `text` as a JSON string, escaped as serde_json escapes it.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..at]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escaped);
        }
        start = at + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    fn to_json(&self) -> String {
        let mut out = String::with_capacity(4096);
        self.write_json(&mut out);
        out
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for &str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl ToJson for u64 {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// Decimals are written as strings of their display form, digit by digit from the mantissa and
/// the scale (rust_decimal's own formatting goes through a general routine many times slower).
impl ToJson for rust_decimal::Decimal {
    fn write_json(&self, out: &mut String) {
        // The text is built right to left in one buffer: the closing quote, the digits with the
        // point, the sign and the opening quote.
        let mut text = [b'0'; 48];
        let mut at = text.len() - 1;
        text[at] = b'"';
        let scale = self.scale() as usize;
        let mut digit = |at: &mut usize, written: &mut usize, value: u8| {
            if *written == scale && scale > 0 {
                *at -= 1;
                text[*at] = b'.';
            }
            *at -= 1;
            text[*at] = b'0' + value;
            *written += 1;
        };
        let mut written = 0;
        let mantissa = self.mantissa().unsigned_abs();
        // In 64 bits when it fits: 128-bit division is slow, in Wasm especially.
        match u64::try_from(mantissa) {
            Ok(mut rest) => {
                while rest > 0 || written <= scale {
                    digit(&mut at, &mut written, (rest % 10) as u8);
                    rest /= 10;
                }
            }
            Err(_) => {
                let mut rest = mantissa;
                while rest > 0 || written <= scale {
                    digit(&mut at, &mut written, (rest % 10) as u8);
                    rest /= 10;
                }
            }
        }
        if self.is_sign_negative() {
            at -= 1;
            text[at] = b'-';
        }
        at -= 1;
        text[at] = b'"';
        out.push_str(std::str::from_utf8(&text[at..]).unwrap_or("\"\""));
    }
}

/// Dates are written as strings of their ISO form.
impl ToJson for chrono::NaiveDate {
    fn write_json(&self, out: &mut String) {
        quoted(out, self);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// A display form that needs no escaping (digits, signs, dashes), in quotes.
/// An object keyed by the data's own names (ids), escaped as any string.
impl<T: ToJson> ToJson for crate::format::keyed::Keyed<T> {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (at, (key, value)) in self.iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            string(out, key);
            out.push(':');
            value.write_json(out);
        }
        out.push('}');
    }
}

fn quoted(out: &mut String, value: &impl Display) {
    let _ = write!(out, "\"{value}\"");
}

/// An object being written: members in the order they are added.
pub struct Object<'w> {
    out: &'w mut String,
    empty: bool,
}

impl<'w> Object<'w> {
    pub fn start(out: &'w mut String) -> Object<'w> {
        out.push('{');
        Object { out, empty: true }
    }

    /// A member. `name` is one of the format's own field names, which need no escaping.
    pub fn field(&mut self, name: &str, value: &(impl ToJson + ?Sized)) -> &mut Self {
        self.out.push_str(if self.empty { "\"" } else { ",\"" });
        self.empty = false;
        self.out.push_str(name);
        self.out.push_str("\":");
        value.write_json(self.out);
        self
    }

    /// A member that is left out when absent.
    pub fn optional(&mut self, name: &str, value: &Option<impl ToJson>) -> &mut Self {
        if let Some(value) = value {
            self.field(name, value);
        }
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// Compact JSON text laid out as serde_json's pretty printer lays it out: two-space indents, one
/// member or item a line, `{}` and `[]` when empty.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut run = 0; // the start of text still to copy
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                // Past the string, escapes included.
                at += 1;
                while bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            open @ (b'{' | b'[') => {
                out.push_str(&compact[run..at]);
                if matches!(bytes.get(at + 1), Some(b'}' | b']')) {
                    out.push(char::from(open));
                    out.push(char::from(bytes[at + 1]));
                    at += 1;
                } else {
                    out.push(char::from(open));
                    depth += 1;
                    newline(&mut out, depth);
                }
                run = at + 1;
            }
            close @ (b'}' | b']') => {
                out.push_str(&compact[run..at]);
                depth -= 1;
                newline(&mut out, depth);
                out.push(char::from(close));
                run = at + 1;
            }
            b',' => {
                out.push_str(&compact[run..=at]);
                newline(&mut out, depth);
                run = at + 1;
            }
            b':' => {
                out.push_str(&compact[run..=at]);
                out.push(' ');
                run = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    out.push_str(&compact[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let text = "a\"b\\c\nd\re\tf\u{8}\u{c}\u{1}\u{1f}\u{7f}é😀/";
        let mut out = String::new();
        string(&mut out, text);
        assert_eq!(out, serde_json::to_string(text).unwrap());
    }

    #[test]
    fn pretty_text_is_laid_out_as_serde_json_lays_it_out() {
        let value = serde_json::json!({"a": [1, {"b": "x,y:{[\"]}"}, [], {}], "c": {"d": null, "e": []}, "f": "\\"});
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn decimals_are_written_as_they_display() {
        for text in [
            "0",
            "-0",
            "-0.00",
            "12.50",
            "-1.5",
            "0.005",
            "1000000000000000",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-7.9228162514264337593543950335",
            "5.0",
        ] {
            let value: rust_decimal::Decimal = text.parse().unwrap();
            assert_eq!(value.to_json(), format!("\"{value}\""), "{text}");
        }
    }
}
