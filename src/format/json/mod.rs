//! Reading JSON text into the calculator's types, with the path of any bad field.
//!
//! The text is parsed once into a tree that borrows from it ([`parse::Node`]); each type then
//! reads its fields by hand ([`FromJson`]). Derived deserialisers would be compiled once per type
//! and were a third of the Wasm module; these readers share a handful of small generic helpers.

mod order;
pub mod parse;
mod program;
pub mod write;

use crate::error::{Error, ErrorCode, Result};
use chrono::NaiveDate;
use parse::{Node, Syntax};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// The largest JSON text accepted (16 MiB); a cart of 10,000 lines fits in far less.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// A type that can be read from a JSON value found at a known path.
pub trait FromJson: Sized {
    fn read(json: Json<'_>) -> Result<Self>;
}

/// Parses `text` and reads a `T`, refusing unknown fields, wrong types and deep nesting with a
/// code and a path.
pub fn from_json<T: FromJson>(text: &str) -> Result<T> {
    refuse_over(text, MAX_INPUT_BYTES)?;
    let node = parse::parse(text).map_err(|error| syntax_error(text, error))?;
    from_node(&node)
}

pub(crate) fn refuse_over(text: &str, max: usize) -> Result<()> {
    if text.len() > max {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "",
            format!(
                "the input is {} bytes; at most {max} are accepted",
                text.len()
            ),
        ));
    }
    Ok(())
}

/// Reads a `T` from an already parsed tree.
pub fn from_node<T: FromJson>(node: &Node<'_>) -> Result<T> {
    T::read(Json {
        value: node,
        path: Path::Root,
    })
}

/// Reads a `T` from a serde_json value (tests and the command build theirs so).
pub fn from_value<T: FromJson>(value: &serde_json::Value) -> Result<T> {
    from_json(&value.to_string())
}

pub(crate) fn syntax_error(text: &str, error: Syntax) -> Error {
    let path = path_at(text, error.at + 1);
    if error.too_deep {
        return Error::new(ErrorCode::TooDeep, path, "the JSON is nested too deeply");
    }
    Error::new(ErrorCode::InvalidJson, path, error.message)
}

/// Where a value sits in the document; rendered to `tiers[2].threshold` only for an error.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => match parent.render() {
                parent if parent.is_empty() => key.to_string(),
                parent => format!("{parent}.{key}"),
            },
            Path::Index(parent, index) => format!("{}[{index}]", parent.render()),
        }
    }
}

/// A JSON value and its path.
#[derive(Clone, Copy)]
pub struct Json<'a> {
    pub(crate) value: &'a Node<'a>,
    pub(crate) path: Path<'a>,
}

impl<'a> Json<'a> {
    pub fn error(&self, code: ErrorCode, message: impl Into<String>) -> Error {
        Error::new(code, self.path.render(), message)
    }

    fn wrong_type(&self, expected: &str) -> Error {
        let found = match self.value {
            Node::Null => "null",
            Node::Bool(_) => "true or false",
            Node::Number(_) => "a number",
            Node::Text(_) => "a string",
            Node::List(_) => "a list",
            Node::Object(_) => "an object",
        };
        self.error(
            ErrorCode::WrongType,
            format!("expected {expected}, found {found}"),
        )
    }

