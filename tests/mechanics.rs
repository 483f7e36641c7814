//! Cases a review of the new mechanics found, each the smallest order that showed it.

use loyalty::{quote, Quote, Request};
use serde_json::{json, Value};

fn priced(program: Value, customer: Value, cart: Value) -> Quote {
    let request: Request =
        loyalty::from_value(&json!({"program": program, "customer": customer, "cart": cart}))
            .unwrap();
    quote(&request).unwrap()
}

fn program(extra: Value) -> Value {
    let mut program = json!({"version": 1, "id": "p", "name": "P", "currency": "USD"});
    for (key, value) in extra.as_object().unwrap() {
        program[key] = value.clone();
    }
    program
}

fn cart(lines: Value) -> Value {
    json!({"date": "2026-11-22", "lines": lines})
}

#[test]
fn points_on_prices_without_tax_before_discounts_leave_out_the_tax_of_the_full_price() {
    let q = priced(
        program(json!({
            "included_tax": {"percent": "20", "earn_on": "net"},
            "discounts": [{"id": "half", "name": "Half", "value": {"type": "percent", "percent": "50"}}],
            "points": {"earn": {"points": "1", "per_amount": "1.00", "base": "before_discounts"}, "value_per_point": "0.01"}
        })),
        json!({}),
        cart(json!([{"sku": "A", "unit_price": "120.00", "quantity": 1}])),
    );
    // 120.00 contains 20.00 of tax: 100 points, whatever the discount.
    assert_eq!(q.points.unwrap().earned, 100);
}

#[test]
fn a_best_of_contest_weighs_what_a_budget_leaves() {
    let q = priced(
        program(json!({"discounts": [
            {"id": "big", "name": "Big", "value": {"type": "percent", "percent": "50"}, "stacking": "best_of",
             "limits": {"budget": "100.00"}},
            {"id": "small", "name": "Small", "value": {"type": "percent", "percent": "20"}, "stacking": "best_of"}
        ]})),
        json!({}),
        json!({"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "200.00", "quantity": 1}],
               "usage": {"discounts": {"big": {"spent": "95.00"}}}}),
    );
    // Big has 5.00 left; small takes 40.00, so small applies.
    assert_eq!(q.discounts.len(), 1);
    assert_eq!(q.discounts[0].rule, "small");
    assert_eq!(q.discount_total.to_string(), "40.00");
}

#[test]
fn pending_points_that_do_not_count_leave_the_tier_as_it_was() {
    let q = priced(
        program(json!({
            "tier_rules": {"qualifies_on": "points"},
            "tiers": [{"id": "base", "name": "Base", "threshold": "0"}, {"id": "gold", "name": "Gold", "threshold": "100"}],
            "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01",
                       "pending_days": 14, "pending_count_toward_tiers": false}
        })),
        json!({}),
        cart(json!([{"sku": "A", "unit_price": "100.00", "quantity": 1}])),
    );
    let tier = q.tier.unwrap();
    assert_eq!(tier.after.as_deref(), Some("base"));
    assert_eq!(
        q.points.as_ref().unwrap().balance_after,
        0,
        "nothing can be spent yet"
    );
    assert_eq!(q.points.unwrap().pending.unwrap().after, 100);
}

#[test]
fn a_free_unit_is_what_is_left_of_its_price_after_the_rules_before() {
    let q = priced(
        program(json!({"discounts": [
            {"id": "ten", "name": "Ten", "value": {"type": "percent", "percent": "10"}, "priority": 5},
            {"id": "bogo", "name": "Bogo", "value": {"type": "buy_get", "buy": 1, "get": 1}}
        ]})),
        json!({}),
        cart(json!([{"sku": "A", "unit_price": "100.00", "quantity": 2}])),
    );
    // 200.00 − 20.00 = 180.00; the free unit is what is left of it, 90.00: 90.00 to pay.
    assert_eq!(q.payable.to_string(), "90.00");
}

#[test]
fn inactivity_lowers_neither_kind_of_quantity_break() {
    for counted in ["per_sku", "in_scope"] {
        let q = priced(
            program(json!({"discounts": [{"id": "breaks", "name": "Breaks",
                "value": {"type": "quantity_breaks", "counted": counted, "breaks": [{"quantity": 10, "percent": "12"}]},
                "inactivity": {"after_days": 30, "percent": "2"}}]})),
            json!({"last_purchase": "2026-01-01"}),
            cart(json!([{"sku": "A", "unit_price": "10.00", "quantity": 10}])),
        );
        assert_eq!(q.discount_total.to_string(), "12.00", "{counted}");
    }
}

