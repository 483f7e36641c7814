//! Random order histories shared by the simulation tests (CSV and Parquet), included by path by
//! the tests that use them.

use loyalty::Program;
use proptest::prelude::*;

/// An example program (or the fixture `everything`), by name.
pub fn program(name: &str) -> Program {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = match name {
        "everything" => root.join("fixtures/programs/everything.json"),
        example => root.join(format!("examples/programs/{example}.json")),
    };
    loyalty::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `(customer, day of the history, price in cents, quantity, control group)`.
pub type Row = (u32, u32, u32, u32, bool);

pub fn date(day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(day))
}

/// Histories of up to 40 customers over a year and a half. Each customer's days are distinct,
/// so that both sorts give each customer the same orders.
pub fn histories() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0u32..40,
            0u32..540,
            1u32..20_000,
            1u32..4,
            prop::bool::weighted(0.1),
        ),
        1..120,
    )
    .prop_map(|mut rows| {
        rows.sort_by_key(|r| (r.0, r.1));
        rows.dedup_by_key(|r| (r.0, r.1));
        rows
    })
}
