//! Errors as data: a stable code, the JSON path of the offending field and a human message.

use serde::Serialize;
use std::fmt;

/// Stable error codes. New codes may be added; existing ones never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The text is not JSON.
    InvalidJson,
    /// JSON nested deeper than the parser allows.
    TooDeep,
    /// The input is larger than the calculator accepts.
    TooLarge,
    /// A field this format does not define.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field holds the wrong JSON type, for example a number where a decimal string belongs.
    WrongType,
    /// A field holds a value outside its allowed set or form.
    InvalidValue,
    /// The program's version is not one this build reads.
    UnsupportedVersion,
    /// The ISO 4217 code is not in the currency table.
    UnknownCurrency,
    /// A number outside its allowed range: negative, a rate over 100 %, or too large.
    OutOfRange,
    /// An amount with more decimals than the currency's minor units.
    TooPrecise,
    /// Thresholds or steps that do not strictly increase.
    NotIncreasing,
    /// A start date after an end date.
    DatesOutOfOrder,
    /// The same id given twice.
    DuplicateId,
    /// An id that names nothing in the program.
    UnknownReference,
    /// A list that must hold at least one item is empty.
    Empty,
    /// Arithmetic on the input overflowed.
    Overflow,
    /// A call into the Wasm module before it was initialised.
    NotInitialised,
    /// A file that could not be read.
    Unreadable,
    /// The output could not be written.
    Unwritable,
    /// Bytes given as a compiled program are not one: damaged, truncated or not made by
    /// `loyalty compile`.
    CompiledProgramInvalid,
    /// A compiled program made for another format or engine version: compile it again.
    CompiledProgramVersion,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::WrongType => "wrong_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::UnsupportedVersion => "unsupported_version",
            ErrorCode::UnknownCurrency => "unknown_currency",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::TooPrecise => "too_precise",
            ErrorCode::NotIncreasing => "not_increasing",
            ErrorCode::DatesOutOfOrder => "dates_out_of_order",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::UnknownReference => "unknown_reference",
            ErrorCode::Empty => "empty",
            ErrorCode::Overflow => "overflow",
            ErrorCode::NotInitialised => "not_initialised",
            ErrorCode::Unreadable => "unreadable",
            ErrorCode::Unwritable => "unwritable",
            ErrorCode::CompiledProgramInvalid => "compiled_program_invalid",
            ErrorCode::CompiledProgramVersion => "compiled_program_version",
        }
    }
}

/// A refused input. `path` is a JSON path such as `tiers[2].threshold` (empty for the root).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Error {
    pub code: ErrorCode,
    pub path: String,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            code,
            path: path.into(),
            message: message.into(),
        }
    }

    /// The same error, with its path placed under `prefix` (`cart` + `lines[0]` = `cart.lines[0]`).
    pub fn under(mut self, prefix: &str) -> Self {
        self.path = join_path(prefix, &self.path);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code.as_str(), self.message)
        } else {
            write!(
                f,
                "{} at {}: {}",
                self.code.as_str(),
                self.path,
                self.message
            )
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Joins two JSON paths: `a` + `b` = `a.b`, `a` + `[0]` = `a[0]`, `` + `b` = `b`.
pub fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.to_string()
    } else if rest.is_empty() {
        prefix.to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_json_paths() {
        assert_eq!(join_path("cart", "lines[0].sku"), "cart.lines[0].sku");
        assert_eq!(join_path("tiers", "[2]"), "tiers[2]");
        assert_eq!(join_path("", "currency"), "currency");
        assert_eq!(join_path("program", ""), "program");
    }

    #[test]
    fn display_names_code_and_path() {
        let error = Error::new(
            ErrorCode::NotIncreasing,
            "tiers[2].threshold",
            "must be above 500",
        );
        assert_eq!(
            error.to_string(),
            "not_increasing at tiers[2].threshold: must be above 500"
        );
    }
}
