//! Every kind of bad input is refused with a stable code, the field's path and a message.

use loyalty::{from_json, quote, ErrorCode, Lang, Program, Request};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

#[allow(dead_code)] // the golden helpers are for other tests
mod common;
use common::fuzz::{arbitrary_json, extremes_together, mutated, with_edge_values};

fn base_request() -> Value {
    json!({
        "program": {
            "version": 1, "id": "p", "name": "P", "currency": "USD",
            "tiers": [
                {"id": "a", "name": "A", "threshold": "0"},
                {"id": "b", "name": "B", "threshold": "100.00", "discount_percent": "5"},
                {"id": "c", "name": "C", "threshold": "500.00", "discount_percent": "10"}
            ],
            "discounts": [{"id": "tier", "name": "Tier", "value": {"type": "tier_percent"}}],
            "promo_codes": [{"code": "X", "valid_from": "2026-01-01", "valid_until": "2026-12-31"}],
            "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01"}
        },
        "customer": {"tier": "b"},
        "cart": {"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "10.00", "quantity": 1}]}
    })
}

/// Sets the field at a dotted path (numbers index arrays) and returns the refusal.
fn refused(path: &str, value: Value) -> loyalty::Error {
    refused_with(&[(path, value)])
}

/// The same, with several fields set.
fn refused_with(changes: &[(&str, Value)]) -> loyalty::Error {
    let mut request = base_request();
    for (path, value) in changes {
        let mut node = &mut request;
        let keys: Vec<&str> = path.split('.').collect();
        for key in &keys[..keys.len() - 1] {
            node = match key.parse::<usize>() {
                Ok(index) => &mut node[index],
                Err(_) => &mut node[*key],
            };
        }
        let last = keys[keys.len() - 1];
        match last.parse::<usize>() {
            Ok(index) => node[index] = value.clone(),
            Err(_) => node[last] = value.clone(),
        }
    }
    let text = request.to_string();
    match from_json::<Request>(&text) {
        Err(error) => error,
        Ok(request) => quote(&request).expect_err("the request should be refused"),
    }
}

fn assert_refused(path: &str, value: Value, code: ErrorCode, error_path: &str) {
    let error = refused(path, value);
    assert_eq!(
        (error.code, error.path.as_str()),
        (code, error_path),
        "{error}"
    );
    assert!(!error.message.is_empty());
}

#[test]
fn the_base_request_is_valid() {
    let request: Request = from_json(&base_request().to_string()).unwrap();
    assert_eq!(quote(&request).unwrap().payable.to_string(), "9.50");
}

#[test]
fn unknown_fields_and_wrong_types() {
    assert_refused(
        "cart.lines.0.colour",
        json!("red"),
        ErrorCode::UnknownField,
        "cart.lines[0].colour",
    );
    assert_refused(
        "cart.lines.0.quantity",
        json!("two"),
        ErrorCode::WrongType,
        "cart.lines[0].quantity",
    );
    assert_refused(
        "cart.lines.0.unit_price",
        json!(10.5),
        ErrorCode::WrongType,
        "cart.lines[0].unit_price",
    );
    assert_refused(
        "program.tiers.1.threshold",
        json!(true),
        ErrorCode::WrongType,
        "program.tiers[1].threshold",
    );
    assert_refused(
        "cart.date",
        json!("22/11/2026"),
        ErrorCode::InvalidValue,
        "cart.date",
    );
    assert_refused(
        "program.discounts.0.value",
        json!({"type": "bogus"}),
        ErrorCode::InvalidValue,
        "program.discounts[0].value.type",
    );
}

#[test]
fn missing_fields_and_empty_values() {
    let mut request = base_request();
    request["cart"].as_object_mut().unwrap().remove("date");
    let error = from_json::<Request>(&request.to_string()).unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (ErrorCode::MissingField, "cart.date")
    );
    assert_refused(
        "program.discounts.0.value",
        json!({"type": "spend_steps", "steps": []}),
        ErrorCode::Empty,
        "program.discounts[0].value.steps",
    );
    assert_refused(
        "cart.lines.0.sku",
        json!(" "),
        ErrorCode::Empty,
        "cart.lines[0].sku",
    );
    assert_refused("program.id", json!(""), ErrorCode::Empty, "program.id");
}

