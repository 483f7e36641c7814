//! Simulation at scale: a history read by date or grouped by customer gives one report, and the
//! reports of N partitions of the customers merge into the whole run's, exactly.

use loyalty::analytics::projection::Redeem;
use loyalty::history::csv_file::{
    partitions_for, plan, simulate, simulate_in_threads, simulate_planned, OnBadRow, Partition,
    Simulation,
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
        // The threads replay more partitions than there are threads: the reader one, each
        // other thread two.
        let parts_of = partitions_for(of);
        let parts: Result<Vec<Simulation>, _> = (1..=parts_of)
            .map(|part| simulate_planned(source, program("retail"), Redeem::Max, on_bad_row, planned,
                Some(Partition { part, of: parts_of }), |_| {}))
            .collect();
        let expected = parts.and_then(merge).map(|s| json(&s)).map_err(|e| (e.code, e.path));
        let threaded = simulate_in_threads(source, &program("retail"), Redeem::Max, on_bad_row, Some(planned), of, |_| {})
            .map(|s| json(&s)).map_err(|e| (e.code, e.path));
        prop_assert_eq!(&threaded, &expected);
        // Without a plan: by date in one pass, the months learnt as the rows are read; grouped
        // by customer, planned once the first date goes back.
        let learnt = simulate_in_threads(source, &program("retail"), Redeem::Max, on_bad_row, None, of, |_| {})
            .map(|s| json(&s)).map_err(|e| (e.code, e.path));
        prop_assert_eq!(learnt, expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Most rows are read plainly, straight into minor units; a field written any other way
    /// the reader accepts (spaces around it, a sign, decimals past the currency's that are
    /// zeros, a quantity of 0 or a negative price that the cart's check refuses) is read in full.
    /// Both give the same report, and the same bad rows.
    #[test]
    fn a_field_written_another_way_is_read_as_the_plain_one(
        rows in histories(),
        spellings in prop::collection::vec(0u8..6, 120),
        broken in prop::collection::vec((0usize..120, 0u8..3), 0..4),
        skip in any::<bool>(),
    ) {
        let plain = by_date(&rows);
        let mut lines: Vec<String> = plain.lines().map(str::to_string).collect();
        let mut respelled = lines.clone();
        for (at, line) in respelled.iter_mut().enumerate().skip(1) {
            let fields: Vec<&str> = line.split(',').collect();
            let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
            match spellings[at % spellings.len()] {
                0 => fields.iter_mut().for_each(|f| *f = format!(" {f}\t")),
                1 => fields[4] += "0",
                2 => fields[5] = format!("+{}", fields[5]),
                3 => fields[6] = format!(" {} ", fields[6]),
                4 => fields[0] = format!("\u{a0}{}", fields[0]),
                _ => {}
            }
            *line = fields.join(",");
        }
        // Rows the cart's check refuses, or the reader: the same in both histories.
        for (at, how) in broken {
            let at = 1 + at % (lines.len().max(2) - 1);
            if at < lines.len() {
                let mut fields: Vec<String> = lines[at].split(',').map(str::to_string).collect();
                match how {
                    0 => fields[5] = "0".into(),
                    1 => fields[4] = format!("-{}", fields[4]),
                    _ => fields[4] += "1",
                }
                lines[at] = fields.join(",");
                respelled[at] = lines[at].clone();
            }
        }
        let on_bad_row = if skip { OnBadRow::Skip } else { OnBadRow::Stop };
        let run = |lines: &[String]| {
            let text = lines.join("\n") + "\n";
            simulate(text.as_bytes(), program("retail"), Redeem::Max, on_bad_row, |_| {})
                .map(|s| json(&s))
                .map_err(|e| (e.code, e.path, e.message))
        };
        prop_assert_eq!(run(&respelled), run(&lines));
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
            Some(planned),
            of,
            |_| {},
        )
        .unwrap();
        assert_eq!(
            json(&threaded),
            json(&merged(&text, "retail", partitions_for(of)))
        );
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

/// A row without a customer between two of one day is not a date to remember: the row after
/// it is read for its own date, so the history runs to March.
#[test]
fn a_row_without_a_customer_leaves_the_dates_read_as_they_were() {
    let text = format!(
        "{HEADER}c1,2026-01-05,A,grocery,1.00,1,,\n,2026-03-01,A,grocery,1.00,1,,\nc2,2026-03-01,A,grocery,1.00,1,,\n"
    );
    let planned = plan(text.as_bytes(), None).unwrap();
    let month = |m| chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    assert_eq!(planned.span, Some((month(1), month(3))));
}

/// A bad row is named by the line it is on, in a file whose lines end in CR LF (as spreadsheets
/// on Windows write them) or that has blank lines.
#[test]
fn a_bad_row_is_named_by_its_own_line() {
    let rows = [
        "c1,2026-01-05,A,grocery,1.00,1,,",
        "c2,2026-01-06,A,grocery,x,1,,",
    ];
    for (ending, blank, line) in [("\r\n", "", 3), ("\n", "\n\n", 5), ("\r\n", "\r\n", 4)] {
        let text = format!(
            "{}{ending}{}{ending}{blank}{}{ending}",
            HEADER.trim_end(),
            rows[0],
            rows[1]
        );
        let simulation = simulate(
            text.as_bytes(),
            program("retail"),
            Redeem::Max,
            OnBadRow::Skip,
            |_| {},
        )
        .unwrap();
        let bad = &simulation.bad_row_list[0];
        assert_eq!(bad.place.to_string(), format!("line {line}"), "{text:?}");
        assert!(bad.message.starts_with(&format!("line {line}: price")));
    }
}