#[test]
fn a_line_a_budget_leaves_nothing_is_not_listed() {
    let q = priced(
        program(
            json!({"discounts": [{"id": "d", "name": "D", "value": {"type": "percent", "percent": "20"},
            "limits": {"budget": "100.00"}}]}),
        ),
        json!({}),
        json!({"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "100.00", "quantity": 1},
                                               {"sku": "B", "unit_price": "50.00", "quantity": 1}],
               "usage": {"discounts": {"d": {"spent": "99.99"}}}}),
    );
    assert_eq!(q.discount_total.to_string(), "0.01");
    let listed: Vec<usize> = q.lines.iter().map(|line| line.discounts.len()).collect();
    assert_eq!(listed, vec![1, 0]);
}

/// Miles by a fare table, a tier at ×1.5 and a campaign at ×2, for the multiplier cases below.
fn miles(points_extra: Value) -> Value {
    let mut points = json!({
        "earn": {"points": "0", "per_amount": "1.00",
                 "per_unit": [{"categories": ["flight"],
                               "by_attribute": {"attribute": "fare", "values": {"Y": 5, "J": 7}}}]},
        "value_per_point": "0.01",
        "multipliers": [{"id": "double", "name": "Double miles", "factor": "2",
                         "conditions": {"valid_from": "2026-11-01"}}]
    });
    for (key, value) in points_extra.as_object().unwrap() {
        points[key] = value.clone();
    }
    program(json!({
        "attributes": {"fare": "text"},
        "tiers": [{"id": "blue", "name": "Blue", "threshold": "0"},
                  {"id": "silver", "name": "Silver", "threshold": "1000.00", "earn_multiplier": "1.5"}],
        "points": points
    }))
}

fn seat(fare: &str, date: &str) -> Value {
    json!({"date": date, "lines": [{"sku": "S", "category": "flight", "unit_price": "100.00",
                                    "quantity": 1, "attributes": {"fare": fare}}]})
}

fn earned(program: Value, fare: &str, date: &str) -> u64 {
    priced(program, json!({"tier": "silver"}), seat(fare, date))
        .points
        .unwrap()
        .earned
}

#[test]
fn multipliers_multiply_by_default_and_add_their_bonuses_when_the_program_says() {
    // 5 × 1.5 × 2 = 15; added: 5 × (1 + 0.5 + 1) = 12.5, rounded down to 12.
    assert_eq!(earned(miles(json!({})), "Y", "2026-11-22"), 15);
    let added = miles(json!({"combine_multipliers": "add"}));
    assert_eq!(earned(added, "Y", "2026-11-22"), 12);
}

#[test]
fn points_are_rounded_down_at_the_end_or_after_each_step() {
    // 5 × 1.5 × 1.5 = 11.25 → 11 at the end; each step: 7.5 → 7, then 10.5 → 10.
    let with = |round: &str| {
        let mut program = miles(json!({"round_points": round}));
        program["points"]["multipliers"][0]["factor"] = json!("1.5");
        earned(program, "Y", "2026-11-22")
    };
    assert_eq!(with("at_end"), 11);
    assert_eq!(with("each_step"), 10);
}

#[test]
fn a_campaign_before_its_dates_multiplies_nothing_and_says_when_it_starts() {
    let q = priced(
        miles(json!({})),
        json!({"tier": "silver"}),
        seat("J", "2026-10-31"),
    );
    // 7 × 1.5, rounded down: the campaign starts tomorrow.
    assert_eq!(q.points.as_ref().unwrap().earned, 10);
    let entry = q.trace.iter().find(|e| e.rule == "double").unwrap();
    assert!(!entry.applied);
    assert_eq!(entry.code.as_str(), "not_yet_valid");
}

#[test]
fn a_rule_that_leaves_out_the_tier_multiplier_still_takes_the_campaigns() {
    let mut program = miles(json!({}));
    program["points"]["earn"]["apply_tier_multiplier"] = json!(false);
    // 7 × 2: Silver's ×1.5 is left out.
    assert_eq!(earned(program, "J", "2026-11-22"), 14);
}

#[test]
fn a_multiplier_scoped_to_an_attribute_multiplies_only_the_lines_that_match() {
    let mut program = miles(json!({}));
    program["points"]["multipliers"][0]["scope"] =
        json!({"attributes": [{"attribute": "fare", "one_of": ["J"]}]});
    let cart = json!({"date": "2026-11-22", "lines": [
        {"sku": "J1", "category": "flight", "unit_price": "900.00", "quantity": 1, "attributes": {"fare": "J"}},
        {"sku": "Y1", "category": "flight", "unit_price": "90.00", "quantity": 2, "attributes": {"fare": "Y"}},
        {"sku": "X1", "category": "flight", "unit_price": "90.00", "quantity": 1}
    ]});
    let q = priced(program, json!({"tier": "silver"}), cart);
    // J: 7 × 1.5 × 2 = 21; Y: 2 × 5 × 1.5 = 15; a seat without a fare class earns nothing.
    assert_eq!(q.points.unwrap().earned, 36);
}

