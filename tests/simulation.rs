//! Simulation at scale: a history read by date or grouped by customer gives one report, and the
//! reports of N partitions of the customers merge into the whole run's, exactly.

use loyalty::analytics::projection::Redeem;
use loyalty::history::csv_file::{
    plan, simulate, simulate_planned, OnBadRow, Partition, Simulation,
};
use loyalty::history::merge::merge;
use proptest::prelude::*;

#[path = "common/history.rs"]
mod history;
use history::{date, histories, program, Row};

const HEADER: &str = "customer,date,sku,category,price,quantity,cost,group\n";

fn csv(rows: &[Row]) -> String {
    let mut text = String::from(HEADER);
    for &(customer, day, cents, quantity, control) in rows {
        let group = if control { "control" } else { "participant" };
        text += &format!(
            "{customer},{},SKU-{},grocery,{}.{:02},{quantity},1.00,{group}\n",
            date(day),
            cents % 7,
            cents / 100,
            cents % 100
        );
    }
    text
}

fn by_date(rows: &[Row]) -> String {
    let mut rows = rows.to_vec();
    rows.sort_by_key(|r| (r.1, r.0));
    csv(&rows)
}

fn by_customer(rows: &[Row]) -> String {
    let mut rows = rows.to_vec();
    rows.sort_by_key(|r| (r.0, r.1));
    csv(&rows)
}

fn json(simulation: &Simulation) -> String {
    serde_json::to_string(simulation).unwrap()
}

fn whole(text: &str, name: &str) -> Simulation {
    simulate(
        text.as_bytes(),
        program(name),
        Redeem::Max,
        OnBadRow::Stop,
        |_| {},
    )
    .unwrap()
}

fn merged(text: &str, name: &str, of: u32) -> Simulation {
    let plan = plan(text.as_bytes(), None).unwrap();
    let parts = (1..=of)
        .map(|part| {
            simulate_planned(
                text.as_bytes(),
                program(name),
                Redeem::Max,
                OnBadRow::Stop,
                plan,
                Some(Partition { part, of }),
                |_| {},
            )
            .unwrap()
        })
        .collect();
    merge(parts).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_history_by_date_and_grouped_by_customer_gives_one_report(
        rows in histories(),
        name in prop::sample::select(vec!["retail", "everything", "tbilisi-bakery"]),
    ) {
        prop_assert_eq!(json(&whole(&by_date(&rows), name)), json(&whole(&by_customer(&rows), name)));
    }

    #[test]
    fn the_merge_of_all_partitions_is_the_whole_run(
        rows in histories(),
        of in 1u32..=7,
        grouped in any::<bool>(),
        name in prop::sample::select(vec!["retail", "everything"]),
    ) {
        let text = if grouped { by_customer(&rows) } else { by_date(&rows) };
        prop_assert_eq!(json(&merged(&text, name, of)), json(&whole(&text, name)));
    }
}

/// Thirty orders of nine customers, eleven days apart.
fn thirty_rows() -> Vec<Row> {
    (0..30)
        .map(|i| (i % 9, i * 11, 1500 + i, 1, false))
        .collect()
}

/// Partition `part` of `of` of `rows`, by date, points never redeemed.
fn partial(rows: &[Row], part: u32, of: u32) -> Simulation {
    let text = by_date(rows);
    let plan = plan(text.as_bytes(), None).unwrap();
    simulate_planned(
        text.as_bytes(),
        program("retail"),
        Redeem::Never,
        OnBadRow::Stop,
        plan,
        Some(Partition { part, of }),
        |_| {},
    )
    .unwrap()
}

#[test]
fn a_partial_merge_keeps_its_partitions_and_a_partition_given_twice_is_refused() {
    let rows = thirty_rows();
    let part = |part: u32| partial(&rows, part, 3);
    let two = merge(vec![part(1), part(3)]).unwrap();
    assert_eq!(two.partition.as_ref().unwrap().parts, [1, 3]);
    let error = merge(vec![part(1), part(1)]).unwrap_err();
    assert_eq!(error.path, "reports[1].partition");
    let whole = merge(vec![two, part(2)]).unwrap();
    assert!(whole.partition.is_none());
}

#[test]
fn partitions_of_histories_over_different_months_are_refused_not_summed_out_of_step() {
    let rows = thirty_rows();
    let later: Vec<Row> = rows
        .iter()
        .map(|r| (r.0, r.1 + 40, r.2, r.3, r.4))
        .collect();
    let error = merge(vec![partial(&rows, 1, 2), partial(&later, 2, 2)]).unwrap_err();
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("invalid_value", "reports[1].tiers_by_month")
    );
}

#[test]
fn partitions_are_a_stable_hash_of_the_id() {
    // FNV-1a 64 of "42" is 0x07ee7e07b4b19223: modulo 4 that is 3, partition 4.
    assert_eq!(loyalty::history::csv_file::partition_of("42", 4), 4);
    assert_eq!(loyalty::history::csv_file::partition_of(" 42 ", 4), 4);
    assert!(Partition::parse("0/4").is_err());
    assert!(Partition::parse("5/4").is_err());
    assert_eq!(
        Partition::parse("2/4").unwrap(),
        Partition { part: 2, of: 4 }
    );
}
