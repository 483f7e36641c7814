//! Golden fixtures for projections, margin impact, comparisons and the seller-side calculators:
//! each file in `fixtures/calculations/` names its command, its request, hand-checked figures and
//! the whole expected result.

mod common;

use common::{check, fixture_files, read_json};
use loyalty::{calculators, economics, from_json, projection};
use serde_json::Value;

fn run(command: &str, request: &str) -> loyalty::Result<Value> {
    let value = match command {
        "project" => serde_json::to_value(projection::project(&from_json(request)?)?),
        "margin" => serde_json::to_value(economics::margin_impact(&from_json(request)?)?),
        "compare" => serde_json::to_value(economics::compare(&from_json(request)?)?),
        "preview" => serde_json::to_value(loyalty::preview::preview(&from_json(request)?)?),
        "forecast" => serde_json::to_value(loyalty::portfolio::forecast(
            &loyalty::json::portfolio_from_json(request)?,
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
            use loyalty::orders_csv::{simulate, OnBadRow};
            let request: Value = serde_json::from_str(request).unwrap();
            let root = common::root();
            let program = from_json(
                &std::fs::read_to_string(root.join(format!(
                    "examples/programs/{}.json",
                    request["program"].as_str().unwrap()
                )))
                .unwrap(),
            )?;
            let orders =
                std::fs::File::open(root.join(request["orders"].as_str().unwrap())).unwrap();
            serde_json::to_value(simulate(
                orders,
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
