//! Reading an order history from a Parquet file (feature `parquet`): the CSV's columns, matched
//! by name, each row's values written out as the text the CSV reader checks
//! ([`crate::history::rows::Rows`]), so that both formats share one path.
//!
//! Ids, sku, category and quantities are strings or integers; group strings; dates DATE,
//! timestamps (their day in UTC) or `YYYY-MM-DD` strings; money DECIMAL or strings. Money stored
//! as floating point is refused: a float cannot hold most cents exactly. So are integers, which
//! could be whole units or minor units. Errors name the row from 1, and the column.

use crate::error::{Error, ErrorCode, Result};
use crate::history::rows::{open_file, Next, Place, Rows, COLUMNS, REQUIRED_COLUMNS};
use chrono::NaiveDate;
use parquet::basic::{Compression, ConvertedType, LogicalType, TimeUnit, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::reader::RowIter;
use parquet::record::Field;
use parquet::schema::types::Type;
use std::path::Path;
use std::sync::Arc;

/// How a column stores its values.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stored {
    Text,
    Integer,
    Decimal,
    Date,
    /// A timestamp; a plain 64-bit one (nanoseconds, or a unit its converted type does not
    /// name) arrives as an integer of this many per day.
    Timestamp {
        per_day: i64,
    },
    Float,
    Other,
}

/// What a column of ours may be stored as.
fn accepts(column: &str, stored: Stored) -> bool {
    use Stored::*;
    match column {
        "date" => matches!(stored, Date | Timestamp { .. } | Text),
        "price" | "cost" => matches!(stored, Decimal | Text),
        "group" => stored == Text,
        _ => matches!(stored, Text | Integer),
    }
}

fn stored(field: &Type) -> Stored {
    if !field.is_primitive() || repeated(field) {
        return Stored::Other;
    }
    let info = field.get_basic_info();
    let per_day = match info.logical_type() {
        Some(LogicalType::Timestamp { unit, .. }) => Some(match unit {
            TimeUnit::MILLIS(_) => 86_400_000,
            TimeUnit::MICROS(_) => 86_400_000_000,
            TimeUnit::NANOS(_) => 86_400_000_000_000,
        }),
        _ => None,
    };
    use ConvertedType as C;
    match (field.get_physical_type(), info.converted_type(), per_day) {
        (_, C::DECIMAL, _) => Stored::Decimal,
        (Physical::INT32, C::DATE, _) => Stored::Date,
        (Physical::INT64, C::TIMESTAMP_MILLIS | C::TIMESTAMP_MICROS, _) | (Physical::INT96, ..) => {
            Stored::Timestamp { per_day: 1 }
        }
        (Physical::INT64, C::NONE, Some(per_day)) => Stored::Timestamp { per_day },
        (
            Physical::INT32 | Physical::INT64,
            C::NONE
            | C::INT_8
            | C::INT_16
            | C::INT_32
            | C::INT_64
            | C::UINT_8
            | C::UINT_16
            | C::UINT_32
            | C::UINT_64,
            None,
        ) => Stored::Integer,
        (Physical::BYTE_ARRAY, C::NONE | C::UTF8 | C::ENUM, None) => Stored::Text,
        (Physical::FLOAT | Physical::DOUBLE, ..) => Stored::Float,
        _ => Stored::Other,
    }
}

fn repeated(field: &Type) -> bool {
    let info = field.get_basic_info();
    info.has_repetition() && info.repetition() == parquet::basic::Repetition::REPEATED
}

fn type_name(field: &Type) -> String {
    if !field.is_primitive() || repeated(field) {
        return "nested values (a list or a group)".into();
    }
    let info = field.get_basic_info();
    match info.logical_type() {
        Some(logical) => format!("{} ({logical:?})", field.get_physical_type()),
        None if info.converted_type() != ConvertedType::NONE => {
            format!("{} ({})", field.get_physical_type(), info.converted_type())
        }
        None => field.get_physical_type().to_string(),
    }
}

fn refusal(column: &str, field: &Type, stored: Stored) -> Error {
    let (code, path) = (ErrorCode::WrongType, format!("column {column}"));
    let held = type_name(field);
    let message = match (column, stored) {
        ("price" | "cost", Stored::Float) => format!(
            "the {column} column holds floating-point numbers ({held}), which cannot hold money \
             exactly; store money as DECIMAL (such as decimal(18, 2)) or as strings"
        ),
        ("price" | "cost", Stored::Integer) => format!(
            "the {column} column holds integers ({held}), which could be whole units or minor \
             units; store money as DECIMAL (such as decimal(18, 2)) or as strings"
        ),
        ("price" | "cost", _) => {
            format!("the {column} column holds {held}; store money as DECIMAL or as strings")
        }
        ("date", _) => format!(
            "the date column holds {held}; store dates as DATE, timestamps or YYYY-MM-DD strings"
        ),
        ("quantity", _) => {
            format!("the quantity column holds {held}; store quantities as integers or strings")
        }
        ("group", _) => {
            format!("the group column holds {held}; store it as strings, participant or control")
        }
        _ => format!("the {column} column holds {held}; store it as strings or integers"),
    };
    Error::new(code, path, message)
}

