//! Where a history's rows come from (CSV text, a CSV file, gzipped or not, or a Parquet file),
//! and the partitions of its customers that runs may take.

use super::csv_rows::CsvRows;
use super::rows::{open_file, Rows};
use crate::error::{Error, ErrorCode, Result};
use std::io::Read;

/// One partition of the customers: `part` (from 1) of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partition {
    pub part: u32,
    pub of: u32,
}

impl Partition {
    /// Reads `K/N`, 1 ≤ K ≤ N ≤ 10,000.
    pub fn parse(text: &str) -> Result<Partition> {
        let parsed = text
            .split_once('/')
            .and_then(|(k, n)| Some((k.parse::<u32>().ok()?, n.parse::<u32>().ok()?)));
        match parsed {
            Some((part, of)) if (1..=of).contains(&part) && of <= 10_000 => {
                Ok(Partition { part, of })
            }
            _ => Err(Error::new(
                ErrorCode::InvalidValue,
                "partition",
                format!("\"{text}\" is not K/N with 1 ≤ K ≤ N ≤ 10000, such as 2/4"),
            )),
        }
    }

    /// Whether the customer `id` (trimmed) falls in this partition.
    pub fn holds(&self, id: &str) -> bool {
        partition_of(id, self.of) == self.part
    }
}

/// The partition (from 1) of `of` that a customer id falls in: FNV-1a 64 of its bytes, modulo
/// `of`, plus one. Stable across machines and versions.
pub fn partition_of(id: &str, of: u32) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.trim().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash % u64::from(of.max(1))) as u32 + 1
}

/// Where the orders come from: read once to plan, once to replay.
pub trait Source {
    /// The history's rows, from the first.
    fn rows(&self) -> Result<Box<dyn Rows + '_>>;
}

/// CSV text.
impl Source for [u8] {
    fn rows(&self) -> Result<Box<dyn Rows + '_>> {
        Ok(Box::new(CsvRows::new(Box::new(self))?))
    }
}

/// A file: Parquet by its extension `.parquet`, else CSV, gzipped when it ends in `.gz`.
impl Source for std::path::Path {
    fn rows(&self) -> Result<Box<dyn Rows + '_>> {
        let extension_is = |wanted: &str| {
            self.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(wanted))
        };
        #[cfg(feature = "parquet")]
        if extension_is("parquet") {
            return Ok(Box::new(crate::history::parquet_file::ParquetRows::open(
                self,
            )?));
        }
        let file = std::io::BufReader::with_capacity(1 << 20, open_file(self)?);
        // A compressed history is read as it is decompressed.
        let text: Box<dyn Read> = match extension_is("gz") {
            true => Box::new(std::io::BufReader::with_capacity(
                1 << 20,
                flate2::read::MultiGzDecoder::new(file),
            )),
            false => Box::new(file),
        };
        Ok(Box::new(CsvRows::new(text)?))
    }
}
