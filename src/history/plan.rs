//! The first pass over a history: its first and last months, and how its orders are sequenced
//! (by date, or grouped by customer in ascending order of id with dates ascending within).

use super::fields::LastDate;
use super::rows::{Next, Place};
use super::source::Source;
use crate::analytics::simulate::Sequence;
use crate::error::{Error, ErrorCode, Result};
use chrono::NaiveDate;

/// What the first pass learns: the history's months and how its orders are sequenced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub sequence: Sequence,
    pub span: Option<(NaiveDate, NaiveDate)>,
}

/// What reading a history's dates tells: its first and last months, and the last date read.
#[derive(Default)]
pub(super) struct Dates {
    pub(super) span: Option<(NaiveDate, NaiveDate)>,
    last: Option<NaiveDate>,
    read: LastDate,
}

impl Dates {
    /// A row's customer id and date, trimmed: its date, and whether it comes before the last
    /// date seen. A row without an id or a date is not seen (`None`).
    pub(super) fn see(&mut self, id: &[u8], date_text: &[u8]) -> Option<(NaiveDate, bool)> {
        let date = self.read.read(date_text)?;
        if id.is_empty() {
            return None;
        }
        let month =
            crate::rules::periods::period_start(crate::format::program::Period::Month, date);
        self.span = Some(self.span.map_or((month, month), |(first, last)| {
            (first.min(month), last.max(month))
        }));
        let went_back = self.last.is_some_and(|last| date < last);
        self.last = Some(date);
        Some((date, went_back))
    }
}

/// The first pass: the first and last months, and the sequence (`wanted`, or the one the rows
/// follow: by date first, then by customer). Rows that do not read are left to the second pass.
pub fn plan(source: &(impl Source + ?Sized), wanted: Option<Sequence>) -> Result<Plan> {
    let mut rows = source.rows()?;
    let (customer_at, date_at) = (find(rows.header(), "customer"), find(rows.header(), "date"));
    let mut dates = Dates::default();
    // The first row each sequence breaks at.
    let (mut not_by_date, mut not_by_customer): (Option<(Place, NaiveDate)>, Option<Place>) =
        (None, None);
    // Raw bytes, and the last id kept in a buffer: this pass only compares them.
    let mut last_id = Vec::<u8>::new();
    // Ids ascend as numbers (all digits) or as text; either will do.
    let (mut as_numbers, mut as_text) = (true, true);
    let mut record = csv::ByteRecord::new();
    loop {
        match rows.read_bytes(&mut record)? {
            Next::Row => {}
            Next::End => break,
            Next::Bad(_) => continue,
        }
        let line = rows.place();
        let field = |at: Option<usize>| at.and_then(|i| record.get(i)).map(<[u8]>::trim_ascii);
        let (Some(id), Some(date_text)) = (field(customer_at), field(date_at)) else {
            continue;
        };
        let Some((date, went_back)) = dates.see(id, date_text) else {
            continue;
        };
        if not_by_date.is_none() && went_back {
            not_by_date = Some((line, date));
        }
        let same_customer = last_id == id;
        if not_by_customer.is_none() && !last_id.is_empty() {
            if same_customer && went_back {
                // One customer's dates ascend.
                not_by_customer = Some(line);
            } else if !same_customer {
                let previous = &last_id[..];
                let digits = |t: &[u8]| t.iter().all(u8::is_ascii_digit);
                as_numbers &=
                    digits(previous) && digits(id) && (previous.len(), previous) < (id.len(), id);
                as_text &= previous < id;
                if !as_numbers && !as_text {
                    not_by_customer = Some(line);
                }
            }
        }
        if !same_customer {
            last_id.clear();
            last_id.extend_from_slice(id);
        }
    }
    let span = dates.span;
    let sequence = match (wanted, not_by_date, not_by_customer) {
        (Some(Sequence::ByCustomer), _, Some(line)) => {
            return Err(Error::new(
                ErrorCode::DatesOutOfOrder,
                line.to_string(),
                "the orders are not grouped by customer in ascending order of id, with each \
                 customer's dates ascending; sort them by customer, then by date",
            ))
        }
        // Partitions would each be in order: the whole history must be.
        (Some(Sequence::ByDate), Some((line, date)), _) => {
            return Err(Error::new(
                ErrorCode::DatesOutOfOrder,
                line.to_string(),
                format!("{date} comes before orders already read; sort the orders by date"),
            ))
        }
        (Some(wanted), _, _) => wanted,
        (None, None, _) => Sequence::ByDate,
        (None, Some(_), None) => Sequence::ByCustomer,
        (None, Some((by_date, _)), Some(by_customer)) => {
            return Err(Error::new(
                ErrorCode::DatesOutOfOrder,
                by_date.max(by_customer).to_string(),
                "the orders are neither sorted by date nor grouped by customer (in ascending \
                 order of id, with each customer's dates ascending); sort them by date, or by \
                 customer and then by date",
            ))
        }
    };
    Ok(Plan { sequence, span })
}

/// Where the column `name` is in `header`.
pub(super) fn find(header: &csv::StringRecord, name: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}
