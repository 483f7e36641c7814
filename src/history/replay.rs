//! One partition's replay of a history (or the whole history's), fed one row at a time: each
//! row read into the pricer's terms (plainly written fields straight into minor units, others in
//! full, which words every error), gathered into orders and booked.

use super::fields;
use super::plan::{find, Plan};
use super::report::{BadRow, PartitionReport, Simulation, BAD_ROWS_LISTED};
use super::rows::{Fields, Place, REQUIRED_COLUMNS};
use super::source::Partition;
use crate::analytics::projection::Redeem;
use crate::analytics::simulate::{self, Group, Report, Simulator};
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::{Line, MAX_LINES, MAX_QUANTITY};
use crate::format::program::Program;
use chrono::NaiveDate;
use rust_decimal::Decimal;

struct Row {
    customer: String,
    date: NaiveDate,
    group: Group,
    line: Line,
}

fn field<'a>(
    record: &'a impl Fields,
    index: Option<usize>,
    name: &str,
    place: Place,
) -> Result<&'a str> {
    index
        .and_then(|i| record.field(i))
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

fn parse_row(record: &impl Fields, columns: &Columns, place: Place) -> Result<Row> {
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
        .and_then(|i| record.field(i))
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
                .and_then(|i| record.field(i))
                .unwrap_or("")
                .trim()
                .to_string(),
            unit_price: decimal("price", columns.price)?,
            quantity: quantity_text
                .parse()
                .map_err(|_| bad("quantity", quantity_text, "a whole number"))?,
            unit_cost: match columns
                .cost
                .and_then(|i| record.field(i))
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

/// What to do with a malformed row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnBadRow {
    /// Stop with an error naming the row's line.
    Stop,
    /// Leave the row out, and list it in the output.
    Skip,
}

/// One partition's replay (or the whole history's), fed one row at a time.
pub(super) struct Replay {
    simulator: Simulator,
    simulation: Simulation,
    columns: Columns,
    on_bad_row: OnBadRow,
    /// The currency's minor units, and the most a cart may total in them.
    units: u32,
    most_total: u128,
    /// The order whose rows are being gathered, its buffers kept from order to order.
    pending: PendingOrder,
    last_date: fields::LastDate,
}

impl Replay {
    pub(super) fn new(
        header: &csv::StringRecord,
        program: Program,
        redeem: Redeem,
        on_bad_row: OnBadRow,
        plan: Plan,
        partition: Option<Partition>,
    ) -> Result<Replay> {
        let units = program.money().minor_units;
        let partition_report = partition.map(|p| PartitionReport {
            parts: vec![p.part],
            of: p.of,
            minor_units: units,
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
            units,
            // As a cart's check has it: any one amount, and the whole cart, up to 10^15.
            most_total: 10u128.pow(15) * 10u128.pow(units),
            pending: PendingOrder::default(),
            last_date: fields::LastDate::default(),
        })
    }

    /// The row's customer id, as read.
    pub(super) fn customer<'r>(&self, record: &'r impl Fields) -> &'r str {
        self.columns
            .customer
            .and_then(|at| record.field(at))
            .unwrap_or("")
    }

    /// The history's months, learnt as it was read (see [`Simulator::span_months`]).
    pub(super) fn span_months(&mut self, span: Option<(NaiveDate, NaiveDate)>) {
        self.simulator.span_months(span);
    }

    /// A row, at `line`, if its customer is in `partition` (or there is none).
    pub(super) fn row_of(
        &mut self,
        partition: Option<Partition>,
        record: &impl Fields,
        line: Place,
    ) -> Result<()> {
        match partition.is_some_and(|p| !p.holds(self.customer(record))) {
            true => Ok(()),
            false => self.row(record, line),
        }
    }

    /// A row of this replay's customers, at `line`.
    pub(super) fn row(&mut self, record: &impl Fields, line: Place) -> Result<()> {
        self.simulation.rows += 1;
        if let Some((customer, date, group, read)) = self.plain_row(record) {
            return self.gather(customer, date, group, read, line);
        }
        match parse_row(record, &self.columns, line) {
            Ok(row) => self.gather(
                &row.customer,
                row.date,
                row.group,
                ReadLine::Full(row.line),
                line,
            ),
            Err(error) => self.bad(error, line),
        }
    }

    /// Adds a row's line to the pending order, or books that order and begins the next.
    fn gather(
        &mut self,
        customer: &str,
        date: NaiveDate,
        group: Group,
        read: ReadLine,
        line: Place,
    ) -> Result<()> {
        let order = &self.pending;
        if !(order.open && order.customer == customer && order.date == date) {
            self.place()?;
            self.pending.start(customer, date, group, line);
        }
        self.pending.push(read, self.most_total);
        Ok(())
    }

    /// The row's fields when each is written plainly (see [`super::fields`]), with the line
    /// they give; `None` leaves the row to [`parse_row`].
    fn plain_row<'r>(
        &mut self,
        record: &'r impl Fields,
    ) -> Option<(&'r str, NaiveDate, Group, ReadLine<'r>)> {
        let columns = &self.columns;
        let text = |at: Option<usize>| text_at(record, at);
        let (customer, sku) = (text(columns.customer), text(columns.sku));
        if customer.is_empty() || sku.is_empty() {
            return None;
        }
        let group = match text(columns.group) {
            "" | "participant" => Group::Participant,
            "control" => Group::Control,
            _ => return None,
        };
        let unit_price = fields::scaled(text(columns.price), self.units)?;
        let quantity = fields::count(text(columns.quantity), MAX_QUANTITY)?;
        match text(columns.cost) {
            "" => {}
            cost => {
                fields::scaled(cost, fields::COST_DECIMALS)?;
            }
        }
        let category = text(columns.category);
        let date = self.last_date.read(text(columns.date).as_bytes())?;
        let line = ReadLine::Plain {
            sku,
            category,
            unit_price,
            quantity,
        };
        Some((customer, date, group, line))
    }

    /// A row that does not read, or whose fields are not valid.
    pub(super) fn bad(&mut self, error: Error, place: Place) -> Result<()> {
        skip_or_stop(&mut self.simulation, self.on_bad_row, error, place)
    }

    /// Books the pending order, if one is open.
    fn place(&mut self) -> Result<()> {
        let order = &mut self.pending;
        if !order.open {
            return Ok(());
        }
        order.open = false;
        let line = order.first_line;
        let placed = match order.as_cart {
            false => self.simulator.order_lines(
                &order.customer,
                order.group,
                order.date,
                order.plain_lines(),
                line.number(),
            ),
            true => {
                let lines = order.cart_lines(self.units);
                let (customer, group, date) = (&order.customer, order.group, order.date);
                self.simulator
                    .order(customer, group, date, lines, line.number())
            }
        }
        .map_err(|error| line.named_in(error));
        match placed {
            Ok(()) => Ok(()),
            Err(error) if error.code == ErrorCode::DatesOutOfOrder => Err(error),
            Err(error) => skip_or_stop(&mut self.simulation, self.on_bad_row, error, line),
        }
    }

    pub(super) fn finish(mut self) -> Result<Simulation> {
        self.place()?;
        self.simulation.report = self.simulator.finish();
        Ok(self.simulation)
    }
}