#[test]
fn a_discount_scoped_to_a_number_range_takes_only_lines_within_it() {
    let q = priced(
        program(json!({
            "attributes": {"weight_kg": "number"},
            "discounts": [{"id": "heavy", "name": "Heavy goods", "value": {"type": "percent", "percent": "10"},
                           "scope": {"attributes": [{"attribute": "weight_kg", "min": "20", "max": "50"}]}}]
        })),
        json!({}),
        cart(json!([
            {"sku": "A", "unit_price": "100.00", "quantity": 1, "attributes": {"weight_kg": "20"}},
            {"sku": "B", "unit_price": "100.00", "quantity": 1, "attributes": {"weight_kg": "50.5"}},
            {"sku": "C", "unit_price": "100.00", "quantity": 1, "attributes": {"weight_kg": "50"}}
        ])),
    );
    // Both ends are in the range: A and C, 10.00 each.
    assert_eq!(q.discount_total.to_string(), "20.00");
    assert_eq!(q.lines[1].discount.to_string(), "0.00");
}

#[test]
fn double_points_in_the_birthday_week() {
    let program = program(json!({
        "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01",
                   "multipliers": [{"id": "birthday", "name": "Birthday", "factor": "2",
                                    "conditions": {"birthday_window_days": 7}}]}
    }));
    let on = |date: &str| {
        let cart =
            json!({"date": date, "lines": [{"sku": "A", "unit_price": "50.00", "quantity": 1}]});
        priced(program.clone(), json!({"birth_date": "1990-11-25"}), cart)
            .points
            .unwrap()
            .earned
    };
    assert_eq!(on("2026-11-22"), 100);
    assert_eq!(on("2026-12-02"), 100);
    assert_eq!(on("2026-12-03"), 50);
}

fn delivery_program(extra: Value) -> Value {
    let mut program = program(json!({
        "discounts": [{"id": "free", "name": "Free delivery", "value": {"type": "free_shipping"},
                       "conditions": {"min_subtotal": "50.00"}}],
        "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01"}
    }));
    for (key, value) in extra.as_object().unwrap() {
        program[key] = value.clone();
    }
    program
}

fn with_delivery(goods: &str, delivery: &str) -> Value {
    json!({"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": goods, "quantity": 1}],
           "shipping": [{"method": "courier", "price": delivery}]})
}

#[test]
fn delivery_counts_toward_minimums_and_earns_only_where_the_program_says() {
    let plain = priced(
        delivery_program(json!({})),
        json!({}),
        with_delivery("45.00", "7.00"),
    );
    assert_eq!(
        plain.payable.to_string(),
        "52.00",
        "45 of goods is below the 50 minimum"
    );
    assert_eq!(plain.points.unwrap().earned, 45, "delivery earns nothing");
    let counted = delivery_program(
        json!({"shipping": {"counts_toward_minimums": true, "earns_points": true}}),
    );
    let q = priced(counted.clone(), json!({}), with_delivery("45.00", "7.00"));
    assert_eq!(
        q.payable.to_string(),
        "45.00",
        "45 + 7 reaches 50: delivery is free"
    );
    assert_eq!(q.points.unwrap().earned, 45, "free delivery earns nothing");
    let mut paid = counted;
    paid["discounts"] = json!([]);
    let q = priced(paid, json!({}), with_delivery("45.00", "7.00"));
    assert_eq!(
        q.points.unwrap().earned,
        52,
        "paid delivery earns at the base rate"
    );
}

#[test]
fn an_amount_off_delivery_never_takes_more_than_its_price() {
    let mut program = delivery_program(json!({}));
    program["discounts"][0]["value"] = json!({"type": "shipping_amount", "amount": "10.00"});
    let q = priced(program, json!({}), with_delivery("60.00", "7.00"));
    let shipping = q.shipping.unwrap();
    assert_eq!(shipping.discount.to_string(), "7.00");
    assert_eq!(shipping.total.to_string(), "0.00");
    assert_eq!(q.payable.to_string(), "60.00");
    assert_eq!(
        q.discount_total.to_string(),
        "0.00",
        "the items' discounts are apart"
    );
}