    pub fn str(&self) -> Result<&'a str> {
        match self.value {
            Node::Text(text) => Ok(text),
            _ => Err(self.wrong_type("a string")),
        }
    }

    /// The fields of an object; call [`Fields::end`] once every known field has been read.
    pub fn fields(&self) -> Result<Fields<'a, '_>> {
        match self.value {
            Node::Object(map) => Ok(Fields {
                map,
                path: &self.path,
                read: Vec::new(),
                seen: 0,
                error: None,
            }),
            _ => Err(self.wrong_type("an object")),
        }
    }

    /// An externally tagged value, `{"variant": {...}}`: the variant's name and its body.
    pub fn variant(&self, names: &[&str]) -> Result<(&'a str, Json<'_>)> {
        let map = match self.value {
            Node::Object(map) => map,
            _ => return Err(self.wrong_type("an object with one key")),
        };
        let mut entries = map.iter();
        match (entries.next(), entries.next()) {
            (Some((name, value)), None) if names.contains(&name.as_ref()) => Ok((
                name,
                Json {
                    value,
                    path: Path::Key(&self.path, name),
                },
            )),
            (Some((name, _)), None) => Err(Json {
                value: self.value,
                path: Path::Key(&self.path, name),
            }
            .not_one_of(name, names)),
            _ => Err(self.error(
                ErrorCode::InvalidValue,
                format!("expected one key, one of {}", listed(names)),
            )),
        }
    }

    /// One of a fixed set of names, each standing for a value.
    pub fn one_of<T: Copy>(&self, choices: &[(&str, T)]) -> Result<T> {
        let name = self.str()?;
        match choices.iter().find(|(known, _)| *known == name) {
            Some((_, value)) => Ok(*value),
            None => {
                let names: Vec<&str> = choices.iter().map(|(known, _)| *known).collect();
                Err(self.not_one_of(name, &names))
            }
        }
    }

    fn not_one_of(&self, name: &str, names: &[&str]) -> Error {
        self.error(
            ErrorCode::InvalidValue,
            format!("\"{name}\" is not one of {}", listed(names)),
        )
    }

    /// A JSON number without a fraction or an exponent that fits 64 bits, as its text; `None`
    /// for any other number (which a whole-number field refuses as the wrong type).
    fn integer_text(&self) -> Result<Option<&'a str>> {
        match self.value {
            Node::Number(text) if !text.contains(['.', 'e', 'E']) => Ok(Some(text)),
            Node::Number(_) => Ok(None),
            _ => Err(self.wrong_type("a whole number")),
        }
    }

    fn whole_number(&self, max: u64) -> Result<u64> {
        let out_of_range = || {
            self.error(
                ErrorCode::OutOfRange,
                format!("expected a whole number from 0 to {max}"),
            )
        };
        let text = self.integer_text()?;
        match text {
            Some(text) => match (text.parse::<u64>(), text.parse::<i64>()) {
                (Ok(n), _) if n <= max => Ok(n),
                (Ok(_), _) | (_, Ok(_)) => Err(out_of_range()),
                // Past 64 bits a number is not whole for JSON readers.
                _ => Err(self.wrong_type("a whole number")),
            },
            None => Err(self.wrong_type("a whole number")),
        }
    }
}

/// The fields of one JSON object, read one by one.
///
/// A bad field does not return at once: its error is kept (the first one wins), a default
/// stands in, and [`Fields::end`] reports it. A reader then has a single exit instead of one per
/// field, each dropping the fields read so far, which made the readers a quarter of the module.
pub struct Fields<'a, 'p> {
    map: &'a [(Cow<'a, str>, Node<'a>)],
    path: &'p Path<'a>,
    /// Which members were read, by position, for the first 128; past them (never in a valid
    /// input) the names asked for.
    seen: u128,
    read: Vec<&'static str>,
    error: Option<Error>,
}