#[test]
fn out_of_range_rates_and_amounts() {
    // Each price is within 10^15, but two lines of it are not.
    assert_refused(
        "cart.lines",
        json!([{"sku": "A", "unit_price": "1000000000000000", "quantity": 1},
               {"sku": "B", "unit_price": "0.01", "quantity": 1}]),
        ErrorCode::TooLarge,
        "cart.lines",
    );
    assert_refused(
        "program.tiers.1.discount_percent",
        json!("-5"),
        ErrorCode::OutOfRange,
        "program.tiers[1].discount_percent",
    );
    assert_refused(
        "program.tiers.1.discount_percent",
        json!("100.01"),
        ErrorCode::OutOfRange,
        "program.tiers[1].discount_percent",
    );
    assert_refused(
        "program.points.earn.per_amount",
        json!("0"),
        ErrorCode::OutOfRange,
        "program.points.earn.per_amount",
    );
    assert_refused(
        "cart.lines.0.unit_price",
        json!("1000000000000000000000"),
        ErrorCode::OutOfRange,
        "cart.lines[0].unit_price",
    );
    // 10^30 does not even fit rust_decimal's 96 bits: refused while reading, with its path.
    assert_refused(
        "cart.lines.0.unit_price",
        json!("1000000000000000000000000000000"),
        ErrorCode::InvalidValue,
        "cart.lines[0].unit_price",
    );
    assert_refused(
        "cart.lines.0.unit_price",
        json!("10.001"),
        ErrorCode::TooPrecise,
        "cart.lines[0].unit_price",
    );
    assert_refused(
        "cart.lines.0.quantity",
        json!(0),
        ErrorCode::OutOfRange,
        "cart.lines[0].quantity",
    );
    assert_refused(
        "cart.redeem_points",
        json!(u64::MAX),
        ErrorCode::OutOfRange,
        "cart.redeem_points",
    );
}

#[test]
fn structural_mistakes_in_programs() {
    assert_refused(
        "program.tiers.2.threshold",
        json!("100.00"),
        ErrorCode::NotIncreasing,
        "program.tiers[2].threshold",
    );
    assert_refused(
        "program.currency",
        json!("XYZ"),
        ErrorCode::UnknownCurrency,
        "program.currency",
    );
    assert_refused(
        "program.version",
        json!(2),
        ErrorCode::UnsupportedVersion,
        "program.version",
    );
    assert_refused(
        "program.promo_codes.0.valid_until",
        json!("2025-01-01"),
        ErrorCode::DatesOutOfOrder,
        "program.promo_codes[0].valid_until",
    );
    assert_refused(
        "program.tiers.2.id",
        json!("a"),
        ErrorCode::DuplicateId,
        "program.tiers[2].id",
    );
    assert_refused(
        "customer.tier",
        json!("z"),
        ErrorCode::UnknownReference,
        "customer.tier",
    );
    assert_refused(
        "cart.events",
        json!([{"id": "nothing"}]),
        ErrorCode::UnknownReference,
        "cart.events[0].id",
    );
}

#[test]
fn oversized_and_deeply_nested_input_is_refused_without_a_panic() {
    let line = r#"{"sku":"A","unit_price":"1.00","quantity":1},"#;
    let lines = line.repeat(50 * 1024 * 1024 / line.len());
    let text = format!(
        r#"{{"date":"2026-11-22","lines":[{}]}}"#,
        lines.trim_end_matches(',')
    );
    assert!(text.len() > 50_000_000);
    assert_eq!(
        from_json::<loyalty::Cart>(&text).unwrap_err().code,
        ErrorCode::TooLarge
    );

    let many: Vec<Value> = (0..10_001)
        .map(|_| json!({"sku": "A", "unit_price": "1.00", "quantity": 1}))
        .collect();
    assert_refused("cart.lines", json!(many), ErrorCode::TooLarge, "cart.lines");

    let deep = format!(
        "{{\"program\": {}{}}}",
        "{\"a\":".repeat(10_000),
        "}".repeat(10_001)
    );
    assert!(from_json::<Request>(&deep).is_err());
}

