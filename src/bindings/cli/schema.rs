//! `loyalty schema`: the JSON Schema of every request and result, decimals written as strings as
//! the JSON carries them.

use loyalty::analytics::portfolio::Portfolio;
use loyalty::{Error, Program};

/// One schema whose `$defs` hold every request and result of the library and the Wasm packages.
pub(crate) fn api_schema() -> serde_json::Value {
    use loyalty::analytics::{calculators, economics, preview, projection, simulate};
    use loyalty::checkout::quote;
    let mut generator = schemars::SchemaGenerator::default();
    generator.subschema_for::<Program>();
    generator.subschema_for::<loyalty::Customer>();
    generator.subschema_for::<loyalty::Cart>();
    generator.subschema_for::<quote::Request>();
    generator.subschema_for::<quote::Quote>();
    generator.subschema_for::<projection::ProjectionRequest>();
    generator.subschema_for::<projection::Projection>();
    generator.subschema_for::<loyalty::analytics::portfolio::PortfolioRequest>();
    generator.subschema_for::<Portfolio>();
    generator.subschema_for::<economics::MarginRequest>();
    generator.subschema_for::<economics::MarginImpact>();
    generator.subschema_for::<economics::CompareRequest>();
    generator.subschema_for::<economics::ComparisonRow>();
    generator.subschema_for::<loyalty::analytics::refund::RefundRequest>();
    generator.subschema_for::<loyalty::analytics::refund::Refund>();
    generator.subschema_for::<preview::PreviewRequest>();
    generator.subschema_for::<preview::Preview>();
    generator.subschema_for::<calculators::Calculation>();
    generator.subschema_for::<simulate::Report>();
    generator.subschema_for::<Error>();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "LoyaltyCalculatorApi",
        "$defs": generator.definitions(),
    })
}

/// Money and rates are read from decimal strings only; schemars would also allow numbers, for
/// `Decimal` (`["string", "number"]`) and `Option<Decimal>` (`["string", "number", "null"]`).
pub(crate) fn decimals_as_strings(schema: &mut serde_json::Value) {
    use serde_json::{json, Value};
    match schema {
        Value::Object(map) => {
            let decimal = json!(["string", "number"]);
            let optional_decimal = json!(["string", "number", "null"]);
            let string = match map.get("type") {
                Some(kind) if *kind == decimal => Some(json!("string")),
                Some(kind) if *kind == optional_decimal => Some(json!(["string", "null"])),
                _ => None,
            };
            if let Some(string) = string {
                map.insert("type".into(), string);
                map.insert("pattern".into(), r"^-?[0-9]+(\.[0-9]+)?$".into());
            }
            map.values_mut().for_each(decimals_as_strings);
        }
        Value::Array(items) => items.iter_mut().for_each(decimals_as_strings),
        _ => {}
    }
}
