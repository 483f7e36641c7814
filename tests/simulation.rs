//! Simulation at scale: a history read by date or grouped by customer gives one report, and the
//! reports of N partitions of the customers merge into the whole run's, exactly.

use loyalty::analytics::projection::Redeem;
use loyalty::history::csv_file::{
    plan, simulate, simulate_in_threads, simulate_planned, OnBadRow, Partition, Simulation,
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// One reader hands each thread its customers' rows: the threads give what the partitions
    /// run apart give, merged, with bad rows skipped or stopped at (the first partition's error
    /// first, as the merge of the partitions' runs gives it), whether or not a batch fills.
    #[test]
    fn threads_fed_by_one_reader_are_the_partitions_run_apart(
        rows in histories(),
        bad in prop::collection::vec((0usize..200, 0usize..3), 0..4),
        of in 1u32..=4,
        skip in any::<bool>(),
        grouped in any::<bool>(),
    ) {
        let text = if grouped { by_customer(&rows) } else { by_date(&rows) };
        // Rows broken three ways: not CSV, a bad price, no date (the fields moved one along).
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for (at, how) in bad {
            let at = 1 + at % (lines.len().max(2) - 1);
            if at < lines.len() {
                lines[at] = match how {
                    0 => "\"c1,broken".to_string(),
                    1 => lines[at].replacen(",grocery,", ",grocery,abc", 1),
                    _ => lines[at].replacen(",20", ",,20", 1),
                };
            }
        }
        let text = lines.join("\n") + "\n";
        let source = text.as_bytes();
        let on_bad_row = if skip { OnBadRow::Skip } else { OnBadRow::Stop };
        let Ok(planned) = plan(source, None) else { return Ok(()) };
        let parts: Result<Vec<Simulation>, _> = (1..=of)
            .map(|part| simulate_planned(source, program("retail"), Redeem::Max, on_bad_row, planned,
                Some(Partition { part, of }), |_| {}))
            .collect();
        let expected = parts.and_then(merge).map(|s| json(&s)).map_err(|e| (e.code, e.path));
        let threaded = simulate_in_threads(source, &program("retail"), Redeem::Max, on_bad_row, planned, of, |_| {})
            .map(|s| json(&s)).map_err(|e| (e.code, e.path));
        prop_assert_eq!(threaded, expected);
    }
}

/// A history long enough that the reader hands each thread several full batches.
#[test]
fn threads_take_full_batches_and_the_rest() {
    let rows: Vec<Row> = (0..9_000u32)
        .map(|i| {
            (
                i % 301,
                i * 540 / 9_000,
                100 + i % 5_000,
                1 + i % 3,
                i % 10 == 0,
            )
        })
        .collect();
    let text = by_date(&rows);
    for of in [2, 3] {
        let planned = plan(text.as_bytes(), None).unwrap();
        let threaded = simulate_in_threads(
            text.as_bytes(),
            &program("retail"),
            Redeem::Max,
            OnBadRow::Stop,
            planned,
            of,
            |_| {},
        )
        .unwrap();
        assert_eq!(json(&threaded), json(&merged(&text, "retail", of)));
        assert_eq!(threaded.report, whole(&text, "retail").report);
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
