//! An order history as rows of text fields, whatever its file's format: the columns, where a row
//! is, and the reader that the CSV and Parquet files both give (see `csv_file`, `parquet_file`).

use crate::error::{Error, ErrorCode, Result};
use serde::Serialize;

/// The columns, matched by name whatever their order; category, cost and group may be absent.
pub const COLUMNS: [&str; 8] = [
    "customer", "date", "sku", "category", "price", "quantity", "cost", "group",
];
pub const REQUIRED_COLUMNS: [&str; 5] = ["customer", "date", "sku", "price", "quantity"];

/// Where a row is, as errors name it: a CSV file's line, or a Parquet file's row (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Line(u64),
    Row(u64),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Line(line) => write!(f, "line {line}"),
            Place::Row(row) => write!(f, "row {row}"),
        }
    }
}

impl Place {
    pub(crate) fn number(self) -> u64 {
        match self {
            Place::Line(number) | Place::Row(number) => number,
        }
    }

    /// The simulator names an order by its line: a Parquet file's orders are at rows.
    pub(crate) fn named_in(self, mut error: Error) -> Error {
        if let Place::Row(row) = self {
            if let Some(rest) = error.path.strip_prefix(&format!("line {row}")) {
                error.path = format!("row {row}{rest}");
            }
        }
        error
    }
}

/// Opens a history file, refused as unreadable with the reason.
pub(crate) fn open_file(path: &std::path::Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| {
        Error::new(
            ErrorCode::Unreadable,
            "",
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

/// What reading one row gave.
pub enum Next {
    Row,
    /// A row that cannot be read, which the bad-row policy stops at or skips.
    Bad(Error),
    End,
}

/// An order history read one row at a time as text fields, whatever its file's format.
pub trait Rows {
    /// The column names, in the order of each row's fields.
    fn header(&self) -> &csv::StringRecord;
    /// Reads the next row into `record`. An error is a file that cannot be read any further.
    fn read(&mut self, record: &mut csv::StringRecord) -> Result<Next>;
    /// The same with the fields left as bytes: the first pass only compares them.
    fn read_bytes(&mut self, record: &mut csv::ByteRecord) -> Result<Next>;
    /// Where the row last read is.
    fn place(&self) -> Place;
    /// How far reading has come, in bytes of the file.
    fn progress(&self) -> u64;
}