impl<'a: 'p, 'p> Fields<'a, 'p> {
    /// The field's value; a missing required field is noted, an absent optional one is `None`.
    #[inline(never)]
    fn field(&mut self, name: &'static str, required: bool) -> Option<Json<'p>> {
        let path = Path::Key(self.path, name);
        match self.take(name) {
            Some(Node::Null) if !required => None,
            Some(value) => Some(Json { value, path }),
            None if required => {
                self.note(Error::new(
                    ErrorCode::MissingField,
                    path.render(),
                    format!("the field \"{name}\" is required"),
                ));
                None
            }
            None => None,
        }
    }

    /// The value of member `name` (the last one when the name is repeated), noting it as read.
    fn take(&mut self, name: &'static str) -> Option<&'a Node<'a>> {
        let mut found = None;
        for (at, (key, value)) in self.map.iter().enumerate() {
            if key == name {
                found = Some(value);
                if at < 128 {
                    self.seen |= 1 << at;
                }
            }
        }
        if self.map.len() > 128 {
            self.read.push(name);
        }
        found
    }

    #[inline(never)]
    fn note(&mut self, error: Error) {
        self.error.get_or_insert(error);
    }

    fn ok<T>(&mut self, result: Result<T>) -> Option<T> {
        result.map_err(|error| self.note(error)).ok()
    }

    pub fn required<T: FromJson + Default>(&mut self, name: &'static str) -> T {
        let json = self.field(name, true);
        json.and_then(|json| self.ok(T::read(json)))
            .unwrap_or_default()
    }

    /// An absent field, or `null`, is `None`.
    pub fn optional<T: FromJson>(&mut self, name: &'static str) -> Option<T> {
        let json = self.field(name, false)?;
        self.ok(T::read(json))
    }

    pub fn or<T: FromJson>(&mut self, name: &'static str, default: T) -> T {
        self.optional(name).unwrap_or(default)
    }

    pub fn or_default<T: FromJson + Default>(&mut self, name: &'static str) -> T {
        self.optional(name).unwrap_or_default()
    }

    /// The name of an internally tagged variant, `{"type": "percent", ...}`; `""` if it is bad.
    pub fn tag(&mut self, name: &'static str, names: &[&str]) -> &'a str {
        let value: &'a Node<'a> = self.take(name).unwrap_or(&Node::Null);
        let json = Json {
            value,
            path: Path::Key(self.path, name),
        };
        let result = match value {
            Node::Text(tag) if names.contains(&tag.as_ref()) => Ok(tag.as_ref()),
            Node::Text(tag) => Err(json.not_one_of(tag, names)),
            Node::Null => Err(json.error(
                ErrorCode::MissingField,
                format!("the field \"{name}\" is required, one of {}", listed(names)),
            )),
            _ => Err(json.wrong_type("a string")),
        };
        self.ok(result).unwrap_or("")
    }

    /// The value read, or the first error met; refuses any field that was not read, since a
    /// misspelt field must not be silently ignored.
    pub fn end<T>(self, value: T) -> Result<T> {
        self.finish().map(|()| value)
    }

    #[inline(never)]
    fn finish(self) -> Result<()> {
        if let Some(error) = self.error {
            return Err(error);
        }
        // The first unknown name in sorted order, so that the error does not depend on how the
        // members were ordered.
        let unread = |(at, (key, _)): (usize, &'a (Cow<'a, str>, Node<'a>))| match at {
            0..=127 => (self.seen & (1 << at) == 0).then_some(key.as_ref()),
            _ => (!self.read.contains(&key.as_ref())).then_some(key.as_ref()),
        };
        match self.map.iter().enumerate().filter_map(unread).min() {
            Some(key) => Err(Error::new(
                ErrorCode::UnknownField,
                Path::Key(self.path, key).render(),
                format!("unknown field \"{key}\""),
            )),
            None => Ok(()),
        }
    }
}

impl FromJson for String {
    fn read(json: Json<'_>) -> Result<Self> {
        json.str().map(String::from)
    }
}

impl FromJson for bool {
    fn read(json: Json<'_>) -> Result<Self> {
        match json.value {
            Node::Bool(value) => Ok(*value),
            _ => Err(json.wrong_type("true or false")),
        }
    }
}

impl FromJson for u8 {
    fn read(json: Json<'_>) -> Result<Self> {
        json.whole_number(u8::MAX.into()).map(|n| n as u8)
    }
}

impl FromJson for u32 {
    fn read(json: Json<'_>) -> Result<Self> {
        json.whole_number(u32::MAX.into()).map(|n| n as u32)
    }
}

impl FromJson for u64 {
    fn read(json: Json<'_>) -> Result<Self> {
        json.whole_number(u64::MAX)
    }
}

impl FromJson for i32 {
    fn read(json: Json<'_>) -> Result<Self> {
        let whole = json
            .integer_text()?
            .and_then(|text| text.parse::<i64>().ok());
        match whole.map(i32::try_from) {
            Some(Ok(n)) => Ok(n),
            Some(Err(_)) => Err(json.error(
                ErrorCode::OutOfRange,
                format!("expected a whole number from {} to {}", i32::MIN, i32::MAX),
            )),
            None => Err(json.wrong_type("a whole number")),
        }
    }
}

/// A decimal written plainly, as amounts are: digits with at most one point inside, and an
/// optional minus; no exponent, no spaces.
pub fn decimal_of(text: &str) -> Option<Decimal> {
    let plain = text.strip_prefix('-').unwrap_or(text);
    let well_formed = !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && plain.bytes().filter(|&b| b == b'.').count() <= 1
        && !plain.starts_with('.')
        && !plain.ends_with('.');
    Decimal::from_str_exact(text).ok().filter(|_| well_formed)
}

/// Money and rates come only as decimal strings: a JSON number may already have lost digits.
impl FromJson for Decimal {
    fn read(json: Json<'_>) -> Result<Self> {
        let text: &str = match json.value {
            Node::Text(text) => text,
            Node::Number(_) => {
                return Err(json.error(
                    ErrorCode::WrongType,
                    "expected a decimal string; write amounts and rates as decimal strings, \
                     such as \"12.50\"",
                ))
            }
            _ => return Err(json.wrong_type("a decimal string such as \"12.50\"")),
        };
        match decimal_of(text) {
            Some(value) => Ok(value),
            _ => Err(json.error(
                ErrorCode::InvalidValue,
                format!("\"{text}\" is not a decimal number such as \"12.50\" that fits 28 digits"),
            )),
        }
    }
}

/// Dates are ISO 8601 calendar dates, `2026-11-22`.
impl FromJson for NaiveDate {
    fn read(json: Json<'_>) -> Result<Self> {
        let text = json.str()?;
        parse_date(text).ok_or_else(|| {
            json.error(
                ErrorCode::InvalidValue,
                format!("\"{text}\" is not a date written as YYYY-MM-DD"),
            )
        })
    }
}

/// An ISO 8601 calendar date, `2026-11-22`, and nothing else.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = text.get(range)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then_some(())?;
        u32::from_str(digits).ok()
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// An object whose keys the data chooses (category ids, language tags); a key given twice
/// keeps its last value, as fields do.
impl<T: FromJson> FromJson for crate::format::keyed::Keyed<T> {
    fn read(json: Json<'_>) -> Result<Self> {
        let Node::Object(members) = json.value else {
            return Err(json.wrong_type("an object"));
        };
        let mut map = crate::format::keyed::Keyed::default();
        for (key, value) in members.iter() {
            let item = T::read(Json {
                value,
                path: Path::Key(&json.path, key),
            })?;
            map.insert(key.to_string(), item);
        }
        Ok(map)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(json: Json<'_>) -> Result<Self> {
        let Node::List(items) = json.value else {
            return Err(json.wrong_type("a list"));
        };
        let mut list = Vec::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            list.push(T::read(Json {
                value,
                path: Path::Index(&json.path, index),
            })?);
        }
        Ok(list)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn read(json: Json<'_>) -> Result<Self> {
        T::read(json).map(Box::new)
    }
}

/// Names written one after another with ", ", for an error's message (one loop, rather than a
/// `join` in the module for every kind of list).
pub fn listed<T: AsRef<str>>(names: &[T]) -> String {
    let mut text = String::new();
    for (at, name) in names.iter().enumerate() {
        if at > 0 {
            text.push_str(", ");
        }
        text.push_str(name.as_ref());
    }
    text
}

/// The JSON path (`cart.lines[0].sku`) of the innermost value open at byte `offset` of `text`:
/// where a syntax error sits, for text that never became a tree.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::program::Program;

    #[test]
    fn paths_come_from_positions() {
        let text = r#"{"cart": {"lines": [{"sku": "A"}, {"sku": 5, "q": [1, {"x": "a\\"b"}]}]}}"#;
        let at = |needle: &str| path_at(text, text.find(needle).unwrap() + needle.len());
        assert_eq!(at(r#""sku": 5"#), "cart.lines[1].sku");
        assert_eq!(at(r#"[1, {"x": "a\\"b""#), "cart.lines[1].q[1].x");
        assert_eq!(path_at(text, 0), "");
    }

    #[test]
    fn syntax_errors_are_invalid_json_with_the_path_reached() {
        let error = from_json::<Program>("{\"version\": 1, \"tiers\": [{\"id\": nul").unwrap_err();
        assert_eq!(error.code, ErrorCode::InvalidJson);
        assert_eq!(error.path, "tiers[0].id");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            from_json::<Program>(&text).unwrap_err().code,
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
    fn decimals_are_plain_decimal_strings() {
        let read = |text: &str| from_value::<Decimal>(&serde_json::Value::from(text));
        assert_eq!(read("12.50").unwrap().to_string(), "12.50");
        assert_eq!(read("-0.5").unwrap().to_string(), "-0.5");
        for bad in ["", "1e3", "+1", ".5", "5.", "1.2.3", " 1", "0x10", "12,50"] {
            assert_eq!(
                read(bad).unwrap_err().code,
                ErrorCode::InvalidValue,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn dates_are_iso_calendar_dates() {
        let read = |text: &str| from_value::<NaiveDate>(&serde_json::Value::from(text));
        assert_eq!(
            read("2028-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "22/11/2026",
            "2026-1-01",
            "+2026-01-1",
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn whole_numbers_refuse_fractions_and_overflow() {
        use serde_json::Value;
        let read = |value: Value| from_value::<u32>(&value).unwrap_err().code;
        assert_eq!(read(Value::from(1.5)), ErrorCode::WrongType);
        assert_eq!(read(Value::from(-1)), ErrorCode::OutOfRange);
        assert_eq!(
            read(Value::from(u64::from(u32::MAX) + 1)),
            ErrorCode::OutOfRange
        );
        assert_eq!(read(Value::from("7")), ErrorCode::WrongType);
        let read = |text: &str| from_json::<u64>(text).unwrap_err().code;
        assert_eq!(read("1e3"), ErrorCode::WrongType);
        assert_eq!(read("18446744073709551616"), ErrorCode::WrongType);
        assert_eq!(read("-9223372036854775809"), ErrorCode::WrongType);
    }

    #[test]
    fn null_is_absent_where_a_field_may_be_left_out_and_wrong_elsewhere() {
        let text =
            r#"{"version":1,"id":"p","name":"P","currency":"USD","tiers":null,"points":null}"#;
        let program = from_json::<Program>(text).unwrap();
        assert!(program.tiers.is_empty() && program.points.is_none());
        let text = r#"{"version":1,"id":null,"name":"P","currency":"USD"}"#;
        let error = from_json::<Program>(text).unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::WrongType, "id")
        );
    }

    #[test]
    fn unknown_and_missing_fields_name_their_place() {
        let text = r#"{"version":1,"id":"p","name":"P","currency":"USD","colour":"red"}"#;
        let error = from_json::<Program>(text).unwrap_err();
        assert_eq!(
            (error.code, error.path.as_str()),
            (ErrorCode::UnknownField, "colour")
        );
    }
}
