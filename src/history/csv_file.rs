//! Reading a seller's order history as CSV, one row per order line, for the simulation
//! (feature `cli`). Columns: customer, date, sku, category, price, quantity, cost, and an optional
//! group (`participant`, the default, or `control`). Consecutive rows of one customer on one date
//! form one order. A Parquet file ([`crate::history::parquet_file`]) gives its rows as the same text
//! fields ([`Rows`]), so both formats share the checks, the sequencing and the bad-row policy.
//!
//! The history is read twice: a first pass finds its first and last months and how it is
//! sequenced (by date, or grouped by customer in ascending order of id with dates ascending
//! within), the second replays it. A run may take one partition of the customers: those whose
//! id's FNV-1a 64-bit hash, modulo N, is K − 1 (`--partition K/N`); the reports of all N
//! partitions merge into the whole run's ([`crate::history::merge`]).

use crate::analytics::projection::Redeem;
use crate::analytics::simulate::{Group, Report, Sequence, Simulator};
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::Line;
use crate::format::program::Program;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::io::Read;
use std::sync::mpsc::SyncSender;

pub use super::report::{BadRow, PartitionReport, Simulation, BAD_ROWS_LISTED};
use super::rows::open_file;
pub use super::rows::{Next, Place, Rows, COLUMNS, REQUIRED_COLUMNS};

/// What to do with a malformed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBadRow {
    /// Stop with an error naming the row's line.
    Stop,
    /// Leave the row out, and list it in the output.
    Skip,
}

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

/// The rows of CSV text whose first line names the columns.
pub struct CsvRows<'a> {
    reader: csv::Reader<Box<dyn Read + 'a>>,
    header: csv::StringRecord,
    line: u64,
}

impl<'a> CsvRows<'a> {
    pub fn new(text: Box<dyn Read + 'a>) -> Result<Self> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text);
        let header = reader
            .headers()
            .map_err(|e| {
                Error::new(
                    ErrorCode::InvalidValue,
                    "line 1",
                    format!("the header row cannot be read: {e}"),
                )
            })?
            .clone();
        Ok(CsvRows {
            reader,
            header,
            line: 1,
        })
    }

    fn next(&mut self, read: csv::Result<bool>) -> Next {
        match read {
            Ok(true) => Next::Row,
            Ok(false) => Next::End,
            Err(e) => Next::Bad(Error::new(
                ErrorCode::InvalidValue,
                format!("line {}", self.line),
                format!("line {} is not valid CSV: {e}", self.line),
            )),
        }
    }
}

impl Rows for CsvRows<'_> {
    fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    fn read(&mut self, record: &mut csv::StringRecord) -> Result<Next> {
        self.line = self.reader.position().line();
        let read = self.reader.read_record(record);
        Ok(self.next(read))
    }

    fn read_bytes(&mut self, record: &mut csv::ByteRecord) -> Result<Next> {
        self.line = self.reader.position().line();
        let read = self.reader.read_byte_record(record);
        Ok(self.next(read))
    }

    fn place(&self) -> Place {
        Place::Line(self.line)
    }

    fn progress(&self) -> u64 {
        self.reader.position().byte()
    }
}

/// What the first pass learns: the history's months and how its orders are sequenced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub sequence: Sequence,
    pub span: Option<(NaiveDate, NaiveDate)>,
}

