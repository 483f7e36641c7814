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
