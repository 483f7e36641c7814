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
