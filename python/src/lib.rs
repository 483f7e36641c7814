//! Python bindings (`loyalty._loyalty`): JSON text and CSV bytes in, JSON text out.
//!
//! Every function goes through the same readers and writers as the `loyalty` command, so a
//! result is the command's output byte for byte and an error carries the same code, path and
//! message. The Python layer (`loyalty/__init__.py`) turns dicts and DataFrames into that text
//! and the JSON back into dicts whose money is `decimal.Decimal`. The long runs release the GIL,
//! so that threads of a Dask worker can simulate side by side.

use loyalty::analytics::projection::Redeem;
use loyalty::analytics::simulate::Sequence;
use loyalty::format::json::write::ToJson;
use loyalty::history::csv_file::{self, OnBadRow, Partition, Simulation};
use loyalty::{from_json, Cart, Customer, Error, ErrorCode, Program, Request};
use pyo3::prelude::*;

type Result<T> = std::result::Result<T, Error>;

/// A core error raised as `loyalty.LoyaltyError(code, path, message)`.
fn raise(py: Python<'_>, error: Error) -> PyErr {
    let made = py
        .import("loyalty")
        .and_then(|module| module.getattr("LoyaltyError"))
        .and_then(|class| class.call1((error.code.as_str(), error.path, error.message)));
    match made {
        Ok(value) => PyErr::from_value(value),
        Err(failed) => failed,
    }
}

/// Prices one cart: the program, customer (or None) and cart as JSON texts, the quote as the
/// JSON that `loyalty quote` prints for the request `{program, customer, cart}`.
#[pyfunction]
#[pyo3(signature = (program, customer, cart))]
fn quote_json(
    py: Python<'_>,
    program: &str,
    customer: Option<&str>,
    cart: &str,
) -> PyResult<String> {
    quote(program, customer, cart).map_err(|e| raise(py, e))
}

fn quote(program: &str, customer: Option<&str>, cart: &str) -> Result<String> {
    // Each part must be one JSON value on its own, so that joining them cannot make another
    // document; a part that is not is refused as the command would refuse it, under its name.
    one_value::<Program>(program, "program")?;
    one_value::<Cart>(cart, "cart")?;
    let mut request = format!("{{\"program\":{program},\"cart\":{cart}");
    if let Some(customer) = customer {
        one_value::<Customer>(customer, "customer")?;
        request += &format!(",\"customer\":{customer}");
    }
    request.push('}');
    let request: Request = from_json(&request)?;
    Ok(loyalty::quote(&request)?.to_json())
}

fn one_value<T: loyalty::format::json::FromJson>(text: &str, name: &str) -> Result<()> {
    if loyalty::format::json::parse::parse(text).is_ok() {
        return Ok(());
    }
    Err(match from_json::<T>(text) {
        Err(error) => error.under(name),
        Ok(_) => Error::new(ErrorCode::InvalidJson, name, "not one JSON value"),
    })
}

/// Replays an order history (CSV bytes, the columns of `loyalty simulate`) through a program
/// (JSON text), as `loyalty simulate` does; the report as its JSON.
///
/// `partition` (K, N) keeps the customers of partition K of N, as `--partition K/N`. `months`
/// (first, last), each `YYYY-MM` or a date, are the whole history's first and last months: a
/// partition's rows alone may not reach them, and every partial report must list the same months
/// to merge.
#[pyfunction]
#[pyo3(signature = (csv, program, redeem="never", order="auto", partition=None, months=None, skip_bad_rows=false))]
#[allow(clippy::too_many_arguments)]
fn simulate_csv(
    py: Python<'_>,
    csv: &[u8],
    program: &str,
    redeem: &str,
    order: &str,
    partition: Option<(u32, u32)>,
    months: Option<(String, String)>,
    skip_bad_rows: bool,
) -> PyResult<String> {
    py.detach(|| {
        simulate(
            csv,
            program,
            redeem,
            order,
            partition,
            months,
            skip_bad_rows,
        )
    })
    .map_err(|e| raise(py, e))
}

fn simulate(
    csv: &[u8],
    program: &str,
    redeem: &str,
    order: &str,
    partition: Option<(u32, u32)>,
    months: Option<(String, String)>,
    skip_bad_rows: bool,
) -> Result<String> {
    let program: Program = from_json(program)?;
    let redeem = redeem_of(redeem)?;
    let sequence = match order {
        "auto" => None,
        "date" => Some(Sequence::ByDate),
        "customer" => Some(Sequence::ByCustomer),
        other => {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "order",
                format!("\"{other}\" is not auto, date or customer"),
            ))
        }
    };
    // The command's own reading of K/N, and its limits.
    let partition = partition
        .map(|(part, of)| Partition::parse(&format!("{part}/{of}")))
        .transpose()?;
    let months = months
        .map(|(first, last)| span_of(&first, &last))
        .transpose()?;
    let on_bad_row = match skip_bad_rows {
        true => OnBadRow::Skip,
        false => OnBadRow::Stop,
    };
    let simulation = match (partition, sequence, months) {
        // The whole history in the order it comes: as the command runs it in one thread.
        (None, None, None) => csv_file::simulate(csv, program, redeem, on_bad_row, |_| {})?,
        _ => {
            let mut plan = csv_file::plan(csv, sequence)?;
            if let Some((first, last)) = months {
                if let Some((from, to)) = plan.span {
                    if from < first || to > last {
                        return Err(Error::new(
                            ErrorCode::OutOfRange,
                            "months",
                            format!(
                                "the rows run from {} to {}, outside the months given",
                                month_name(from),
                                month_name(to)
                            ),
                        ));
                    }
                }
                plan.span = Some((first, last));
            }
            csv_file::simulate_planned(csv, program, redeem, on_bad_row, plan, partition, |_| {})?
        }
    };
    Ok(serde_json::to_string(&simulation).unwrap_or_default())
}

