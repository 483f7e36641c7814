//! The `loyalty` command, as a user runs it.
#![cfg(feature = "cli")]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn loyalty(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loyalty"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or("").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn fixture_request(name: &str) -> (String, Value) {
    let root = env!("CARGO_MANIFEST_DIR");
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/fixtures/quotes/{name}.json")).unwrap(),
    )
    .unwrap();
    let program: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{root}/examples/programs/{}.json",
            fixture["program"].as_str().unwrap()
        ))
        .unwrap(),
    )
    .unwrap();
    let request = serde_json::json!({"program": program, "customer": fixture["customer"], "cart": fixture["cart"]});
    (request.to_string(), fixture["quote"].clone())
}

#[test]
fn validate_accepts_an_example() {
    let output = loyalty(&["validate", "examples/programs/retail.json"], None);
    assert!(output.status.success());
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["valid"], true);
    assert_eq!(answer["id"], "retail");
}

#[test]
fn validate_refuses_with_json_on_stderr_and_a_nonzero_status() {
    let program = r#"{"version":1,"id":"p","name":"P","currency":"USD","tiers":[{"id":"a","name":"A","threshold":"10.00"},{"id":"b","name":"B","threshold":"5.00"}]}"#;
    let output = loyalty(&["validate", "-"], Some(program));
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "not_increasing");
    assert_eq!(error["path"], "tiers[1].threshold");
    assert!(error["message"].as_str().unwrap().contains("previous tier"));
}

#[test]
fn compile_writes_the_compiled_program_the_checkout_decodes() {
    let out = std::env::temp_dir().join(format!("loyalty-cli-{}.loyalty", std::process::id()));
    let output = loyalty(
        &[
            "compile",
            "examples/programs/retail.json",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert_eq!(&bytes[..4], b"LOYC");
    let said: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(said["bytes"], bytes.len());
    let engine = loyalty::Engine::from_compiled(&bytes).unwrap();
    let cart = r#"{"date": "2026-11-22", "lines": [{"sku": "A", "category": "grocery", "unit_price": "12.50", "quantity": 2}]}"#;
    assert!(engine
        .quote_json("{}", cart, "")
        .unwrap()
        .contains(r#""payable":"25.00""#));

    // A program with a mistake is refused as `validate` refuses it, and nothing is written.
    let output = loyalty(
        &["compile", "-", "-o", out.to_str().unwrap()],
        Some(r#"{"version": 1, "id": "p", "name": "P", "currency": "ZZZ"}"#),
    );
    assert!(!output.status.success());
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(
        (error["code"].as_str(), error["path"].as_str()),
        (Some("unknown_currency"), Some("currency"))
    );
    assert!(!out.exists());
}

#[test]
fn quote_from_stdin_matches_the_golden_fixture() {
    let (request, expected) = fixture_request("retail-silver-redeems-points");
    let output = loyalty(&["quote"], Some(&request));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let quote: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(quote, expected);
}

#[test]
fn quote_as_text_is_a_readable_table() {
    let (request, _) = fixture_request("retail-silver-redeems-points");
    let output = loyalty(&["quote", "--format", "text"], Some(&request));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("payable"), "{text}");
    assert!(text.contains("58.72 USD"), "{text}");
    assert!(text.contains("- Member discount"), "{text}");
}

#[test]
fn explain_speaks_georgian() {
    let output = loyalty(
        &[
            "explain",
            "examples/programs/retail.json",
            "--lang",
            "ka",
            "--format",
            "text",
        ],
        None,
    );
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("ქულები"), "{text}");
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let output = loyalty(&["validate", "no/such/file.json"], None);
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "unreadable");
    assert!(error["message"].as_str().unwrap().contains("cannot read"));
}

#[test]
fn the_committed_json_schema_is_the_one_the_types_give() {
    let output = loyalty(&["schema"], None);
    assert!(output.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/program.schema.json"
    ))
    .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        committed,
        "schema/program.schema.json is stale: run `cargo run --features cli -- schema > schema/program.schema.json`"
    );
}

