//! Golden fixtures for projections, margin impact, comparisons and the seller-side calculators:
//! each file in `fixtures/calculations/` names its command, its request, hand-checked figures and
//! the whole expected result.

mod common;

use common::fuzz::{
    arbitrary_json, extremes_together, field_names, mutated, with_edge_values, with_field,
};
use common::{check, fixture_files, read_json};
use loyalty::analytics::{calculators, economics, projection};
use loyalty::from_json;
use proptest::prelude::*;
use serde_json::Value;

fn run(command: &str, request: &str) -> loyalty::Result<Value> {
    let value = match command {
        "project" => serde_json::to_value(projection::project(&from_json(request)?)?),
        "margin" => serde_json::to_value(economics::margin_impact(&from_json(request)?)?),
        "compare" => serde_json::to_value(economics::compare(&from_json(request)?)?),
        "preview" => {
            serde_json::to_value(loyalty::analytics::preview::preview(&from_json(request)?)?)
        }
        "refund" => serde_json::to_value(loyalty::analytics::refund::refund(&from_json(request)?)?),
        "forecast" => serde_json::to_value(loyalty::analytics::portfolio::forecast(
            &loyalty::analytics::read::portfolio_from_json(request)?,
        )?),
        "calc" => {
            let answer = calculators::calculate(&from_json(request)?)?;
            Ok(Value::Object(
                answer
                    .into_iter()
                    .map(|(k, v)| (k, Value::from(v)))
                    .collect(),
            ))
        }
        #[cfg(feature = "cli")]
        "simulate" => {
            use loyalty::history::csv_file::{simulate, OnBadRow};
            let request: Value = serde_json::from_str(request).unwrap();
            let root = common::root();
            let program = from_json(
                &std::fs::read_to_string(root.join(format!(
                    "examples/programs/{}.json",
                    request["program"].as_str().unwrap()
                )))
                .unwrap(),
            )?;
            let orders = root.join(request["orders"].as_str().unwrap());
            serde_json::to_value(simulate(
                orders.as_path(),
                program,
                projection::Redeem::Never,
                OnBadRow::Stop,
                |_| {},
            )?)
        }
        other => panic!("no calculator {other} in this build (simulate needs --features cli)"),
    };
    Ok(value.unwrap())
}

#[test]
fn every_calculation_fixture_matches() {
    let files = fixture_files("fixtures/calculations");
    assert!(files.len() >= 12, "found {}", files.len());
    let failures: Vec<String> = files
        .iter()
        .flat_map(|path| {
            let fixture = read_json(path);
            let result = run(
                fixture["command"].as_str().unwrap(),
                &fixture["request"].to_string(),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            check(path, "result", result)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn calculation_requests() -> &'static [(String, Value)] {
    static REQUESTS: std::sync::OnceLock<Vec<(String, Value)>> = std::sync::OnceLock::new();
    REQUESTS.get_or_init(|| {
        fixture_files("fixtures/calculations")
            .iter()
            .map(|path| read_json(path))
            .filter(|fixture| fixture["command"] != "simulate") // its request names files
            .map(|fixture| {
                let command = fixture["command"].as_str().unwrap().to_string();
                (command, fixture["request"].clone())
            })
            .collect()
    })
}

/// Every decimal and whole number in every calculation fixture's request, set in turn to values
/// at the edges of what the field may hold: answered or refused, never a panic.
#[test]
fn edge_values_in_any_field_never_panic() {
    let mut runs = 0;
    for (command, request) in calculation_requests() {
        for edged in with_edge_values(request) {
            if let Err(error) = run(command, &edged.to_string()) {
                assert!(!error.message.is_empty());
            }
            runs += 1;
        }
    }
    assert!(runs > 500, "only {runs} runs");
}

/// Every amount, rate and count in every calculation request set at once to accepted extremes,
/// mixed: answered or refused, never a panic (a month's points × their value once overflowed).
#[test]
fn extremes_together_never_panic() {
    for (command, request) in calculation_requests() {
        extremes_together(request, 1000, |request| {
            if let Err(error) = run(command, &request.to_string()) {
                assert!(!error.message.is_empty());
            }
        });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Fuzz-style: a real projection, forecast, margin, comparison, preview or calculator request
    /// with one node replaced by arbitrary JSON, or one field added, is answered or refused with a
    /// message, never a panic (overflow included: the tests build with overflow checks).
    #[test]
    fn mutated_calculation_requests_never_panic(
        which in any::<prop::sample::Index>(),
        node in any::<prop::sample::Index>(),
        replacement in arbitrary_json(),
        added in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let requests = calculation_requests();
        let (command, request) = &requests[which.index(requests.len())];
        // Either a node replaced, or a field the schema knows added (fixtures leave many out).
        let request = match added {
            None => mutated(request, node, replacement),
            Some(name) => {
                let names = field_names();
                with_field(request, node, &names[name.index(names.len())], replacement)
            }
        };
        if let Err(error) = run(command, &request.to_string()) {
            prop_assert!(!error.message.is_empty());
        }
    }
}
