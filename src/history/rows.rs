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

/// A row's text fields, by their place among the columns.
pub trait Fields {
    fn field(&self, at: usize) -> Option<&str>;
}

impl Fields for csv::StringRecord {
    fn field(&self, at: usize) -> Option<&str> {
        self.get(at)
    }
}

/// A plain CSV line's fields: its text, copied once, and where each field ends.
#[derive(Debug, Default, Clone)]
pub struct PlainLine {
    text: String,
    /// Where each field ends: its commas, then the line's end.
    pub(super) ends: Vec<usize>,
}

impl PlainLine {
    /// Takes `line` (without a quote or a line's end), split at its commas.
    pub fn split(&mut self, line: &str) {
        self.ends.clear();
        let commas = line.bytes().enumerate().filter(|&(_, b)| b == b',');
        self.ends.extend(commas.map(|(at, _)| at));
        self.take(line);
    }

    /// Takes `line`, whose commas are the `ends` already noted.
    pub(super) fn take(&mut self, line: &str) {
        self.text.clear();
        self.text.push_str(line);
        self.ends.push(line.len());
    }
}

impl Fields for PlainLine {
    fn field(&self, at: usize) -> Option<&str> {
        let end = *self.ends.get(at)?;
        let start = match at {
            0 => 0,
            at => self.ends[at - 1] + 1,
        };
        self.text.get(start..end)
    }
}

/// What reading one row gave, where a plain CSV line is read apart.
pub enum Fetched {
    /// A plain line, in the [`PlainLine`] given.
    Plain,
    /// Anything else, in the record given, as [`Rows::read`] gives it.
    Other(Next),
}

/// An order history read one row at a time as text fields, whatever its file's format.
pub trait Rows {
    /// The column names, in the order of each row's fields.
    fn header(&self) -> &csv::StringRecord;
    /// Reads the next row into `record`. An error is a file that cannot be read any further.
    fn read(&mut self, record: &mut csv::StringRecord) -> Result<Next>;
    /// The same with the fields left as bytes: the first pass only compares them.
    fn read_bytes(&mut self, record: &mut csv::ByteRecord) -> Result<Next>;
    /// The same, a plain CSV line read into `plain` (its text copied once, not field by field).
    fn read_plain(
        &mut self,
        _plain: &mut PlainLine,
        record: &mut csv::StringRecord,
    ) -> Result<Fetched> {
        self.read(record).map(Fetched::Other)
    }
    /// Where the row last read is.
    fn place(&self) -> Place;
    /// How far reading has come, in bytes of the file.
    fn progress(&self) -> u64;
}