#[test]
fn a_return_policy_is_said_in_the_summary_in_every_language() {
    let mut program: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/programs/retail.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let said = |program: &serde_json::Value, lang| {
        loyalty::summarize(&loyalty::from_value::<Program>(program).unwrap(), lang)
    };
    let without: Vec<String> = [Lang::En, Lang::Ru, Lang::Hy, Lang::Ka]
        .into_iter()
        .map(|lang| said(&program, lang))
        .collect();
    program["returns"] = serde_json::json!({"broken_minimums": "keep", "redeemed_points": "first"});
    let keep_first: Vec<String> = [Lang::En, Lang::Ru, Lang::Hy, Lang::Ka]
        .into_iter()
        .map(|lang| said(&program, lang))
        .collect();
    program["returns"] = serde_json::json!({});
    let reclaim: Vec<String> = [Lang::En, Lang::Ru, Lang::Hy, Lang::Ka]
        .into_iter()
        .map(|lang| said(&program, lang))
        .collect();
    for at in 0..4 {
        assert!(
            keep_first[at].len() > without[at].len(),
            "{}",
            keep_first[at]
        );
        assert_ne!(keep_first[at], reclaim[at]);
    }
    assert!(
        reclaim[0].contains("taken from the refund") && reclaim[0].contains("in proportion"),
        "{}",
        reclaim[0]
    );
    assert!(
        keep_first[1].contains("сохраняют скидку") && keep_first[1].contains("в первую очередь"),
        "{}",
        keep_first[1]
    );
}

#[test]
fn a_simple_program_is_summarised_within_fifty_words_in_every_language() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/programs/retail.json"
    ))
    .unwrap();
    let program: Program = from_json(&text).unwrap();
    for lang in [Lang::En, Lang::Ru, Lang::Hy, Lang::Ka] {
        let summary = loyalty::summarize(&program, lang);
        let words = loyalty::summary::word_count(&summary);
        assert!(words <= 50, "{lang:?}: {words} words: {summary}");
        assert!(
            summary.contains("20%"),
            "{lang:?} names the redemption cap: {summary}"
        );
    }
    assert!(loyalty::summarize(&program, Lang::Ka).contains("ქულები"));
    assert!(!loyalty::summarize(&program, Lang::Ka).contains("Points"));
}

#[test]
fn names_in_several_languages_are_checked_with_code_and_path() {
    let gold = |texts: Value| texts;
    // Accepted: a plain name, or a map that includes the default language ("en" by default).
    let request: Request = from_json(
        &{
            let mut request = base_request();
            request["program"]["tiers"][2]["name"] = json!({"en": "Gold", "ka": "ოქრო"});
            request["program"]["categories"] = json!({"beans": {"en": "coffee beans"}});
            request
        }
        .to_string(),
    )
    .unwrap();
    assert!(quote(&request).is_ok());

    assert_refused(
        "program.tiers.2.name",
        gold(json!({"ka": "ოქრო"})),
        ErrorCode::MissingField,
        "program.tiers[2].name",
    );
    assert_refused(
        "program.tiers.2.name",
        json!({"en": "Gold", "georgian": "ოქრო"}),
        ErrorCode::InvalidValue,
        "program.tiers[2].name.georgian",
    );
    assert_refused(
        "program.tiers.2.name",
        json!({"en": "Gold", "ka": " "}),
        ErrorCode::Empty,
        "program.tiers[2].name.ka",
    );
    assert_refused(
        "program.tiers.2.name",
        json!({"en": 7}),
        ErrorCode::WrongType,
        "program.tiers[2].name.en",
    );
    assert_refused(
        "program.tiers.2.name",
        json!(["Gold"]),
        ErrorCode::WrongType,
        "program.tiers[2].name",
    );
    assert_refused(
        "program.discounts.0.name",
        json!({}),
        ErrorCode::MissingField,
        "program.discounts[0].name",
    );
    assert_refused(
        "program.default_language",
        json!("Georgian"),
        ErrorCode::InvalidValue,
        "program.default_language",
    );
    assert_refused(
        "program.categories",
        json!({"beans": {"ru": "кофе в зёрнах"}}),
        ErrorCode::MissingField,
        "program.categories.beans",
    );
    assert_refused(
        "program.tiers.1.perks",
        json!(["Free delivery", {"en": "Gift", "xx_YY": "?"}]),
        ErrorCode::InvalidValue,
        "program.tiers[1].perks[1].xx_YY",
    );
}