/// Runs `loyalty simulate` on `orders` written to a temporary file, with the retail program.
fn simulate(name: &str, orders: &str, extra: &[&str]) -> Output {
    let path = std::env::temp_dir().join(format!("loyalty-{}-{name}.csv", std::process::id()));
    std::fs::write(&path, orders).unwrap();
    let mut args = vec![
        "simulate",
        path.to_str().unwrap(),
        "--program",
        "examples/programs/retail.json",
    ];
    args.extend(extra);
    loyalty(&args, None)
}

const BAD_ORDERS: &str = "customer,date,sku,category,price,quantity,cost\n\
a,2026-01-05,TEA,grocery,10.00,1,6.00\n\
b,2026-01-06,TEA,grocery,ten,1,6.00\n\
c,2026-01-07,TEA,grocery,10.00,1,6.00\n";

#[test]
fn simulate_stops_at_a_malformed_row_naming_its_line() {
    let output = simulate("stop", BAD_ORDERS, &[]);
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["path"], "line 3.price");
    assert!(error["message"].as_str().unwrap().contains("\"ten\""));
}

#[test]
fn simulate_can_skip_malformed_rows_and_lists_each_one() {
    let output = simulate("skip", BAD_ORDERS, &["--skip-bad-rows"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["rows"], 3);
    assert_eq!(result["bad_rows"], 1);
    assert_eq!(result["bad_row_list"][0]["line"], 3);
    assert_eq!(result["orders"], 2);
}

#[test]
fn partial_reports_written_by_the_command_merge_into_the_whole_run() {
    let orders = "customer,date,sku,category,price,quantity,cost\n\
        1,2026-01-05,T,grocery,120.00,1,60.00\n2,2026-01-06,T,grocery,30.00,2,9.00\n\
        3,2026-02-07,T,grocery,999.00,1,500.00\n1,2026-03-05,T,grocery,45.50,1,20.00\n\
        4,2026-03-09,T,grocery,12.00,3,5.00\n";
    let whole = simulate("whole", orders, &["--jobs", "1"]);
    let mut files = Vec::new();
    for part in ["1/3", "2/3", "3/3"] {
        let output = simulate("part", orders, &["--partition", part]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let path = std::env::temp_dir().join(format!(
            "loyalty-{}-part-{}.json",
            std::process::id(),
            &part[..1]
        ));
        std::fs::write(&path, &output.stdout).unwrap();
        files.push(path.to_str().unwrap().to_string());
    }
    let mut args = vec!["merge"];
    args.extend(files.iter().map(String::as_str));
    let merged = loyalty(&args, None);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert_eq!(
        String::from_utf8(merged.stdout).unwrap(),
        String::from_utf8(whole.stdout).unwrap()
    );
}

#[test]
fn simulate_takes_an_expected_redemption_share() {
    let mut orders = String::from("customer,date,sku,category,price,quantity,cost\n");
    for month in 1..=12 {
        orders += &format!("a,2026-{month:02}-10,T,grocery,250.00,1,150.00\n");
    }
    let cost = |redeem: &str| -> rust_decimal::Decimal {
        let output = simulate("share", &orders, &["--redeem", redeem]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        report["program_cost"]["points_redeemed_value"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap()
    };
    let (never, share, max) = (cost("never"), cost("60"), cost("max"));
    assert!(
        never.is_zero() && !share.is_zero() && share < max,
        "{never} {share} {max}"
    );
    let refused = simulate("share-refused", &orders, &["--redeem", "150"]);
    let error: Value = serde_json::from_slice(&refused.stderr).unwrap();
    assert_eq!(
        (error["code"].as_str(), error["path"].as_str()),
        (Some("out_of_range"), Some("redeem.share"))
    );
}

#[test]
fn loyalty_return_pays_back_a_share_of_the_order() {
    let request = r#"{"program": {"version": 1, "id": "p", "name": "P", "currency": "USD",
        "discounts": [{"id": "ten", "name": "10%", "value": {"type": "percent", "percent": "10"}}]},
        "cart": {"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "20.00", "quantity": 2}]},
        "returns": [{"line": 0, "quantity": 1}]}"#;
    let output = loyalty(&["return"], Some(request));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let refund: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(refund["refund"], "18.00");
}

#[test]
fn a_gzipped_history_gives_the_report_of_the_plain_one() {
    use std::io::Write;
    let orders = "customer,date,sku,category,price,quantity,cost\na,2026-01-05,T,grocery,12.00,1,6.00\nb,2026-02-06,T,grocery,30.00,2,9.00\n";
    let plain = simulate("plain", orders, &[]);
    let path = std::env::temp_dir().join(format!("loyalty-{}-gz.csv.gz", std::process::id()));
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(orders.as_bytes()).unwrap();
    std::fs::write(&path, encoder.finish().unwrap()).unwrap();
    let args = [
        "simulate",
        path.to_str().unwrap(),
        "--program",
        "examples/programs/retail.json",
    ];
    let gzipped = loyalty(&args, None);
    assert!(plain.status.success() && gzipped.status.success());
    assert_eq!(plain.stdout, gzipped.stdout);
    let report: Value = serde_json::from_slice(&gzipped.stdout).unwrap();
    assert_eq!(report["orders"], 2);
}

#[test]
fn simulate_refuses_orders_neither_by_date_nor_by_customer_and_by_date_when_told() {
    let grouped = "customer,date,sku,category,price,quantity,cost\na,2026-02-05,T,g,1.00,1,0.50\nb,2026-01-05,T,g,1.00,1,0.50\n";
    let output = simulate("by-date", grouped, &["--skip-bad-rows", "--order", "date"]);
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "dates_out_of_order");
    assert_eq!(error["path"], "line 3");
    // Grouped by customer: read as such when not told otherwise.
    let output = simulate("grouped", grouped, &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let neither = "customer,date,sku,category,price,quantity,cost\nb,2026-02-05,T,g,1.00,1,0.50\na,2026-01-05,T,g,1.00,1,0.50\nb,2026-03-05,T,g,1.00,1,0.50\n";
    let output = simulate("neither", neither, &[]);
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "dates_out_of_order");
    assert_eq!(error["path"], "line 3");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("sort them by date, or by customer"));
}

#[test]
fn project_margin_and_compare_print_text_tables() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (command, fixture, needle) in [
        (
            "project",
            "project-retail-100-a-month-for-a-year",
            "2026-05  silver",
        ),
        (
            "margin",
            "margin-retail-40-percent-margin",
            "share of gross profit given away  7.29 %",
        ),
        (
            "compare",
            "compare-domain-discount-vs-points-vs-cashback",
            "5% in points",
        ),
    ] {
        let fixture: Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{root}/fixtures/calculations/{fixture}.json"))
                .unwrap(),
        )
        .unwrap();
        let output = loyalty(
            &[command, "--format", "text"],
            Some(&fixture["request"].to_string()),
        );
        assert!(
            output.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains(needle), "{command}:\n{text}");
    }
}

#[test]
fn the_committed_api_schema_is_the_one_the_types_give() {
    let output = loyalty(&["schema", "--all"], None);
    assert!(output.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/loyalty-api.schema.json"
    ))
    .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        committed,
        "schema/loyalty-api.schema.json is stale: run `cargo run --features cli -- schema --all > schema/loyalty-api.schema.json`"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    // `loyalty explain … | head -0`: the pipe is closed before the command writes to it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_loyalty"))
        .args(["explain", "examples/programs/retail.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "",
        "no panic, no message"
    );
    assert!(output.status.success());
}

#[test]
fn an_output_that_cannot_be_written_is_an_error_with_a_code() {
    // Linux's /dev/full refuses every write, as a full disk would.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_loyalty"))
        .args(["explain", "examples/programs/retail.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "unwritable");
}
