//! Reading a seller's order history as CSV, one row per order line, for the simulation
//! (feature `cli`). Columns: customer, date, sku, category, price, quantity, cost, and an optional
//! group (`participant`, the default, or `control`). Consecutive rows of one customer on one date
//! form one order. A Parquet file ([`crate::history::parquet_file`]) gives its rows as the same text
//! fields ([`Rows`]), so both formats share the checks, the sequencing and the bad-row policy.
//!
//! A history sorted by date is replayed as it is read. Otherwise, and for a partition, a first
//! pass ([`plan`]) finds its first and last months and how it is sequenced, and the second
//! replays it (`history::replay`). A run may take one partition of the customers: those
//! whose id's FNV-1a 64-bit hash, modulo N, is K − 1 (`--partition K/N`); the reports of all N
//! partitions merge into the whole run's ([`crate::history::merge`]), as the threads of
//! `history::threads` do.

use crate::analytics::projection::Redeem;
use crate::analytics::simulate::Sequence;
use crate::error::{ErrorCode, Result};
use crate::format::program::Program;

pub use super::csv_rows::CsvRows;
pub use super::plan::{plan, Plan};
pub use super::replay::OnBadRow;
use super::replay::Replay;
pub use super::report::{BadRow, PartitionReport, Simulation, BAD_ROWS_LISTED};
pub use super::rows::{Fetched, Fields, Next, Place, PlainLine, Rows, COLUMNS, REQUIRED_COLUMNS};
pub use super::source::{partition_of, Partition, Source};
pub use super::threads::{partitions_for, simulate_in_threads};

/// Replays the CSV through `program`, in the sequence its rows follow. `progress` is told how
/// many bytes have been read.
pub fn simulate(
    source: &(impl Source + ?Sized),
    program: Program,
    redeem: Redeem,
    on_bad_row: OnBadRow,
    mut progress: impl FnMut(u64),
) -> Result<Simulation> {
    // Most histories come by date: one pass, and the first pass only when they do not.
    let by_date = Plan {
        sequence: Sequence::ByDate,
        span: None,
    };
    let first = simulate_planned(
        source,
        program.clone(),
        redeem,
        on_bad_row,
        by_date,
        None,
        &mut progress,
    );
    match first {
        Err(error) if error.code == ErrorCode::DatesOutOfOrder => {
            let plan = plan(source, None)?;
            simulate_planned(source, program, redeem, on_bad_row, plan, None, progress)
        }
        done => done,
    }
}

/// The second pass: replays the rows of `partition`'s customers (all, without one) as `plan`
/// says.
pub fn simulate_planned(
    source: &(impl Source + ?Sized),
    program: Program,
    redeem: Redeem,
    on_bad_row: OnBadRow,
    plan: Plan,
    partition: Option<Partition>,
    mut progress: impl FnMut(u64),
) -> Result<Simulation> {
    let mut rows = source.rows()?;
    let mut replay = Replay::new(rows.header(), program, redeem, on_bad_row, plan, partition)?;
    let (mut record, mut plain) = (csv::StringRecord::new(), PlainLine::default());
    let mut read: u64 = 0;
    loop {
        match rows.read_plain(&mut plain, &mut record)? {
            Fetched::Plain => replay.row_of(partition, &plain, rows.place())?,
            Fetched::Other(Next::Row) => replay.row_of(partition, &record, rows.place())?,
            Fetched::Other(Next::End) => break,
            Fetched::Other(Next::Bad(error)) => {
                // A row that does not read has no customer: the first partition takes it.
                if partition.is_none_or(|p| p.part == 1) {
                    replay.bad(error, rows.place())?;
                }
                continue;
            }
        }
        read += 1;
        if read % 65_536 == 0 {
            progress(rows.progress());
        }
    }
    progress(rows.progress());
    replay.finish()
}
