//! A seller's order history read for the simulation: CSV and Parquet rows through one reader,
//! and partial reports merged.

pub mod csv_file;
mod csv_rows;
mod fields;
pub mod merge;
#[cfg(feature = "parquet")]
pub mod parquet_file;
mod plan;
mod replay;
pub mod report;
pub mod rows;
mod source;
mod threads;
