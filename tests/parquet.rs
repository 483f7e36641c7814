//! Order histories as Parquet: the report of the same history as CSV, byte for byte, whatever the
//! sequence, partitions or threads; money as DECIMAL or strings, never floats; a bad row named by
//! its row and column. The files are written here with the `parquet` crate's own writer.
#![cfg(feature = "parquet")]

use loyalty::analytics::projection::Redeem;
use loyalty::history::csv_file::{
    plan, simulate, simulate_in_threads, simulate_planned, OnBadRow, Partition, Simulation,
};
use parquet::basic::Compression;
use parquet::data_type::{
    ByteArray, ByteArrayType, FixedLenByteArray, FixedLenByteArrayType, Int32Type, Int64Type,
};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use proptest::prelude::*;

#[path = "common/history.rs"]
mod history;
use history::{date, histories, program, Row};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// A file of its own in the temporary folder, for each test and each proptest case.
fn temp(extension: &str) -> PathBuf {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "loyalty-parquet-{}-{n}.{extension}",
        std::process::id()
    ))
}

/// One column's values, `None` for null.
enum Values {
    Text(Vec<Option<String>>),
    Int32(Vec<Option<i32>>),
    Int64(Vec<Option<i64>>),
    Double(Vec<Option<f64>>),
    /// Unscaled integers, written big-endian in `width` bytes (as pyarrow writes decimal128).
    Fixed(Vec<Option<i128>>, usize),
}

/// Writes a Parquet file whose columns are all optional, in the order `schema` declares them.
fn write_parquet(path: &Path, schema: &str, columns: Vec<Values>, compression: Compression) {
    let schema = Arc::new(parse_message_type(schema).unwrap());
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(compression)
            // Several row groups, so that reading crosses from one to the next.
            .set_max_row_group_size(7)
            .build(),
    );
    let rows = match &columns[0] {
        Values::Text(v) => v.len(),
        Values::Int32(v) => v.len(),
        Values::Int64(v) => v.len(),
        Values::Double(v) => v.len(),
        Values::Fixed(v, _) => v.len(),
    };
    let mut writer =
        SerializedFileWriter::new(std::fs::File::create(path).unwrap(), schema, properties)
            .unwrap();
    for start in (0..rows).step_by(7) {
        let end = (start + 7).min(rows);
        let mut group = writer.next_row_group().unwrap();
        for values in &columns {
            let mut column = group.next_column().unwrap().unwrap();
            fn levels<T: Clone>(values: &[Option<T>]) -> (Vec<T>, Vec<i16>) {
                let present = values.iter().flatten().cloned().collect();
                (present, values.iter().map(|v| v.is_some() as i16).collect())
            }
            match values {
                Values::Text(v) => {
                    let (present, defs) = levels(&v[start..end]);
                    let present: Vec<ByteArray> = present
                        .iter()
                        .map(|s| ByteArray::from(s.as_str()))
                        .collect();
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&present, Some(&defs), None)
                        .unwrap();
                }
                Values::Int32(v) => {
                    let (present, defs) = levels(&v[start..end]);
                    column
                        .typed::<Int32Type>()
                        .write_batch(&present, Some(&defs), None)
                        .unwrap();
                }
                Values::Int64(v) => {
                    let (present, defs) = levels(&v[start..end]);
                    column
                        .typed::<Int64Type>()
                        .write_batch(&present, Some(&defs), None)
                        .unwrap();
                }
                Values::Double(v) => {
                    let (present, defs) = levels(&v[start..end]);
                    column
                        .typed::<parquet::data_type::DoubleType>()
                        .write_batch(&present, Some(&defs), None)
                        .unwrap();
                }
                Values::Fixed(v, width) => {
                    let (present, defs) = levels(&v[start..end]);
                    let present: Vec<FixedLenByteArray> = present
                        .iter()
                        .map(|n| FixedLenByteArray::from(n.to_be_bytes()[16 - width..].to_vec()))
                        .collect();
                    column
                        .typed::<FixedLenByteArrayType>()
                        .write_batch(&present, Some(&defs), None)
                        .unwrap();
                }
            }
            column.close().unwrap();
        }
        group.close().unwrap();
    }
    writer.close().unwrap();
}