#[test]
fn included_tax_is_checked_with_code_and_path() {
    let tax = |value: Value| value;
    assert_refused(
        "program.included_tax",
        tax(json!({"percent": "120"})),
        ErrorCode::OutOfRange,
        "program.included_tax.percent",
    );
    assert_refused(
        "program.included_tax",
        json!({"percent": 20}),
        ErrorCode::WrongType,
        "program.included_tax.percent",
    );
    assert_refused(
        "program.included_tax",
        json!({}),
        ErrorCode::MissingField,
        "program.included_tax.percent",
    );
    assert_refused(
        "program.included_tax",
        json!({"percent": "20", "rates": [{"categories": [], "percent": "10"}]}),
        ErrorCode::Empty,
        "program.included_tax.rates[0].categories",
    );
    assert_refused(
        "program.included_tax",
        json!({"percent": "20", "rates": [{"categories": ["books"], "percent": "10"},
                                          {"categories": ["food", "books"], "percent": "0"}]}),
        ErrorCode::DuplicateId,
        "program.included_tax.rates[1].categories",
    );
    assert_refused(
        "program.included_tax",
        json!({"percent": "20", "rounding": "per_order"}),
        ErrorCode::InvalidValue,
        "program.included_tax.rounding",
    );
    assert_refused(
        "program.included_tax",
        json!({"percent": "20", "earn_on": "after_tax"}),
        ErrorCode::InvalidValue,
        "program.included_tax.earn_on",
    );
}

#[test]
fn quantity_breaks_are_checked_with_code_and_path() {
    let breaks = |breaks: Value| json!({"type": "quantity_breaks", "breaks": breaks});
    assert_refused(
        "program.discounts.0.value",
        breaks(json!([])),
        ErrorCode::Empty,
        "program.discounts[0].value.breaks",
    );
    assert_refused(
        "program.discounts.0.value",
        breaks(json!([{"quantity": 10, "percent": "5"}, {"quantity": 10, "percent": "8"}])),
        ErrorCode::NotIncreasing,
        "program.discounts[0].value.breaks[1].quantity",
    );
    assert_refused(
        "program.discounts.0.value",
        breaks(json!([{"quantity": 0, "percent": "5"}])),
        ErrorCode::NotIncreasing,
        "program.discounts[0].value.breaks[0].quantity",
    );
    assert_refused(
        "program.discounts.0.value",
        breaks(json!([{"quantity": 10, "percent": "105"}])),
        ErrorCode::OutOfRange,
        "program.discounts[0].value.breaks[0].percent",
    );
    assert_refused(
        "program.discounts.0.value",
        json!({"type": "quantity_breaks", "breaks": [{"quantity": 10, "percent": "5"}], "counted": "per_order"}),
        ErrorCode::InvalidValue,
        "program.discounts[0].value.counted",
    );
}

#[test]
fn buy_get_offers_are_checked_with_code_and_path() {
    let offer = |extra: Value| {
        let mut value = json!({"type": "buy_get", "buy": 2, "get": 1});
        for (key, item) in extra.as_object().unwrap() {
            value[key] = item.clone();
        }
        value
    };
    let at = "program.discounts.0.value";
    assert_refused(
        at,
        offer(json!({"buy": 0})),
        ErrorCode::OutOfRange,
        "program.discounts[0].value.buy",
    );
    assert_refused(
        at,
        offer(json!({"get": 0})),
        ErrorCode::OutOfRange,
        "program.discounts[0].value.get",
    );
    assert_refused(
        at,
        offer(json!({"max_applications": 0})),
        ErrorCode::OutOfRange,
        "program.discounts[0].value.max_applications",
    );
    assert_refused(
        at,
        offer(json!({"percent": "150"})),
        ErrorCode::OutOfRange,
        "program.discounts[0].value.percent",
    );
    assert_refused(
        at,
        offer(json!({"pick": "random"})),
        ErrorCode::InvalidValue,
        "program.discounts[0].value.pick",
    );
    assert_refused(
        at,
        json!({"type": "buy_get", "get": 1}),
        ErrorCode::MissingField,
        "program.discounts[0].value.buy",
    );
}

#[test]
fn usage_limits_and_usage_are_checked_with_code_and_path() {
    assert_refused(
        "program.promo_codes.0.limits",
        json!({"uses": 0}),
        ErrorCode::OutOfRange,
        "program.promo_codes[0].limits.uses",
    );
    assert_refused(
        "program.discounts.0.limits",
        json!({"budget": "-5.00"}),
        ErrorCode::OutOfRange,
        "program.discounts[0].limits.budget",
    );
    // Usage of a code or a rule the program does not limit is refused, not ignored.
    assert_refused(
        "cart.usage",
        json!({"codes": {"X": {"uses": 3}}}),
        ErrorCode::UnknownReference,
        "cart.usage.codes.X",
    );
    assert_refused(
        "cart.usage",
        json!({"discounts": {"tier": {"spent": "1.00"}}}),
        ErrorCode::UnknownReference,
        "cart.usage.discounts.tier",
    );
    assert_refused(
        "cart.usage",
        json!({"codes": {"X": {"uses": -1}}}),
        ErrorCode::OutOfRange,
        "cart.usage.codes.X.uses",
    );
}