/// The first pass: the first and last months, and the sequence (`wanted`, or the one the rows
/// follow: by date first, then by customer). Rows that do not read are left to the second pass.
pub fn plan(source: &(impl Source + ?Sized), wanted: Option<Sequence>) -> Result<Plan> {
    let mut rows = source.rows()?;
    let (customer_at, date_at) = (find(rows.header(), "customer"), find(rows.header(), "date"));
    let mut span: Option<(NaiveDate, NaiveDate)> = None;
    // The first row each sequence breaks at.
    let (mut not_by_date, mut not_by_customer): (Option<(Place, NaiveDate)>, Option<Place>) =
        (None, None);
    // Raw bytes, and the last id and date kept in buffers: this pass only compares them.
    let (mut last_date, mut last_id) = (None::<NaiveDate>, Vec::<u8>::new());
    let mut last_date_text = Vec::<u8>::new();
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
        // Rows of one day follow each other: the date is read once for them.
        let date = match last_date {
            Some(date) if last_date_text == date_text => date,
            _ => match std::str::from_utf8(date_text)
                .ok()
                .and_then(crate::format::json::parse_date)
            {
                Some(date) => {
                    last_date_text.clear();
                    last_date_text.extend_from_slice(date_text);
                    date
                }
                None => continue,
            },
        };
        if id.is_empty() {
            continue;
        }
        let month =
            crate::rules::periods::period_start(crate::format::program::Period::Month, date);
        span = Some(span.map_or((month, month), |(first, last)| {
            (first.min(month), last.max(month))
        }));
        let went_back = last_date.is_some_and(|last| date < last);
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
        last_date = Some(date);
    }
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
fn find(header: &csv::StringRecord, name: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

struct Row {
    customer: String,
    date: NaiveDate,
    group: Group,
    line: Line,
}

fn field<'a>(
    record: &'a csv::StringRecord,
    index: Option<usize>,
    name: &str,
    place: Place,
) -> Result<&'a str> {
    index
        .and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorCode::MissingField,
                format!("{place}.{name}"),
                format!("{place} has no {name}"),
            )
        })
}

fn parse_row(record: &csv::StringRecord, columns: &Columns, place: Place) -> Result<Row> {
    let bad = |name: &str, value: &str, expected: &str| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("{place}.{name}"),
            format!("{place}: {name} \"{value}\" is not {expected}"),
        )
    };
    let decimal = |name: &str, index| -> Result<Decimal> {
        let value = field(record, index, name, place)?;
        value
            .parse::<Decimal>()
            .map_err(|_| bad(name, value, "a decimal number"))
    };
    let date_text = field(record, columns.date, "date", place)?;
    let quantity_text = field(record, columns.quantity, "quantity", place)?;
    let group = match columns
        .group
        .and_then(|i| record.get(i))
        .map(str::trim)
        .unwrap_or("")
    {
        "" | "participant" => Group::Participant,
        "control" => Group::Control,
        other => return Err(bad("group", other, "participant or control")),
    };
    Ok(Row {
        customer: field(record, columns.customer, "customer", place)?.to_string(),
        date: crate::format::json::parse_date(date_text)
            .ok_or_else(|| bad("date", date_text, "a YYYY-MM-DD date"))?,
        group,
        line: Line {
            sku: field(record, columns.sku, "sku", place)?.to_string(),
            category: columns
                .category
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_string(),
            unit_price: decimal("price", columns.price)?,
            quantity: quantity_text
                .parse()
                .map_err(|_| bad("quantity", quantity_text, "a whole number"))?,
            unit_cost: match columns
                .cost
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
            {
                Some(_) => Some(decimal("cost", columns.cost)?),
                None => None,
            },
            promotional: false,
            attributes: Default::default(),
        },
    })
}

struct Columns {
    customer: Option<usize>,
    date: Option<usize>,
    sku: Option<usize>,
    category: Option<usize>,
    price: Option<usize>,
    quantity: Option<usize>,
    cost: Option<usize>,
    group: Option<usize>,
}

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
    let mut record = csv::StringRecord::new();
    loop {
        match rows.read(&mut record)? {
            Next::Row => {}
            Next::End => break,
            Next::Bad(error) => {
                // A row that does not read has no customer: the first partition takes it.
                if partition.is_none_or(|p| p.part == 1) {
                    replay.bad(error, rows.place())?;
                }
                continue;
            }
        }
        if partition.is_some_and(|p| !p.holds(replay.customer(&record))) {
            continue;
        }
        replay.row(&record, rows.place())?;
        if replay.simulation.rows % 65_536 == 0 {
            progress(rows.progress());
        }
    }
    progress(rows.progress());
    replay.finish()
}

/// Rows handed to a thread of [`simulate_in_threads`] at a time: few enough to keep every thread
/// busy, many enough that handing them over costs little. The threads give the batches back, so
/// that their records' buffers are read into again rather than allocated for every row.
const BATCH: usize = 2048;

#[derive(Default)]
struct Batch {
    /// Each row, where it is, and the error of a row that does not read; the first `len` count.
    rows: Vec<(csv::StringRecord, Place, Option<Error>)>,
    len: usize,
}

