//! Golden fixtures: each file in `fixtures/quotes/` is a request with its expected quote.
//! The same files are read by the Wasm tests in Node and in Chromium.
//!
//! `expect` holds figures checked by hand (the fixture's `explains` says how); `quote` holds the
//! whole expected output. Run with `UPDATE_GOLDEN=1` to rewrite `quote` after a deliberate change;
//! `expect` is never rewritten.

use loyalty::{quote, Request};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The request of a fixture; `program` names a file in `examples/programs/` or is inline.
pub fn request_of(fixture: &Value) -> Request {
    let program = match &fixture["program"] {
        Value::String(name) => {
            let path = root()
                .join("examples/programs")
                .join(format!("{name}.json"));
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        }
        inline => inline.clone(),
    };
    let request = serde_json::json!({
        "program": program,
        "customer": fixture.get("customer").cloned().unwrap_or(serde_json::json!({})),
        "cart": fixture["cart"],
    });
    serde_json::from_value(request).unwrap()
}

fn lookup<'a>(value: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .fold(value, |value, key| match key.parse::<usize>() {
            Ok(index) => &value[index],
            Err(_) => &value[key],
        })
}

fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("fixtures/quotes"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn check(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut fixture: Value = serde_json::from_str(&text).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let actual = serde_json::to_value(
        quote(&request_of(&fixture)).unwrap_or_else(|e| panic!("{name}: {e}")),
    )
    .unwrap();
    let mut failures = Vec::new();
    for (key, expected) in fixture["expect"]
        .as_object()
        .unwrap_or_else(|| panic!("{name}: no expect"))
    {
        let got = lookup(&actual, key);
        if got != expected {
            failures.push(format!(
                "{name}: {key} is {got}, hand-checked value is {expected}"
            ));
        }
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fixture["quote"] = actual;
        std::fs::write(path, serde_json::to_string_pretty(&fixture).unwrap() + "\n").unwrap();
    } else if fixture["quote"] != actual {
        failures.push(format!(
            "{name}: the quote differs from the golden one\nexpected: {}\nactual:   {}",
            fixture["quote"], actual
        ));
    }
    failures
}

#[test]
fn every_golden_fixture_matches() {
    let files = fixture_files();
    assert!(
        files.len() >= 15,
        "expected the full fixture set, found {}",
        files.len()
    );
    let failures: Vec<String> = files.iter().flat_map(|path| check(path)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_example_program_validates_and_is_used_by_a_fixture() {
    let used: Vec<String> = fixture_files()
        .iter()
        .map(|path| serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap()).unwrap())
        .filter_map(|fixture| fixture["program"].as_str().map(String::from))
        .collect();
    for entry in std::fs::read_dir(root().join("examples/programs")).unwrap() {
        let path = entry.unwrap().path();
        let program: loyalty::Program =
            loyalty::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        program
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        assert!(used.contains(&stem), "no fixture uses {stem}");
    }
}