#[test]
fn pending_days_are_checked_with_code_and_path() {
    assert_refused(
        "program.points.pending_days",
        json!(366),
        ErrorCode::OutOfRange,
        "program.points.pending_days",
    );
    assert_refused(
        "program.points.pending_days",
        json!("14"),
        ErrorCode::WrongType,
        "program.points.pending_days",
    );
}

#[test]
fn campaign_conditions_are_checked_with_code_and_path() {
    assert_refused(
        "program.discounts.0.conditions",
        json!({"days_of_week": ["sat", "Sunday"]}),
        ErrorCode::InvalidValue,
        "program.discounts[0].conditions.days_of_week[1]",
    );
    assert_refused(
        "program.discounts.0.conditions",
        json!({"birthday_window_days": 40}),
        ErrorCode::OutOfRange,
        "program.discounts[0].conditions.birthday_window_days",
    );
    assert_refused(
        "customer.birth_date",
        json!("25.11.1990"),
        ErrorCode::InvalidValue,
        "customer.birth_date",
    );
}

#[test]
fn line_attributes_and_multipliers_are_checked_with_code_and_path() {
    let declared = (
        "program.attributes",
        json!({"fare": "text", "km": "number"}),
    );
    type Case<'a> = (Vec<(&'a str, Value)>, ErrorCode, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec![("cart.lines.0.attributes", json!({"fare": "J"}))],
            ErrorCode::UnknownReference,
            "cart.lines[0].attributes.fare",
        ),
        (
            vec![
                declared.clone(),
                ("cart.lines.0.attributes", json!({"km": "3,150"})),
            ],
            ErrorCode::InvalidValue,
            "cart.lines[0].attributes.km",
        ),
        (
            vec![
                declared.clone(),
                ("cart.lines.0.attributes", json!({"km": 3150})),
            ],
            ErrorCode::WrongType,
            "cart.lines[0].attributes.km",
        ),
        (
            vec![("program.attributes", json!({"fare": "word"}))],
            ErrorCode::InvalidValue,
            "program.attributes.fare",
        ),
        (
            vec![(
                "program.discounts.0.scope",
                json!({"attributes": [{"attribute": "fare", "one_of": ["J"]}]}),
            )],
            ErrorCode::UnknownReference,
            "program.discounts[0].scope.attributes[0].attribute",
        ),
        (
            vec![
                declared.clone(),
                (
                    "program.discounts.0.scope",
                    json!({"attributes": [{"attribute": "fare", "min": "1"}]}),
                ),
            ],
            ErrorCode::InvalidValue,
            "program.discounts[0].scope.attributes[0].min",
        ),
        (
            vec![
                declared.clone(),
                (
                    "program.discounts.0.scope",
                    json!({"attributes": [{"attribute": "km", "min": "5", "max": "1"}]}),
                ),
            ],
            ErrorCode::NotIncreasing,
            "program.discounts[0].scope.attributes[0].max",
        ),
        (
            vec![
                declared.clone(),
                (
                    "program.discounts.0.scope",
                    json!({"attributes": [{"attribute": "km"}]}),
                ),
            ],
            ErrorCode::MissingField,
            "program.discounts[0].scope.attributes[0].min",
        ),
        (
            vec![
                declared.clone(),
                (
                    "program.points.earn.per_unit",
                    json!([{"categories": ["f"]}]),
                ),
            ],
            ErrorCode::MissingField,
            "program.points.earn.per_unit[0].points",
        ),
        (
            vec![
                declared.clone(),
                (
                    "program.points.earn.per_unit",
                    json!([{"categories": ["f"],
                "by_attribute": {"attribute": "km", "values": {"J": 2}}}]),
                ),
            ],
            ErrorCode::InvalidValue,
            "program.points.earn.per_unit[0].by_attribute.values",
        ),
        (
            vec![
                declared.clone(),
                (
                    "program.points.earn.per_unit",
                    json!([{"categories": ["f"],
                "by_attribute": {"attribute": "km", "bands": [{"from": "10", "points": 1}, {"from": "10", "points": 2}]}}]),
                ),
            ],
            ErrorCode::NotIncreasing,
            "program.points.earn.per_unit[0].by_attribute.bands[1].from",
        ),
        (
            vec![(
                "program.points.multipliers",
                json!([{"id": "m", "name": "M", "factor": "101"}]),
            )],
            ErrorCode::OutOfRange,
            "program.points.multipliers[0].factor",
        ),
        (
            vec![(
                "program.points.multipliers",
                json!([{"id": "m", "name": "M", "factor": "2",
                "conditions": {"tiers": ["z"]}}]),
            )],
            ErrorCode::UnknownReference,
            "program.points.multipliers[0].conditions.tiers[0]",
        ),
        (
            vec![(
                "program.points.multipliers",
                json!([{"id": "m", "name": "M", "factor": "2"},
                {"id": "m", "name": "N", "factor": "3"}]),
            )],
            ErrorCode::DuplicateId,
            "program.points.multipliers[1].id",
        ),
        (
            vec![(
                "program.points.multipliers",
                json!([{"id": "m", "name": {"ru": "Лето"}, "factor": "2"}]),
            )],
            ErrorCode::MissingField,
            "program.points.multipliers[0].name",
        ),
        (
            vec![("program.points.combine_multipliers", json!("sum"))],
            ErrorCode::InvalidValue,
            "program.points.combine_multipliers",
        ),
    ];
    for (changes, code, path) in cases {
        let error = refused_with(&changes);
        assert_eq!((error.code, error.path.as_str()), (code, path), "{error}");
        assert!(!error.message.is_empty());
    }
}

