//! What a simulation of a history reports: the simulator's figures with the rows read and the bad
//! rows, and on a partition's report what merging needs (see `merge`).

use crate::analytics::simulate::Report;
use crate::history::rows::Place;
use rust_decimal::Decimal;
use serde::Serialize;

/// The most bad rows listed one by one; all are counted.
pub const BAD_ROWS_LISTED: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Simulation {
    pub rows: u64,
    pub bad_rows: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bad_row_list: Vec<BadRow>,
    #[serde(flatten)]
    pub report: Report,
    /// On a partial report: which partitions it holds, and what merging needs to work out the
    /// figures that are not sums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<PartitionReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartitionReport {
    /// The partitions held, from 1.
    pub parts: Vec<u32>,
    pub of: u32,
    pub minor_units: u32,
    pub rounding: crate::money::Rounding,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_per_point: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BadRow {
    /// `"line": 3` in a CSV file, `"row": 2` in a Parquet file.
    #[serde(flatten)]
    pub place: Place,
    pub message: String,
}
