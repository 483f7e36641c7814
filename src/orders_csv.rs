//! Reading a seller's order history as CSV, one row per order line, for the simulation
//! (feature `cli`). Columns: customer, date, sku, category, price, quantity, cost, and an optional
//! group (`participant`, the default, or `control`). Consecutive rows of one customer on one date
//! form one order.

use crate::cart::Line;
use crate::error::{Error, ErrorCode, Result};
use crate::program::Program;
use crate::projection::Redeem;
use crate::simulate::{Group, Report, Simulator};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::io::Read;

/// What to do with a malformed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBadRow {
    /// Stop with an error naming the row's line.
    Stop,
    /// Leave the row out, and list it in the output.
    Skip,
}

/// The most bad rows listed one by one; all are counted.
pub const BAD_ROWS_LISTED: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Simulation {
    pub rows: u64,
    pub bad_rows: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bad_row_list: Vec<BadRow>,
    #[serde(flatten)]
    pub report: Report,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BadRow {
    pub line: u64,
    pub message: String,
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
    line: u64,
) -> Result<&'a str> {
    index
        .and_then(|i| record.get(i))
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorCode::MissingField,
                format!("line {line}.{name}"),
                format!("line {line} has no {name}"),
            )
        })
}

fn parse_row(record: &csv::StringRecord, columns: &Columns, line: u64) -> Result<Row> {
    let bad = |name: &str, value: &str, expected: &str| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("line {line}.{name}"),
            format!("line {line}: {name} \"{value}\" is not {expected}"),
        )
    };
    let decimal = |name: &str, index| -> Result<Decimal> {
        let value = field(record, index, name, line)?;
        value
            .parse::<Decimal>()
            .map_err(|_| bad(name, value, "a decimal number"))
    };
    let date_text = field(record, columns.date, "date", line)?;
    let quantity_text = field(record, columns.quantity, "quantity", line)?;
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
        customer: field(record, columns.customer, "customer", line)?.to_string(),
        date: crate::json::parse_date(date_text)
            .ok_or_else(|| bad("date", date_text, "a YYYY-MM-DD date"))?,
        group,
        line: Line {
            sku: field(record, columns.sku, "sku", line)?.to_string(),
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

/// Replays the CSV through `program`. `progress` is told how many bytes have been read.
pub fn simulate(
    input: impl Read,
    program: Program,
    redeem: Redeem,
    on_bad_row: OnBadRow,
    mut progress: impl FnMut(u64),
) -> Result<Simulation> {
    let mut simulator = Simulator::new(program, redeem)?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| {
            Error::new(
                ErrorCode::InvalidValue,
                "line 1",
                format!("the header row cannot be read: {e}"),
            )
        })?
        .clone();
    let find = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
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
    for (name, index) in [
        ("customer", columns.customer),
        ("date", columns.date),
        ("sku", columns.sku),
        ("price", columns.price),
        ("quantity", columns.quantity),
    ] {
        if index.is_none() {
            return Err(Error::new(
                ErrorCode::MissingField,
                "line 1",
                format!("the header row has no \"{name}\" column"),
            ));
        }
    }
    let mut simulation = Simulation {
        rows: 0,
        bad_rows: 0,
        bad_row_list: Vec::new(),
        report: Report::default(),
    };
    let mut pending: Option<PendingOrder> = None;
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        let more = match reader.read_record(&mut record) {
            Ok(more) => more,
            Err(e) => {
                let error = Error::new(
                    ErrorCode::InvalidValue,
                    format!("line {line}"),
                    format!("line {line} is not valid CSV: {e}"),
                );
                skip_or_stop(&mut simulation, on_bad_row, error, line)?;
                continue;
            }
        };
        if !more {
            break;
        }
        simulation.rows += 1;
        if simulation.rows % 65_536 == 0 {
            progress(reader.position().byte());
        }
        let row = match parse_row(&record, &columns, line) {
            Ok(row) => row,
            Err(error) => {
                skip_or_stop(&mut simulation, on_bad_row, error, line)?;
                continue;
            }
        };
        match &mut pending {
            Some(order) if order.customer == row.customer && order.date == row.date => {
                order.lines.push(row.line)
            }
            _ => {
                let next = PendingOrder {
                    customer: row.customer,
                    date: row.date,
                    group: row.group,
                    lines: vec![row.line],
                    first_line: line,
                };
                place(
                    &mut simulator,
                    &mut simulation,
                    on_bad_row,
                    pending.replace(next),
                )?;
            }
        }
    }
    place(&mut simulator, &mut simulation, on_bad_row, pending.take())?;
    progress(reader.position().byte());
    simulation.report = simulator.finish();
    Ok(simulation)
}

/// The rows of one order, gathered until a row of another order arrives.
struct PendingOrder {
    customer: String,
    date: NaiveDate,
    group: Group,
    lines: Vec<Line>,
    first_line: u64,
}

fn place(
    simulator: &mut Simulator,
    simulation: &mut Simulation,
    on_bad_row: OnBadRow,
    order: Option<PendingOrder>,
) -> Result<()> {
    let Some(order) = order else { return Ok(()) };
    match simulator.order(
        &order.customer,
        order.group,
        order.date,
        order.lines,
        order.first_line,
    ) {
        Ok(()) => Ok(()),
        Err(error) if error.code == ErrorCode::DatesOutOfOrder => Err(error),
        Err(error) => skip_or_stop(simulation, on_bad_row, error, order.first_line),
    }
}

fn skip_or_stop(
    simulation: &mut Simulation,
    on_bad_row: OnBadRow,
    error: Error,
    line: u64,
) -> Result<()> {
    match on_bad_row {
        OnBadRow::Stop => Err(error),
        OnBadRow::Skip => {
            simulation.bad_rows += 1;
            if simulation.bad_row_list.len() < BAD_ROWS_LISTED {
                simulation.bad_row_list.push(BadRow {
                    line,
                    message: error.message,
                });
            }
            Ok(())
        }
    }
}
