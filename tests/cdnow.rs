//! The real-data check: the CDNOW history (1997-98), which no one here wrote, fetched from the
//! `lifetimes` wheel on PyPI by `scripts/cdnow.py` (which `scripts/test.sh` runs first), replayed
//! through the retail program as the file comes (grouped by customer) and sorted by date.

use loyalty::analytics::projection::Redeem;
use loyalty::history::csv_file::{plan, simulate, simulate_in_threads, OnBadRow, Simulation};
use rust_decimal::Decimal;
use std::path::PathBuf;

fn file(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/cdnow/{name}.csv"));
    assert!(
        path.exists(),
        "{} is missing: run `python3 scripts/cdnow.py` (scripts/test.sh does)",
        path.display()
    );
    path
}

fn retail() -> loyalty::Program {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/programs/retail.json"),
    )
    .unwrap();
    loyalty::from_json(&text).unwrap()
}

fn run(name: &str) -> Simulation {
    simulate(
        file(name).as_path(),
        retail(),
        Redeem::Never,
        OnBadRow::Stop,
        |_| {},
    )
    .unwrap()
}

#[test]
fn cdnow_in_either_order_has_every_order_and_customer_and_adds_up_to_the_file() {
    let grouped = run("by-customer");
    let by_date = run("by-date");
    assert_eq!(grouped, by_date, "both orders give one report");
    let report = &grouped.report;
    assert_eq!(grouped.rows, 69_659);
    assert_eq!(report.orders, 67_591);
    assert_eq!(report.customers, 23_570);
    let paid: Decimal = report.groups.iter().map(|g| g.spend).sum();
    assert_eq!(
        paid + report.program_cost.total,
        Decimal::new(250_031_563, 2),
        "paid plus the program's cost is the file's total"
    );
}

#[test]
fn cdnow_in_three_threads_is_the_one_thread_run() {
    let path = file("by-customer");
    let planned = plan(path.as_path(), None).unwrap();
    let threaded = simulate_in_threads(
        path.as_path(),
        &retail(),
        Redeem::Never,
        OnBadRow::Stop,
        Some(planned),
        3,
        |_| {},
    )
    .unwrap();
    assert_eq!(threaded, run("by-customer"));
    // Unplanned: by date in one pass, and grouped by customer found out and planned.
    for name in ["by-date", "by-customer"] {
        let path = file(name);
        let threaded = simulate_in_threads(
            path.as_path(),
            &retail(),
            Redeem::Never,
            OnBadRow::Stop,
            None,
            2,
            |_| {},
        )
        .unwrap();
        assert_eq!(threaded, run(name), "{name}");
    }
}