impl Batch {
    /// Adds a row, swapping `record` for the buffer it takes the place of.
    fn push(&mut self, record: &mut csv::StringRecord, place: Place, error: Option<Error>) {
        if self.len == self.rows.len() {
            self.rows
                .push((csv::StringRecord::new(), Place::Line(0), None));
        }
        let slot = &mut self.rows[self.len];
        std::mem::swap(&mut slot.0, record);
        (slot.1, slot.2) = (place, error);
        self.len += 1;
    }
}

/// The second pass in `jobs` threads, each replaying one partition of the customers, merged at
/// the end into the whole run's report. One reader (this thread) reads the history once and
/// hands each thread the rows of its customers.
pub fn simulate_in_threads(
    source: &(impl Source + Sync + ?Sized),
    program: &Program,
    redeem: Redeem,
    on_bad_row: OnBadRow,
    plan: Plan,
    jobs: u32,
    mut progress: impl FnMut(u64) + Send,
) -> Result<Simulation> {
    let of = jobs.max(1);
    let mut rows = source.rows()?;
    std::thread::scope(|scope| {
        let (give_back, given_back) = std::sync::mpsc::channel::<Batch>();
        let mut senders = Vec::new();
        let mut runs = Vec::new();
        for part in 1..=of {
            let partition = Some(Partition { part, of });
            let mut replay = Replay::new(
                rows.header(),
                program.clone(),
                redeem,
                on_bad_row,
                plan,
                partition,
            )?;
            let (sender, handed) = std::sync::mpsc::sync_channel::<Batch>(4);
            senders.push(Some(sender));
            let give_back = give_back.clone();
            runs.push(scope.spawn(move || {
                for mut batch in handed {
                    for (record, place, error) in &mut batch.rows[..batch.len] {
                        match error.take() {
                            None => replay.row(record, *place)?,
                            Some(error) => replay.bad(error, *place)?,
                        }
                    }
                    batch.len = 0;
                    // The reader may be done: then the batch is dropped.
                    let _ = give_back.send(batch);
                }
                replay.finish()
            }));
        }
        let customer = find(rows.header(), "customer");
        let mut filling: Vec<Batch> = (0..of).map(|_| Batch::default()).collect();
        let mut record = csv::StringRecord::new();
        let mut read: u64 = 0;
        loop {
            let (at, error) = match rows.read(&mut record)? {
                Next::Row => {
                    let id = customer.and_then(|at| record.get(at)).unwrap_or("");
                    (partition_of(id, of) as usize - 1, None)
                }
                Next::End => break,
                // A row that does not read has no customer: the first partition takes it.
                Next::Bad(error) => (0, Some(error)),
            };
            filling[at].push(&mut record, rows.place(), error);
            if filling[at].len == BATCH {
                let next = given_back.try_recv().unwrap_or_default();
                hand(&mut senders, at, std::mem::replace(&mut filling[at], next));
            }
            read += 1;
            if read % 65_536 == 0 {
                progress(rows.progress());
            }
        }
        for (at, batch) in filling.into_iter().enumerate() {
            hand(&mut senders, at, batch);
        }
        drop(senders);
        progress(rows.progress());
        let reports = runs
            .into_iter()
            .map(|run| {
                run.join().unwrap_or_else(|_| {
                    Err(Error::new(
                        ErrorCode::Unreadable,
                        "",
                        "a thread replaying orders stopped",
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        crate::history::merge::merge(reports)
    })
}

/// Hands `batch` to thread `at`. A thread that stopped at a bad row takes no more; the others
/// read on, as each would have alone.
fn hand(senders: &mut [Option<SyncSender<Batch>>], at: usize, batch: Batch) {
    if let Some(sender) = &senders[at] {
        if sender.send(batch).is_err() {
            senders[at] = None;
        }
    }
}

/// One partition's replay (or the whole history's), fed one row at a time.
struct Replay {
    simulator: Simulator,
    simulation: Simulation,
    columns: Columns,
    on_bad_row: OnBadRow,
    /// The order whose rows are being gathered.
    pending: Option<PendingOrder>,
}

impl Replay {
    fn new(
        header: &csv::StringRecord,
        program: Program,
        redeem: Redeem,
        on_bad_row: OnBadRow,
        plan: Plan,
        partition: Option<Partition>,
    ) -> Result<Replay> {
        let partition_report = partition.map(|p| PartitionReport {
            parts: vec![p.part],
            of: p.of,
            minor_units: program.money().minor_units,
            rounding: program.rounding,
            value_per_point: program.points.as_ref().map(|points| points.value_per_point),
        });
        let simulator = Simulator::with(program, redeem, plan.sequence, plan.span)?;
        let find = |name: &str| find(header, name);
        let columns = Columns {
            customer: find("customer"),
            date: find("date"),
            sku: find("sku"),
            category: find("category"),
            price: find("price"),
            quantity: find("quantity"),
            cost: find("cost"),
            group: find("group"),
        };
        for name in REQUIRED_COLUMNS {
            if find(name).is_none() {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    "line 1",
                    format!("the header row has no \"{name}\" column"),
                ));
            }
        }
        Ok(Replay {
            simulator,
            simulation: Simulation {
                rows: 0,
                bad_rows: 0,
                bad_row_list: Vec::new(),
                report: Report::default(),
                partition: partition_report,
            },
            columns,
            on_bad_row,
            pending: None,
        })
    }

    /// The row's customer id, as read.
    fn customer<'r>(&self, record: &'r csv::StringRecord) -> &'r str {
        self.columns
            .customer
            .and_then(|at| record.get(at))
            .unwrap_or("")
    }

    /// A row of this replay's customers, at `line`.
    fn row(&mut self, record: &csv::StringRecord, line: Place) -> Result<()> {
        self.simulation.rows += 1;
        let row = match parse_row(record, &self.columns, line) {
            Ok(row) => row,
            Err(error) => return self.bad(error, line),
        };
        match &mut self.pending {
            Some(order) if order.customer == row.customer && order.date == row.date => {
                order.lines.push(row.line);
                Ok(())
            }
            _ => {
                let next = PendingOrder {
                    customer: row.customer,
                    date: row.date,
                    group: row.group,
                    lines: vec![row.line],
                    first_line: line,
                };
                let done = self.pending.replace(next);
                place(
                    &mut self.simulator,
                    &mut self.simulation,
                    self.on_bad_row,
                    done,
                )
            }
        }
    }

    /// A row that does not read, or whose fields are not valid.
    fn bad(&mut self, error: Error, place: Place) -> Result<()> {
        skip_or_stop(&mut self.simulation, self.on_bad_row, error, place)
    }

    fn finish(mut self) -> Result<Simulation> {
        let last = self.pending.take();
        place(
            &mut self.simulator,
            &mut self.simulation,
            self.on_bad_row,
            last,
        )?;
        self.simulation.report = self.simulator.finish();
        Ok(self.simulation)
    }
}

/// The rows of one order, gathered until a row of another order arrives.
struct PendingOrder {
    customer: String,
    date: NaiveDate,
    group: Group,
    lines: Vec<Line>,
    first_line: Place,
}

fn place(
    simulator: &mut Simulator,
    simulation: &mut Simulation,
    on_bad_row: OnBadRow,
    order: Option<PendingOrder>,
) -> Result<()> {
    let Some(order) = order else { return Ok(()) };
    let placed = simulator
        .order(
            &order.customer,
            order.group,
            order.date,
            order.lines,
            order.first_line.number(),
        )
        .map_err(|error| order.first_line.named_in(error));
    match placed {
        Ok(()) => Ok(()),
        Err(error) if error.code == ErrorCode::DatesOutOfOrder => Err(error),
        Err(error) => skip_or_stop(simulation, on_bad_row, error, order.first_line),
    }
}

fn skip_or_stop(
    simulation: &mut Simulation,
    on_bad_row: OnBadRow,
    error: Error,
    place: Place,
) -> Result<()> {
    match on_bad_row {
        OnBadRow::Stop => Err(error),
        OnBadRow::Skip => {
            simulation.bad_rows += 1;
            if simulation.bad_row_list.len() < BAD_ROWS_LISTED {
                simulation.bad_row_list.push(BadRow {
                    place,
                    message: error.message,
                });
            }
            Ok(())
        }
    }
}