#[test]
fn sets_for_a_price_are_checked_with_code_and_path() {
    let set = |items: Value, price: &str| json!({"type": "bundle", "items": items, "price": price});
    for (value, code, path) in [
        (set(json!([]), "5.00"), ErrorCode::Empty, "value.items"),
        (
            set(json!([{"quantity": 2}]), "5.00"),
            ErrorCode::Empty,
            "value.items[0]",
        ),
        (
            set(json!([{"skus": ["A"], "quantity": 0}]), "5.00"),
            ErrorCode::OutOfRange,
            "value.items[0].quantity",
        ),
        (
            set(json!([{"skus": ["A"]}]), "5.001"),
            ErrorCode::TooPrecise,
            "value.price",
        ),
    ] {
        assert_refused(
            "program.discounts.0.value",
            value,
            code,
            &format!("program.discounts[0].{path}"),
        );
    }
}

#[test]
fn delivery_and_discount_classes_are_checked_with_code_and_path() {
    let free = json!({"id": "f", "name": "F", "value": {"type": "free_shipping"}});
    assert_refused(
        "cart.shipping",
        json!([{"method": "courier", "price": "-1.00"}]),
        ErrorCode::OutOfRange,
        "cart.shipping[0].price",
    );
    assert_refused(
        "cart.shipping",
        json!([{"method": "", "price": "1.00"}]),
        ErrorCode::Empty,
        "cart.shipping[0].method",
    );
    assert_refused(
        "cart.shipping",
        json!([{"method": "courier", "price": "1.001"}]),
        ErrorCode::TooPrecise,
        "cart.shipping[0].price",
    );
    let mut scoped = free.clone();
    scoped["scope"] = json!({"categories": ["tea"]});
    assert_refused(
        "program.discounts",
        json!([scoped]),
        ErrorCode::InvalidValue,
        "program.discounts[0].scope",
    );
    assert_refused(
        "program.discounts.0.combines_with",
        json!(["delivery"]),
        ErrorCode::InvalidValue,
        "program.discounts[0].combines_with[0]",
    );
    let mut inactive = free.clone();
    inactive["inactivity"] = json!({"after_days": 30, "percent": "5"});
    assert_refused(
        "program.discounts",
        json!([inactive]),
        ErrorCode::InvalidValue,
        "program.discounts[0].inactivity",
    );
    assert_refused(
        "program.points.multipliers",
        json!([{"id": "tier", "name": "Same id as the discount", "factor": "2"}]),
        ErrorCode::DuplicateId,
        "program.points.multipliers[0].id",
    );
    assert_refused(
        "program.shipping",
        json!({"earns_points": "yes"}),
        ErrorCode::WrongType,
        "program.shipping.earns_points",
    );
}

