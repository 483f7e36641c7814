//! A seller's order history read for the simulation: CSV and Parquet rows through one reader,
//! and partial reports merged.

pub mod csv_file;
pub mod merge;
#[cfg(feature = "parquet")]
pub mod parquet_file;
pub mod report;
pub mod rows;