/// The field at `at`, trimmed; empty when the row has none.
fn text_at(record: &impl Fields, at: Option<usize>) -> &str {
    fields::trimmed(at.and_then(|i| record.field(i)).unwrap_or(""))
}

/// One row's line: read plainly into minor units, or in full by [`parse_row`].
enum ReadLine<'r> {
    Plain {
        sku: &'r str,
        category: &'r str,
        unit_price: i128,
        quantity: u32,
    },
    Full(Line),
}

/// The rows of one order, gathered until a row of another order arrives. Its buffers are kept
/// from one order to the next.
struct PendingOrder {
    open: bool,
    customer: String,
    date: NaiveDate,
    group: Group,
    first_line: Place,
    /// The plain lines: where each one's SKU and category end in `text`, its price in minor
    /// units and its quantity.
    lines: Vec<(usize, usize, i128, u32)>,
    text: String,
    /// Lines read in full, by their place among the order's lines.
    full: Vec<(usize, Line)>,
    /// What the lines total, in minor units.
    total: u128,
    /// Whether the order must be checked as a cart: a line read in full (which may not be
    /// valid), too many lines, or too large a total. The cart's check then words the error.
    as_cart: bool,
}

impl Default for PendingOrder {
    fn default() -> Self {
        PendingOrder {
            open: false,
            customer: String::new(),
            date: NaiveDate::MIN,
            group: Group::Participant,
            first_line: Place::Line(0),
            lines: Vec::new(),
            text: String::new(),
            full: Vec::new(),
            total: 0,
            as_cart: false,
        }
    }
}

impl PendingOrder {
    fn start(&mut self, customer: &str, date: NaiveDate, group: Group, first_line: Place) {
        self.open = true;
        self.customer.clear();
        self.customer.push_str(customer);
        (self.date, self.group, self.first_line) = (date, group, first_line);
        self.lines.clear();
        self.text.clear();
        self.full.clear();
        self.total = 0;
        self.as_cart = false;
    }

    fn push(&mut self, line: ReadLine, most_total: u128) {
        let at = self.lines.len() + self.full.len();
        match line {
            ReadLine::Plain {
                sku,
                category,
                unit_price,
                quantity,
            } => {
                self.text.push_str(sku);
                let sku_end = self.text.len();
                self.text.push_str(category);
                self.lines
                    .push((sku_end, self.text.len(), unit_price, quantity));
                self.total += unit_price.unsigned_abs() * u128::from(quantity);
            }
            ReadLine::Full(line) => {
                self.full.push((at, line));
                self.as_cart = true;
            }
        }
        if at >= MAX_LINES || self.total > most_total {
            self.as_cart = true;
        }
    }

    /// The plain lines, for an order with no other.
    fn plain_lines(&self) -> impl Iterator<Item = simulate::ReadLine<'_>> {
        let mut start = 0;
        self.lines
            .iter()
            .map(move |&(sku_end, category_end, unit_price, quantity)| {
                let line = simulate::ReadLine {
                    sku: &self.text[start..sku_end],
                    category: &self.text[sku_end..category_end],
                    unit_price,
                    quantity,
                };
                start = category_end;
                line
            })
    }

    /// Every line as a cart's, in the order read.
    fn cart_lines(&self, units: u32) -> Vec<Line> {
        let mut plain = self.plain_lines().map(|line| Line {
            sku: line.sku.to_string(),
            category: line.category.to_string(),
            unit_price: crate::money::exact::decimal_of(line.unit_price, units),
            quantity: line.quantity,
            unit_cost: None,
            promotional: false,
            attributes: Default::default(),
        });
        let mut full = self.full.iter().cloned().peekable();
        let count = self.lines.len() + full.len();
        let mut lines = Vec::with_capacity(count);
        for at in 0..count {
            match full.next_if(|(place, _)| *place == at) {
                Some((_, line)) => lines.push(line),
                None => lines.extend(plain.next()),
            }
        }
        lines
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