/// `never`, `max`, or a share in % (`60`), as `loyalty simulate --redeem` reads it.
fn redeem_of(text: &str) -> Result<Redeem> {
    match text {
        "never" => Ok(Redeem::Never),
        "max" => Ok(Redeem::Max),
        share => loyalty::format::json::decimal_of(share)
            .map(Redeem::Share)
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::InvalidValue,
                    "redeem",
                    format!("\"{share}\" is not never, max or a share in % such as 60"),
                )
            }),
    }
}

type Month = chrono::NaiveDate;

/// The first and last months, each `YYYY-MM` or a `YYYY-MM-DD` date within it.
fn span_of(first: &str, last: &str) -> Result<(Month, Month)> {
    let month = |text: &str, at: usize| {
        let date = match text.trim() {
            t if t.len() == 7 => loyalty::format::json::parse_date(&format!("{t}-01")),
            t => loyalty::format::json::parse_date(t),
        };
        date.map(|d| {
            loyalty::rules::periods::period_start(loyalty::format::program::Period::Month, d)
        })
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                format!("months[{at}]"),
                format!("\"{text}\" is not a month written as YYYY-MM, or a YYYY-MM-DD date"),
            )
        })
    };
    let (first, last) = (month(first, 0)?, month(last, 1)?);
    if first > last {
        return Err(Error::new(
            ErrorCode::DatesOutOfOrder,
            "months",
            "the first month comes after the last",
        ));
    }
    Ok((first, last))
}

fn month_name(month: Month) -> String {
    loyalty::rules::periods::month_name(month)
}

/// Sums partial reports (JSON texts) into one, as `loyalty merge` does.
#[pyfunction]
fn merge_json(py: Python<'_>, reports: Vec<String>) -> PyResult<String> {
    py.detach(|| merge(&reports)).map_err(|e| raise(py, e))
}

fn merge(reports: &[String]) -> Result<String> {
    let reports = reports
        .iter()
        .enumerate()
        .map(|(at, text)| {
            serde_json::from_str::<Simulation>(text).map_err(|e| {
                Error::new(
                    ErrorCode::InvalidJson,
                    format!("reports[{at}]"),
                    format!("not a simulation report: {e}"),
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(serde_json::to_string(&loyalty::history::merge::merge(reports)?).unwrap_or_default())
}

/// The partition (from 1) of `of` that a customer id falls in: FNV-1a 64 of its bytes (trimmed),
/// modulo `of`, plus one; as `--partition` routes customers.
#[pyfunction]
fn partition_of(py: Python<'_>, customer: &str, of: u32) -> PyResult<u32> {
    partitions(py, of)?;
    Ok(csv_file::partition_of(customer, of))
}

/// The same for a column of ids, in one call instead of one a row.
#[pyfunction]
fn partitions_of(py: Python<'_>, customers: Vec<String>, of: u32) -> PyResult<Vec<u32>> {
    partitions(py, of)?;
    Ok(customers
        .iter()
        .map(|customer| csv_file::partition_of(customer, of))
        .collect())
}

/// Refuses a number of partitions outside 1 to 10,000.
fn partitions(py: Python<'_>, of: u32) -> PyResult<()> {
    if (1..=10_000).contains(&of) {
        return Ok(());
    }
    Err(raise(
        py,
        Error::new(
            ErrorCode::OutOfRange,
            "n",
            format!("{of} partitions: give 1 to 10000"),
        ),
    ))
}

/// The JSON Schemas of the quote and of the simulation report (`{"$defs": {…}}`), from the
/// core's own types: the Python layer reads from them which strings are decimals.
#[pyfunction]
fn output_schema() -> String {
    let mut generator = schemars::SchemaGenerator::default();
    generator.subschema_for::<loyalty::Quote>();
    generator.subschema_for::<Simulation>();
    serde_json::json!({ "$defs": generator.definitions() }).to_string()
}

#[pymodule]
fn _loyalty(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(quote_json, module)?)?;
    module.add_function(wrap_pyfunction!(simulate_csv, module)?)?;
    module.add_function(wrap_pyfunction!(merge_json, module)?)?;
    module.add_function(wrap_pyfunction!(partition_of, module)?)?;
    module.add_function(wrap_pyfunction!(partitions_of, module)?)?;
    module.add_function(wrap_pyfunction!(output_schema, module)?)?;
    Ok(())
}
