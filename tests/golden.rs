//! Golden fixtures: each file in `fixtures/quotes/` is a request with its expected quote.
//! The same files are read by the Wasm tests in Node and in Chromium.

mod common;

use common::{check, fixture_files, read_json, root};
use loyalty::format::json::write::ToJson;
use loyalty::{quote, Request};
use serde_json::Value;

/// The request of a fixture; `program` names a file in `examples/programs/` or is inline.
fn request_of(fixture: &Value) -> Request {
    let program = match &fixture["program"] {
        Value::String(name) => read_json(
            &root()
                .join("examples/programs")
                .join(format!("{name}.json")),
        ),
        inline => inline.clone(),
    };
    let request = serde_json::json!({
        "program": program,
        "customer": fixture.get("customer").cloned().unwrap_or(serde_json::json!({})),
        "cart": fixture["cart"],
    });
    let mut request = request;
    if let Some(locale) = fixture.get("locale") {
        request["locale"] = locale.clone();
    }
    loyalty::from_json(&request.to_string()).unwrap()
}

#[test]
fn every_golden_fixture_matches() {
    let files = fixture_files("fixtures/quotes");
    assert!(
        files.len() >= 15,
        "expected the full fixture set, found {}",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let name = path.display().to_string();
            let quote =
                quote(&request_of(&read_json(path))).unwrap_or_else(|e| panic!("{name}: {e}"));
            // The checkout writes its quotes by hand; they must be what serde_json writes.
            assert_eq!(
                quote.to_json(),
                serde_json::to_string(&quote).unwrap(),
                "{name}"
            );
            check(path, "quote", serde_json::to_value(quote).unwrap())
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_example_program_validates_and_is_used_by_a_fixture() {
    let used: Vec<String> = fixture_files("fixtures/quotes")
        .iter()
        .filter_map(|path| read_json(path)["program"].as_str().map(String::from))
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

/// Each example's summary in each language, reviewed as text: `fixtures/summaries/ID.LANG.txt`.
/// The same files are read by the Wasm test in Node. `UPDATE_GOLDEN=1` writes them anew.
#[test]
fn every_example_is_summarised_as_its_reviewed_fixture_in_four_languages() {
    let mut failures = Vec::new();
    let programs = fixture_files("examples/programs");
    assert!(programs.len() >= 16, "found {}", programs.len());
    for path in programs {
        let program: loyalty::Program =
            loyalty::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for lang in ["en", "ru", "hy", "ka"] {
            let summary = loyalty::summarize(&program, lang.parse().unwrap());
            let file = root()
                .join("fixtures/summaries")
                .join(format!("{}.{lang}.txt", program.id));
            if std::env::var_os("UPDATE_GOLDEN").is_some() {
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(&file, format!("{summary}\n")).unwrap();
            }
            let reviewed = std::fs::read_to_string(&file).unwrap_or_default();
            if reviewed.trim_end() != summary {
                failures.push(format!(
                    "{}:\n  reviewed: {reviewed}  now:      {summary}",
                    file.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