#[test]
fn a_delivery_discount_without_delivery_says_so() {
    let cart = cart(json!([{"sku": "A", "unit_price": "60.00", "quantity": 1}]));
    let q = priced(delivery_program(json!({})), json!({}), cart);
    assert!(q.shipping.is_none());
    let entry = q.trace.iter().find(|e| e.rule == "free").unwrap();
    assert_eq!(entry.code.as_str(), "no_shipping");
}

#[test]
fn a_best_of_contest_weighs_free_delivery_against_money_off_the_goods() {
    let mut program = delivery_program(json!({}));
    program["discounts"] = json!([
        {"id": "free", "name": "Free delivery", "value": {"type": "free_shipping"}, "stacking": "best_of"},
        {"id": "five", "name": "5 off", "value": {"type": "fixed", "amount": "5.00"}, "stacking": "best_of"}
    ]);
    // Delivery at 7.00 beats 5.00 off; at 4.00 it does not.
    let q = priced(program.clone(), json!({}), with_delivery("60.00", "7.00"));
    assert_eq!(q.payable.to_string(), "60.00");
    let q = priced(program, json!({}), with_delivery("60.00", "4.00"));
    assert_eq!(q.payable.to_string(), "59.00");
    let entry = q.trace.iter().find(|e| e.rule == "free").unwrap();
    assert_eq!(entry.code.as_str(), "lost_to_better_offer");
}

#[test]
fn classes_combine_only_where_both_rules_allow_it() {
    let program = program(json!({"discounts": [
        {"id": "goods", "name": "10% off tea", "value": {"type": "percent", "percent": "10"},
         "scope": {"categories": ["tea"]}, "combines_with": ["product", "order"], "priority": 2},
        {"id": "order", "name": "5 off", "value": {"type": "fixed", "amount": "5.00"},
         "combines_with": ["order", "shipping"], "priority": 1},
        {"id": "free", "name": "Free delivery", "value": {"type": "free_shipping"}}
    ]}));
    let cart = json!({"date": "2026-11-22",
        "lines": [{"sku": "T", "category": "tea", "unit_price": "100.00", "quantity": 1}],
        "shipping": [{"method": "courier", "price": "7.00"}]});
    let q = priced(program, json!({}), cart);
    // The tea discount applies first; the order's 5 off does not take products, so it gives way;
    // free delivery combines with everything, but the tea discount does not take delivery.
    let codes: Vec<(&str, &str)> = q
        .trace
        .iter()
        .filter(|e| e.kind.as_str() == "discount")
        .map(|e| (e.rule.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("goods", "applied"),
            ("order", "does_not_combine"),
            ("free", "does_not_combine")
        ]
    );
    assert_eq!(q.payable.to_string(), "97.00");
}

fn breakfast(max: Option<u32>) -> Value {
    let mut value = json!({"type": "bundle", "price": "150.00",
        "items": [{"categories": ["yogurt"]}, {"categories": ["juice"], "quantity": 2}]});
    if let Some(max) = max {
        value["max_applications"] = json!(max);
    }
    program(json!({"discounts": [{"id": "set", "name": "Set", "value": value}]}))
}

fn groceries(yoghurts: u32, juices: u32, juice_price: &str) -> Value {
    cart(json!([
        {"sku": "Y", "category": "yogurt", "unit_price": "70.00", "quantity": yoghurts},
        {"sku": "J", "category": "juice", "unit_price": juice_price, "quantity": juices}
    ]))
}

#[test]
fn a_set_repeats_as_often_as_the_cart_makes_it_up_to_its_maximum() {
    // Each set: a yoghurt and two juices, 70 + 2 × 60 = 190, for 150: 40 off a set.
    let q = priced(breakfast(None), json!({}), groceries(3, 5, "60.00"));
    assert_eq!(q.discount_total.to_string(), "80.00", "two whole sets");
    let q = priced(breakfast(Some(1)), json!({}), groceries(3, 5, "60.00"));
    assert_eq!(q.discount_total.to_string(), "40.00");
    let q = priced(breakfast(None), json!({}), groceries(1, 1, "60.00"));
    let entry = q.trace.iter().find(|e| e.rule == "set").unwrap();
    assert_eq!(entry.code.as_str(), "below_bundle");
    let params = serde_json::to_value(&entry.params).unwrap();
    assert_eq!(params["quantity"], "1", "one more juice makes a set");
}

#[test]
fn a_set_worth_less_than_its_price_takes_nothing_off() {
    let q = priced(breakfast(None), json!({}), groceries(1, 2, "30.00"));
    assert_eq!(q.discount_total.to_string(), "0.00");
    assert_eq!(q.payable.to_string(), "130.00");
}