fn unreadable(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::Unreadable,
        "",
        format!("cannot read {} as Parquet: {e}", path.display()),
    )
}

/// The rows of a Parquet file, each value given as text.
pub struct ParquetRows {
    header: csv::StringRecord,
    /// Our name and the storage of each column read, in the file's order.
    columns: Vec<(&'static str, Stored)>,
    rows: RowIter<'static>,
    /// The row last read, from 1.
    row: u64,
    total_rows: u64,
    file_bytes: u64,
    text: String,
}

impl ParquetRows {
    /// Opens `path`, refusing a file that is not Parquet, lacks a required column, stores one in
    /// a type it cannot be read from, or uses a compression this build does not read.
    pub fn open(path: &Path) -> Result<ParquetRows> {
        let file = open_file(path)?;
        let file_bytes = file.metadata().map_or(0, |m| m.len());
        let reader = survive(|| SerializedFileReader::new(file))
            .map_err(|e| unreadable(path, format!("it is damaged ({e})")))?
            .map_err(|e| unreadable(path, e))?;
        let metadata = reader.metadata();
        for group in metadata.row_groups() {
            for chunk in group.columns() {
                let codec = chunk.compression();
                if !matches!(
                    codec,
                    Compression::UNCOMPRESSED | Compression::SNAPPY | Compression::ZSTD(_)
                ) {
                    // `GZIP(GzipLevel(6))`: the name is enough.
                    let codec = codec.to_string();
                    let name = codec.split('(').next().unwrap_or_default();
                    return Err(unreadable(
                        path,
                        format!(
                            "it is compressed with {name}; write it with snappy (the default \
                             of pandas, pyarrow, Spark and DuckDB), zstd, or no compression"
                        ),
                    ));
                }
            }
        }
        let schema = metadata.file_metadata().schema();
        // Ours among the file's columns, in the file's order (the order rows come in).
        let mut columns = Vec::new();
        let mut projected: Vec<Arc<Type>> = Vec::new();
        for field in schema.get_fields() {
            let name = field.name().trim();
            let Some(ours) = COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(name)) else {
                continue;
            };
            if columns.iter().any(|(seen, _)| seen == ours) {
                return Err(Error::new(
                    ErrorCode::DuplicateId,
                    format!("column {ours}"),
                    format!("the file has two {ours} columns"),
                ));
            }
            let stored = stored(field);
            if !accepts(ours, stored) {
                return Err(refusal(ours, field, stored));
            }
            columns.push((*ours, stored));
            projected.push(field.clone());
        }
        for required in REQUIRED_COLUMNS {
            if !columns.iter().any(|(name, _)| *name == required) {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    format!("column {required}"),
                    format!("the file has no \"{required}\" column"),
                ));
            }
        }
        let header = projected.iter().map(|field| field.name()).collect();
        let projection = Type::group_type_builder(schema.name())
            .with_fields(projected)
            .build()
            .map_err(|e| unreadable(path, e))?;
        let total_rows = u64::try_from(metadata.file_metadata().num_rows()).unwrap_or(0);
        let rows = RowIter::from_file_into(Box::new(reader))
            .project(Some(projection))
            .map_err(|e| unreadable(path, e))?;
        Ok(ParquetRows {
            header,
            columns,
            rows,
            row: 0,
            total_rows,
            file_bytes,
            text: String::new(),
        })
    }

    /// The next row's values as text, or why one cannot be read.
    fn next_row(&mut self, mut push: impl FnMut(&str)) -> Result<Next> {
        // A page that does not decode leaves nothing to read after it.
        let damaged = |why: String| {
            let row = self.row + 1;
            Error::new(
                ErrorCode::Unreadable,
                format!("row {row}"),
                format!("the file cannot be read from row {row}: {why}"),
            )
        };
        let row = match survive(|| self.rows.next()) {
            Ok(None) => return Ok(Next::End),
            Ok(Some(Ok(row))) => row,
            Ok(Some(Err(e))) => return Err(damaged(e.to_string())),
            Err(panic) => return Err(damaged(format!("it is damaged ({panic})"))),
        };
        self.row += 1;
        let place = Place::Row(self.row);
        for ((name, stored), (_, value)) in self.columns.iter().zip(row.get_column_iter()) {
            self.text.clear();
            if let Err(reason) = as_text(value, *stored, &mut self.text) {
                return Ok(Next::Bad(Error::new(
                    ErrorCode::InvalidValue,
                    format!("{place}.{name}"),
                    format!("{place}: {name} {reason}"),
                )));
            }
            push(&self.text);
        }
        Ok(Next::Row)
    }
}

impl Rows for ParquetRows {
    fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    fn read(&mut self, record: &mut csv::StringRecord) -> Result<Next> {
        record.clear();
        self.next_row(|value| record.push_field(value))
    }