fn sorted(rows: &[Row], grouped: bool) -> Vec<Row> {
    let mut rows = rows.to_vec();
    match grouped {
        true => rows.sort_by_key(|r| (r.0, r.1)),
        false => rows.sort_by_key(|r| (r.1, r.0)),
    }
    rows
}

fn money(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn csv(rows: &[Row]) -> String {
    let mut text = String::from("customer,date,sku,category,price,quantity,cost,group\n");
    for &(customer, day, cents, quantity, control) in rows {
        let group = if control { "control" } else { "participant" };
        text += &format!(
            "{customer},{},SKU-{},grocery,{},{quantity},1.00,{group}\n",
            date(day),
            cents % 7,
            money(cents)
        );
    }
    text
}

/// How a test file stores its columns.
#[derive(Debug, Clone, Copy)]
struct Storage {
    decimal_money: bool,
    date_type: bool,
    integer_ids: bool,
}

/// The same rows as [`csv`], with the columns in another order and the header's case changed.
fn parquet(rows: &[Row], storage: Storage) -> PathBuf {
    let path = temp("parquet");
    let text = |f: &dyn Fn(&Row) -> String| Values::Text(rows.iter().map(|r| Some(f(r))).collect());
    let customer = match storage.integer_ids {
        true => (
            "INT64 Customer",
            Values::Int64(rows.iter().map(|r| Some(i64::from(r.0))).collect()),
        ),
        false => ("BYTE_ARRAY Customer (UTF8)", text(&|r| r.0.to_string())),
    };
    let day = match storage.date_type {
        true => (
            "INT32 date (DATE)",
            Values::Int32(rows.iter().map(|r| Some(20_454 + r.1 as i32)).collect()),
        ),
        false => ("BYTE_ARRAY date (UTF8)", text(&|r| date(r.1).to_string())),
    };
    let (price, cost) = match storage.decimal_money {
        true => (
            (
                "INT64 PRICE (DECIMAL(18, 2))",
                Values::Int64(rows.iter().map(|r| Some(i64::from(r.2))).collect()),
            ),
            (
                "FIXED_LEN_BYTE_ARRAY (9) cost (DECIMAL(20, 2))",
                Values::Fixed(rows.iter().map(|_| Some(100)).collect(), 9),
            ),
        ),
        false => (
            ("BYTE_ARRAY PRICE (UTF8)", text(&|r| money(r.2))),
            ("BYTE_ARRAY cost (UTF8)", text(&|_| "1.00".into())),
        ),
    };
    let columns = [
        (
            "BYTE_ARRAY group (UTF8)",
            text(&|r| if r.4 { "control" } else { "participant" }.into()),
        ),
        price,
        ("BYTE_ARRAY note (UTF8)", text(&|_| "ignored".into())),
        customer,
        (
            "INT32 quantity",
            Values::Int32(rows.iter().map(|r| Some(r.3 as i32)).collect()),
        ),
        (
            "BYTE_ARRAY sku (UTF8)",
            text(&|r| format!("SKU-{}", r.2 % 7)),
        ),
        day,
        ("BYTE_ARRAY category (UTF8)", text(&|_| "grocery".into())),
        cost,
    ];
    let schema = columns
        .iter()
        .map(|(declared, _)| format!("OPTIONAL {declared};"))
        .collect::<String>();
    write_parquet(
        &path,
        &format!("message orders {{ {schema} }}"),
        columns.into_iter().map(|(_, values)| values).collect(),
        Compression::SNAPPY,
    );
    path
}

fn json(simulation: &Simulation) -> String {
    serde_json::to_string(simulation).unwrap()
}

fn whole(source: &(impl loyalty::history::csv_file::Source + ?Sized), name: &str) -> String {
    json(&simulate(source, program(name), Redeem::Max, OnBadRow::Stop, |_| {}).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_parquet_history_gives_the_report_of_the_same_csv(
        rows in histories(),
        grouped in any::<bool>(),
        decimal_money in any::<bool>(),
        date_type in any::<bool>(),
        integer_ids in any::<bool>(),
        name in prop::sample::select(vec!["retail", "everything", "tbilisi-bakery"]),
    ) {
        let rows = sorted(&rows, grouped);
        let storage = Storage { decimal_money, date_type, integer_ids };
        let path = parquet(&rows, storage);
        let expected = whole(csv(&rows).as_bytes(), name);
        let read = whole(path.as_path(), name);
        std::fs::remove_file(&path).unwrap();
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn parquet_partitions_and_threads_merge_into_the_whole_run(
        rows in histories(),
        grouped in any::<bool>(),
        of in 1u32..=4,
    ) {
        let rows = sorted(&rows, grouped);
        let storage = Storage { decimal_money: true, date_type: true, integer_ids: false };
        let path = parquet(&rows, storage);
        let source = path.as_path();
        let planned = plan(source, None).unwrap();
        let parts = (1..=of)
            .map(|part| {
                let partition = Some(Partition { part, of });
                simulate_planned(source, program("retail"), Redeem::Max, OnBadRow::Stop, planned, partition, |_| {})
                    .unwrap()
            })
            .collect();
        let merged = json(&loyalty::history::merge::merge(parts).unwrap());
        let threaded = simulate_in_threads(source, &program("retail"), Redeem::Max, OnBadRow::Stop, Some(planned), of, |_| {})
            .unwrap();
        let expected = whole(source, "retail");
        std::fs::remove_file(&path).unwrap();
        prop_assert_eq!(&merged, &expected);
        prop_assert_eq!(json(&threaded), expected);
    }
}

/// Three orders of one line, the price declared as `price` (`DOUBLE price`) with its values; the
/// third row's sku is null.
fn small(prices: Values, price: &str) -> PathBuf {
    let path = temp("parquet");
    let text = |values: &[&str]| Values::Text(values.iter().map(|v| Some(v.to_string())).collect());
    write_parquet(
        &path,
        &format!(
            "message m {{ OPTIONAL BYTE_ARRAY customer (UTF8); OPTIONAL BYTE_ARRAY date (UTF8);
               OPTIONAL BYTE_ARRAY sku (UTF8); OPTIONAL {price}; OPTIONAL INT64 quantity; }}"
        ),
        vec![
            text(&["a", "b", "c"]),
            text(&["2026-01-05", "2026-01-06", "2026-01-07"]),
            Values::Text(vec![Some("TEA".into()), Some("TEA".into()), None]),
            prices,
            Values::Int64(vec![Some(1), Some(1), Some(1)]),
        ],
        Compression::ZSTD(Default::default()),
    );
    path
}

fn run(path: &Path, on_bad_row: OnBadRow) -> Result<Simulation, loyalty::Error> {
    simulate(path, program("retail"), Redeem::Never, on_bad_row, |_| {})
}

#[test]
fn money_stored_as_floating_point_is_refused_naming_the_column() {
    let path = small(
        Values::Double(vec![Some(10.0), Some(10.0), Some(10.0)]),
        "DOUBLE price",
    );
    let error = run(&path, OnBadRow::Skip).unwrap_err();
    assert_eq!(error.code, loyalty::ErrorCode::WrongType);
    assert_eq!(error.path, "column price");
    assert!(
        error.message.contains("price") && error.message.contains("DECIMAL"),
        "{}",
        error.message
    );
    let path = small(Values::Int64(vec![Some(1000); 3]), "INT64 price");
    let error = run(&path, OnBadRow::Skip).unwrap_err();
    assert_eq!(error.path, "column price");
    assert!(error.message.contains("minor units"), "{}", error.message);
}

#[test]
fn a_bad_row_stops_naming_its_row_and_column_or_is_listed_when_skipped() {
    let prices = |second: &str| {
        Values::Text(vec![
            Some("10.00".into()),
            Some(second.into()),
            Some("10.00".into()),
        ])
    };
    let path = small(prices("ten"), "BYTE_ARRAY price (UTF8)");
    let error = run(&path, OnBadRow::Stop).unwrap_err();
    assert_eq!(error.code, loyalty::ErrorCode::InvalidValue);
    assert_eq!(error.path, "row 2.price");
    assert_eq!(
        error.message,
        "row 2: price \"ten\" is not a decimal number"
    );
    // With the price mended, the null sku of row 3 stops it.
    let path = small(prices("10.00"), "BYTE_ARRAY price (UTF8)");
    let error = run(&path, OnBadRow::Stop).unwrap_err();
    assert_eq!(
        (error.path.as_str(), error.message.as_str()),
        ("row 3.sku", "row 3 has no sku")
    );
    let path = small(prices("ten"), "BYTE_ARRAY price (UTF8)");
    let skipped = run(&path, OnBadRow::Skip).unwrap();
    assert_eq!(
        (skipped.rows, skipped.bad_rows, skipped.report.orders),
        (3, 2, 1)
    );
    let listed = serde_json::to_value(&skipped.bad_row_list).unwrap();
    assert_eq!(listed[0]["row"], 2);
    assert_eq!(listed[1]["row"], 3);
    assert!(listed[0].get("line").is_none());
    // An order the simulator refuses is named by its row too.
    let path = small(
        Values::Int64(vec![Some(101_250), Some(100_000), Some(100_000)]),
        "INT64 price (DECIMAL(18, 4))",
    );
    let error = run(&path, OnBadRow::Stop).unwrap_err();
    assert_eq!(error.code, loyalty::ErrorCode::TooPrecise);
    assert_eq!(error.path, "row 1");
}

#[test]
fn decimal_and_string_money_and_dates_as_timestamps_give_one_report() {
    let as_strings = small(
        Values::Text(vec![
            Some("12.50".into()),
            Some("0.99".into()),
            Some("7".into()),
        ]),
        "BYTE_ARRAY price (UTF8)",
    );
    let as_decimals = small(
        Values::Fixed(vec![Some(1250), Some(99), Some(700)], 16),
        "FIXED_LEN_BYTE_ARRAY (16) price (DECIMAL(38, 2))",
    );
    let strings = run(&as_strings, OnBadRow::Skip).unwrap();
    let decimals = run(&as_decimals, OnBadRow::Skip).unwrap();
    assert_eq!(strings.report.groups[0].spend.to_string(), "13.49");
    assert_eq!(json(&strings), json(&decimals));

    // Dates as microsecond timestamps (pandas' datetime64 through pyarrow) and as DATE.
    let path = temp("parquet");
    let micros = |day: i64| Some((20_458 + day) * 86_400_000_000 + 3_600_000_000);
    write_parquet(
        &path,
        "message m { OPTIONAL BYTE_ARRAY customer (UTF8);
           OPTIONAL INT64 date (TIMESTAMP(MICROS, true)); OPTIONAL BYTE_ARRAY sku (UTF8);
           OPTIONAL INT64 price (DECIMAL(10, 2)); OPTIONAL INT32 quantity; }",
        vec![
            Values::Text(vec![Some("a".into()), Some("b".into())]),
            Values::Int64(vec![micros(0), micros(1)]),
            Values::Text(vec![Some("TEA".into()), Some("TEA".into())]),
            Values::Int64(vec![Some(1250), Some(99)]),
            Values::Int32(vec![Some(1), Some(1)]),
        ],
        Compression::UNCOMPRESSED,
    );
    let csv =
        "customer,date,sku,price,quantity\na,2026-01-05,TEA,12.50,1\nb,2026-01-06,TEA,0.99,1\n";
    let expected = simulate(
        csv.as_bytes(),
        program("retail"),
        Redeem::Never,
        OnBadRow::Stop,
        |_| {},
    );
    assert_eq!(
        json(&run(&path, OnBadRow::Stop).unwrap()),
        json(&expected.unwrap())
    );
}