/// A simple program whose five display names are `names`.
fn named_program(names: &[String]) -> Program {
    from_json(
        &json!({
            "version": 1, "id": "p", "name": "P", "currency": "USD",
            "categories": {"beans": names[3].clone()},
            "tiers": [
                {"id": "a", "name": names[0].clone(), "threshold": "0"},
                {"id": "b", "name": {"en": names[1].clone(), "ka": names[1].clone()},
                 "threshold": "500.00", "discount_percent": "5"}
            ],
            "discounts": [{"id": "d", "name": names[2].clone(), "value": {"type": "tier_percent"},
                           "scope": {"categories": ["beans"]}}],
            "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01",
                       "max_redeem_percent": "20", "expiry_months": 12},
            "membership": {"name": names[4].clone(), "fee": "10.00", "period": "year"}
        })
        .to_string(),
    )
    .unwrap()
}

proptest! {
    /// Whatever the names, a simple program's summary is the same sentences around them: each
    /// name stands in it as written (never declined into a case), it adds only its own words, and
    /// with one-word names the summary stays within 50 words.
    #[test]
    fn summaries_are_built_around_names_as_written(
        names in prop::collection::vec("[a-zA-Zა-ჰа-я]{1,12}( [a-zA-Zა-ჰа-я]{1,12}){0,3}", 5),
        lang in prop::sample::select(vec![Lang::En, Lang::Ru, Lang::Hy, Lang::Ka]),
    ) {
        let summary = loyalty::summarize(&named_program(&names), lang);
        let placeholders: Vec<String> = (0..5).map(|i| format!("N{i}")).collect();
        let frame = loyalty::summarize(&named_program(&placeholders), lang);
        let count = loyalty::summary::word_count;
        prop_assert!(count(&frame) <= 50, "{} words: {}", count(&frame), frame);
        let extra: usize = names.iter().map(|name| count(name) - 1).sum();
        prop_assert_eq!(count(&summary), count(&frame) + extra, "{} / {}", summary, frame);
        for name in &names {
            prop_assert!(summary.contains(name.as_str()), "{} is not in: {}", name, summary);
        }
    }
}

fn fixture_requests() -> &'static [Value] {
    static REQUESTS: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    REQUESTS.get_or_init(load_fixture_requests)
}

fn load_fixture_requests() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/quotes");
    let mut requests = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let program = match &fixture["program"] {
            Value::String(name) => serde_json::from_str(
                &std::fs::read_to_string(format!(
                    "{}/examples/programs/{name}.json",
                    env!("CARGO_MANIFEST_DIR")
                ))
                .unwrap(),
            )
            .unwrap(),
            inline => inline.clone(),
        };
        requests.push(json!({"program": program, "customer": fixture.get("customer").cloned().unwrap_or(json!({})), "cart": fixture["cart"]}));
    }
    requests.sort_by_key(|r| r.to_string());
    requests
}

/// Every decimal and whole number in every golden quote's request, set in turn to values at the
/// edges of what the field may hold: quoted or refused, never a panic.
#[test]
fn edge_values_in_any_field_never_panic() {
    let mut runs = 0;
    for request in fixture_requests() {
        for edged in with_edge_values(request) {
            match from_json::<Request>(&edged.to_string()) {
                Ok(parsed) => match quote(&parsed) {
                    Ok(q) => assert!(q.payable >= rust_decimal::Decimal::ZERO),
                    Err(error) => assert!(!error.message.is_empty()),
                },
                Err(error) => assert!(!error.message.is_empty()),
            }
            runs += 1;
        }
    }
    assert!(runs > 500, "only {runs} runs");
}