#[test]
fn a_dated_multiplier_holds_in_its_month_of_a_projection_and_not_after() {
    let program = program(json!({
        "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01",
                   "multipliers": [{"id": "june", "name": "June", "factor": "2",
                                    "conditions": {"valid_from": "2026-06-01", "valid_until": "2026-06-30"}}]}
    }));
    let request: loyalty::analytics::projection::ProjectionRequest = loyalty::from_value(&json!({
        "program": program, "start": "2026-05-01", "months": 3,
        "plan": {"monthly": {"spend": [{"category": "a", "amount": "100.00"}]}}
    }))
    .unwrap();
    let projection = loyalty::analytics::projection::project(&request).unwrap();
    let earned: Vec<u64> = projection.months.iter().map(|m| m.points_earned).collect();
    assert_eq!(earned, [100, 200, 100]);
}

#[test]
fn a_rule_that_loses_a_best_of_contest_blocks_nothing_it_does_not_combine_with() {
    let q = priced(
        program(json!({"discounts": [
            {"id": "ten", "name": "10%", "value": {"type": "percent", "percent": "10"}, "stacking": "best_of",
             "combines_with": ["order", "product"], "priority": 20},
            {"id": "fifteen", "name": "15%", "value": {"type": "percent", "percent": "15"}, "stacking": "best_of",
             "priority": 10},
            {"id": "free", "name": "Free delivery", "value": {"type": "free_shipping"}, "priority": 5}
        ]})),
        json!({}),
        json!({"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "1000.00", "quantity": 1}],
               "shipping": [{"method": "courier", "price": "390.00"}]}),
    );
    assert_eq!(q.payable.to_string(), "850.00");
}

#[test]
fn delivery_that_counts_toward_minimums_does_not_count_as_spend_for_spend_steps() {
    let q = priced(
        program(json!({
            "shipping": {"counts_toward_minimums": true},
            "discounts": [{"id": "steps", "name": "Steps", "value": {"type": "spend_steps",
                           "steps": [{"from": "1000.00", "percent": "5"}]}}]
        })),
        json!({}),
        json!({"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "800.00", "quantity": 1}],
               "shipping": [{"method": "courier", "price": "390.00"}]}),
    );
    assert_eq!(q.discount_total.to_string(), "0.00");
}

#[test]
fn a_zero_multiplier_hides_no_set_of_multipliers_too_fine_to_price() {
    let mut program = program(json!({
        "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01"}
    }));
    let fine = |id: &str| json!({"id": id, "name": id, "factor": "1.0000000001"});
    program["points"]["multipliers"] = json!([
        {"id": "zero", "name": "Zero", "factor": "0", "scope": {"categories": ["b"]}},
        fine("f1"), fine("f2"), fine("f3")
    ]);
    let request = json!({"program": program, "customer": {}, "cart": cart(json!([{"sku": "A", "unit_price": "1.00", "quantity": 1}]))});
    let error = loyalty::from_value::<Request>(&request)
        .and_then(|r| quote(&r))
        .unwrap_err();
    assert_eq!(error.path, "program.points.multipliers");
}

#[test]
fn the_fingerprint_does_not_depend_on_the_order_of_attributes() {
    let program = program(json!({"attributes": {"a": "text", "b": "text"}}));
    let with = |attributes: Value| {
        let request: Request = loyalty::from_value(&json!({"program": program, "customer": {},
            "cart": cart(json!([{"sku": "A", "unit_price": "1.00", "quantity": 1, "attributes": attributes}]))}))
        .unwrap();
        loyalty::checkout::fingerprint::of_request(&request).unwrap()
    };
    let text = r#"{"a": "1", "b": "2"}"#;
    let reversed = r#"{"b": "2", "a": "1"}"#;
    assert_eq!(
        with(serde_json::from_str(text).unwrap()),
        with(serde_json::from_str(reversed).unwrap())
    );
}

#[test]
fn a_free_delivery_is_a_cost_in_the_margin() {
    let q = priced(
        program(
            json!({"discounts": [{"id": "free", "name": "Free", "value": {"type": "free_shipping"}}]}),
        ),
        json!({}),
        json!({"date": "2026-11-22", "lines": [{"sku": "A", "unit_price": "100.00", "quantity": 1, "unit_cost": "60.00"}],
               "shipping": [{"method": "courier", "price": "10.00"}]}),
    );
    let margin = serde_json::to_value(q.margin.unwrap()).unwrap();
    assert_eq!(margin["give_away"], "10.00", "{margin}");
}