#[test]
fn a_file_that_is_not_parquet_or_lacks_a_column_is_refused() {
    let path = temp("parquet");
    std::fs::write(&path, "customer,date,sku,price,quantity\n").unwrap();
    let error = run(&path, OnBadRow::Skip).unwrap_err();
    assert_eq!(error.code, loyalty::ErrorCode::Unreadable);
    assert!(error.message.contains("as Parquet"), "{}", error.message);

    let path = temp("PARQUET");
    write_parquet(
        &path,
        "message m { OPTIONAL BYTE_ARRAY customer (UTF8); OPTIONAL BYTE_ARRAY date (UTF8); }",
        vec![
            Values::Text(vec![Some("a".into())]),
            Values::Text(vec![Some("2026-01-05".into())]),
        ],
        Compression::SNAPPY,
    );
    let error = run(&path, OnBadRow::Skip).unwrap_err();
    assert_eq!(error.code, loyalty::ErrorCode::MissingField);
    assert_eq!(error.path, "column sku");
}

/// `loyalty simulate` on a file, with the retail program.
fn loyalty_simulate(path: &Path, extra: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_loyalty"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["simulate", path.to_str().unwrap()])
        .args(["--program", "examples/programs/retail.json"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn the_command_gives_one_report_from_csv_and_parquet() {
    let rows: Vec<Row> = (0..40)
        .map(|i| {
            (
                i % 9,
                (i * 37) % 400,
                1_500 + i * 13,
                1 + i % 3,
                i % 11 == 0,
            )
        })
        .collect();
    for grouped in [false, true] {
        let rows = sorted(&rows, grouped);
        let csv_path = temp("csv");
        std::fs::write(&csv_path, csv(&rows)).unwrap();
        let storage = Storage {
            decimal_money: true,
            date_type: true,
            integer_ids: true,
        };
        let parquet_path = parquet(&rows, storage);
        let order = if grouped { "customer" } else { "date" };
        for extra in [
            &[][..],
            &["--jobs", "1"],
            &["--jobs", "3"],
            &["--order", order],
            &["--partition", "2/3"],
            &["--format", "text"],
        ] {
            let from_csv = loyalty_simulate(&csv_path, extra);
            let from_parquet = loyalty_simulate(&parquet_path, extra);
            assert!(
                from_parquet.status.success(),
                "{}",
                String::from_utf8_lossy(&from_parquet.stderr)
            );
            assert_eq!(from_csv.stdout, from_parquet.stdout, "{extra:?}");
        }
    }
    let path = small(
        Values::Double(vec![Some(10.0), Some(10.0), Some(10.0)]),
        "DOUBLE price",
    );
    let refused = loyalty_simulate(&path, &[]);
    assert_eq!(refused.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(error["code"], "wrong_type");
    assert_eq!(error["path"], "column price");
}

#[test]
fn a_damaged_file_is_an_error_not_a_crash() {
    let path = small(
        Values::Text(vec![
            Some("1.00".into()),
            Some("2.00".into()),
            Some("3.00".into()),
        ]),
        "BYTE_ARRAY price (UTF8)",
    );
    let whole = std::fs::read(&path).unwrap();
    let damaged = temp("parquet");
    // Every byte in turn, set to 0xFF: the parquet crate panics on some of these.
    for at in 0..whole.len() {
        let mut bytes = whole.clone();
        bytes[at] = 0xFF;
        std::fs::write(&damaged, &bytes).unwrap();
        let _ = run(&damaged, OnBadRow::Skip);
    }
}