    fn read_bytes(&mut self, record: &mut csv::ByteRecord) -> Result<Next> {
        record.clear();
        self.next_row(|value| record.push_field(value.as_bytes()))
    }

    fn place(&self) -> Place {
        Place::Row(self.row)
    }

    /// The share of the rows read, as bytes of the file.
    fn progress(&self) -> u64 {
        let done = u128::from(self.row) * u128::from(self.file_bytes);
        let done = done / u128::from(self.total_rows.max(1));
        u64::try_from(done).unwrap_or(self.file_bytes)
    }
}

/// Runs a call into the parquet crate, which panics on some damaged files (an index past the
/// end of a buffer): that is a file that cannot be read, not a crash.
fn survive<T>(read: impl FnOnce() -> T) -> std::result::Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the reader stopped".into())
    })
}

/// Writes `value` as the CSV reader would read it, or says why it cannot be.
fn as_text(value: &Field, stored: Stored, text: &mut String) -> std::result::Result<(), String> {
    use std::fmt::Write;
    let day = |days: i64| -> std::result::Result<NaiveDate, String> {
        i32::try_from(days)
            .ok()
            .and_then(|days| days.checked_add(719_163))
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .ok_or_else(|| "is a date out of range".to_string())
    };
    let written = match value {
        Field::Null => Ok(()),
        Field::Str(s) => {
            text.push_str(s);
            Ok(())
        }
        Field::Bytes(bytes) => match std::str::from_utf8(bytes.data()) {
            Ok(s) => {
                text.push_str(s);
                Ok(())
            }
            Err(_) => return Err("is not UTF-8 text".into()),
        },
        Field::Long(ticks) => match stored {
            Stored::Timestamp { per_day } => write!(text, "{}", day(ticks.div_euclid(per_day))?),
            _ => write!(text, "{ticks}"),
        },
        Field::Byte(n) => write!(text, "{n}"),
        Field::Short(n) => write!(text, "{n}"),
        Field::Int(n) => write!(text, "{n}"),
        Field::UByte(n) => write!(text, "{n}"),
        Field::UShort(n) => write!(text, "{n}"),
        Field::UInt(n) => write!(text, "{n}"),
        Field::ULong(n) => write!(text, "{n}"),
        Field::Decimal(decimal) => match exact_decimal(decimal) {
            Some(decimal) => write!(text, "{decimal}"),
            None => return Err("is a decimal beyond 28 digits".into()),
        },
        Field::Date(days) => write!(text, "{}", day(i64::from(*days))?),
        Field::TimestampMillis(ms) => write!(text, "{}", day(ms.div_euclid(86_400_000))?),
        Field::TimestampMicros(us) => write!(text, "{}", day(us.div_euclid(86_400_000_000))?),
        // The schema was checked: nothing else reaches here.
        other => return Err(format!("holds an unexpected value {other}")),
    };
    written.map_err(|e| e.to_string())
}

/// A Parquet DECIMAL (a big-endian two's-complement integer and a scale) as an exact decimal,
/// when it fits rust_decimal's 96 bits and 28 decimals.
fn exact_decimal(decimal: &parquet::data_type::Decimal) -> Option<rust_decimal::Decimal> {
    let bytes = decimal.data();
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let fill = if negative { 0xFF } else { 0x00 };
    // Bytes beyond 16 may only repeat the sign.
    let start = bytes.len().saturating_sub(16);
    let (extension, value) = bytes.split_at(start);
    if extension.iter().any(|&b| b != fill)
        || value.first().is_some_and(|b| (b & 0x80 != 0) != negative)
    {
        return None;
    }
    let mut wide = [fill; 16];
    wide[16 - value.len()..].copy_from_slice(value);
    let scale = u32::try_from(decimal.scale()).ok()?;
    rust_decimal::Decimal::try_from_i128_with_scale(i128::from_be_bytes(wide), scale).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_convert_exactly_or_not_at_all() {
        let of = |bytes: &[u8], scale| {
            exact_decimal(&parquet::data_type::Decimal::from_bytes(
                bytes.to_vec().into(),
                38,
                scale,
            ))
            .map(|d| d.to_string())
        };
        assert_eq!(of(&1250i64.to_be_bytes(), 2).as_deref(), Some("12.50"));
        assert_eq!(of(&(-5i32).to_be_bytes(), 2).as_deref(), Some("-0.05"));
        assert_eq!(of(&[0xFF; 20], 0).as_deref(), Some("-1"));
        assert_eq!(of(&[], 0).as_deref(), Some("0"));
        // 2^120 is beyond 96 bits; a sign byte that disagrees is not a sign extension.
        assert_eq!(of(&(1i128 << 120).to_be_bytes(), 0), None);
        assert_eq!(
            of(&[0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0),
            None
        );
        assert_eq!(of(&1i64.to_be_bytes(), 29), None);
    }
}