/// Every amount, rate and count in every golden request set at once to accepted extremes, mixed:
/// quoted or refused, never a panic. This is how partner points × exchange rate was found to
/// overflow with a panic instead of an error.
#[test]
fn extremes_together_never_panic() {
    for request in fixture_requests() {
        extremes_together(request, 1000, |request| {
            match from_json::<Request>(&request.to_string()).and_then(|parsed| quote(&parsed)) {
                // Extremes change no rule: the lines still add up to the order, to the last unit.
                Ok(q) => {
                    let sum = |field: fn(&loyalty::checkout::quote::QuoteLine) -> Decimal| {
                        q.lines.iter().map(field).sum::<Decimal>()
                    };
                    // Delivery, after its own discounts, is paid beside the lines.
                    let delivery = q.shipping.as_ref().map_or(Decimal::ZERO, |s| s.total);
                    assert!(q.payable >= Decimal::ZERO);
                    assert_eq!(sum(|l| l.discount), q.discount_total);
                    assert_eq!(sum(|l| l.points_value), q.points_value);
                    assert_eq!(sum(|l| l.total) + delivery, q.payable);
                    assert_eq!(
                        q.subtotal - q.discount_total - q.points_value + delivery,
                        q.payable
                    );
                    if let Some(shipping) = &q.shipping {
                        assert_eq!(shipping.price - shipping.discount, shipping.total);
                        assert!(shipping.total >= Decimal::ZERO);
                        let given: Decimal = shipping.discounts.iter().map(|d| d.amount).sum();
                        assert_eq!(given, shipping.discount);
                    }
                }
                Err(error) => assert!(!error.message.is_empty()),
            }
        });
    }
}

#[test]
fn partner_points_beyond_what_a_decimal_holds_are_an_overflow_at_their_path() {
    let mut request = fixture_requests()
        .iter()
        .find(|r| r["cart"]["partner_points"].is_array())
        .unwrap()
        .clone();
    request["program"]["coalition"][0]["exchange_rate"] = json!("1000000000000000");
    let partner = request["program"]["coalition"][0]["id"].clone();
    request["cart"]["partner_points"] =
        json!([{"partner": partner, "points": 1_000_000_000_000_000u64}]);
    let error = quote(&from_json::<Request>(&request.to_string()).unwrap()).unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (ErrorCode::Overflow, "cart.partner_points[0].points")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Fuzz-style: arbitrary JSON never panics validation or quoting.
    #[test]
    fn arbitrary_json_never_panics(value in arbitrary_json()) {
        let text = value.to_string();
        let _ = from_json::<Program>(&text).map(|p| p.validate());
        if let Ok(request) = from_json::<Request>(&text) {
            let _ = quote(&request);
        }
    }

    /// Fuzz-style: a real request with one node replaced by arbitrary JSON is quoted or refused, never a panic.
    #[test]
    fn mutated_requests_never_panic(which in any::<prop::sample::Index>(), node in any::<prop::sample::Index>(), replacement in arbitrary_json()) {
        let requests = fixture_requests();
        let request = mutated(&requests[which.index(requests.len())], node, replacement);
        match from_json::<Request>(&request.to_string()) {
            Ok(parsed) => match quote(&parsed) {
                Ok(q) => prop_assert!(q.payable >= rust_decimal::Decimal::ZERO),
                Err(error) => prop_assert!(!error.message.is_empty()),
            },
            Err(error) => prop_assert!(!error.message.is_empty()),
        }
    }
}

#[cfg(feature = "cli")]
fn csv_field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z0-9 .,\"\\-]{0,8}",
        Just("79228162514264337593543950335".to_string()),
        Just("0.0000000000000000000000000001".to_string()),
        Just("18446744073709551615".to_string()),
        Just("2026-02-30".to_string()),
        Just("control".to_string()),
        (0u32..3000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b:02}")),
        (2025i32..2027, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
}

#[cfg(feature = "cli")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Fuzz-style: any order history, however malformed, is simulated or refused with a message
    /// naming a line, never a panic; skipping bad rows accounts for every row.
    #[test]
    fn malformed_order_histories_never_panic(
        rows in prop::collection::vec(prop::collection::vec(csv_field(), 0..10), 0..40),
        skip in any::<bool>(),
    ) {
        use loyalty::history::csv_file::{simulate, OnBadRow};
        let mut text = String::from("customer,date,sku,category,price,quantity,cost,group\n");
        for row in &rows {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        let program = from_json(&std::fs::read_to_string(common::root().join("examples/programs/retail.json")).unwrap()).unwrap();
        let on_bad_row = if skip { OnBadRow::Skip } else { OnBadRow::Stop };
        match simulate(text.as_bytes(), program, loyalty::analytics::projection::Redeem::Max, on_bad_row, |_| {}) {
            Ok(simulation) => prop_assert!(simulation.bad_rows <= simulation.rows),
            Err(error) => prop_assert!(!error.message.is_empty()),
        }
    }
}
