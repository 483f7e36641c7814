//! Returns: refunds from the order's own allocation, points taken back, and every unit returned
//! paying back exactly what was paid.

use loyalty::analytics::refund::{refund, Refund, RefundRequest};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// 10 % off the order and a point per 1.00: three lines of odd prices.
fn order() -> Value {
    json!({
        "program": {"version": 1, "id": "p", "name": "P", "currency": "USD",
                    "discounts": [{"id": "ten", "name": "10%", "value": {"type": "percent", "percent": "10"}}],
                    "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01"}},
        "cart": {"date": "2026-11-22", "lines": [
            {"sku": "A", "unit_price": "33.33", "quantity": 3},
            {"sku": "B", "unit_price": "10.01", "quantity": 1},
            {"sku": "C", "unit_price": "0.99", "quantity": 7}
        ]}
    })
}

fn returned(returns: Value, earlier: Value) -> loyalty::Result<Refund> {
    let mut request = order();
    request["returns"] = returns;
    request["earlier"] = earlier;
    refund(&loyalty::from_value::<RefundRequest>(&request)?)
}

#[test]
fn a_partial_return_of_a_discounted_order_pays_back_its_share_of_what_was_paid() {
    // Line A: 99.99 less its share of the 10 % (10.00) is 89.99 paid; one unit of three: 29.99.
    // The order's 105 points split 89.99 : 9.01 : 6.24 give line A 90 (89.79 and the largest
    // but one remainder); a unit of three takes back 30.
    let one = returned(json!([{"line": 0, "quantity": 1}]), json!([])).unwrap();
    assert_eq!(one.refund.to_string(), "29.99");
    assert_eq!(one.lines[0].points_clawed_back, 30);
}

#[test]
fn returning_everything_pays_back_exactly_what_was_paid_and_takes_back_what_was_earned() {
    let all = returned(
        json!([{"line": 0, "quantity": 3}, {"line": 1, "quantity": 1}, {"line": 2, "quantity": 7}]),
        json!([]),
    )
    .unwrap();
    // 99.99 + 10.01 + 6.93 = 116.93, less 11.69 off: 105.24 paid, 105 points earned.
    assert_eq!(all.refund.to_string(), "105.24");
    assert_eq!(all.points_clawed_back, 105);
    assert_eq!(all.points_debt, 0);
}

#[test]
fn a_second_partial_return_works_from_what_the_first_left() {
    let first = returned(json!([{"line": 0, "quantity": 1}]), json!([])).unwrap();
    let second = returned(
        json!([{"line": 0, "quantity": 2}]),
        json!([{"line": 0, "quantity": 1}]),
    )
    .unwrap();
    assert_eq!((first.refund + second.refund).to_string(), "89.99");
    let too_many = returned(
        json!([{"line": 0, "quantity": 1}]),
        json!([{"line": 0, "quantity": 3}]),
    )
    .unwrap_err();
    assert_eq!(
        (too_many.code.as_str(), too_many.path.as_str()),
        ("out_of_range", "returns[0].quantity")
    );
    let unknown = returned(json!([{"line": 9, "quantity": 1}]), json!([])).unwrap_err();
    assert_eq!(unknown.path, "returns[0].line");
}

#[test]
fn points_already_spent_are_a_debt() {
    let mut request = order();
    request["returns"] = json!([{"line": 0, "quantity": 3}]);
    request["balance"] = json!(40);
    let result = refund(&loyalty::from_value::<RefundRequest>(&request).unwrap()).unwrap();
    // Line A's 90 points, of which the balance of 40 covers 40.
    assert_eq!((result.points_clawed_back, result.points_debt), (90, 50));
}

/// A request over `program` and `lines` returning `returns`, after `earlier`.
fn request(program: Value, lines: Value, returns: Value, earlier: Value) -> Value {
    json!({"program": program, "cart": {"date": "2026-11-22", "lines": lines, "promo_code": "BIG10"},
           "returns": returns, "earlier": earlier})
}

fn run(request: &Value) -> loyalty::Result<Refund> {
    refund(&loyalty::from_value::<RefundRequest>(request)?)
}

/// 20.00 off an order from 100.00 (reclaimed by default when a return breaks the minimum).
fn twenty_off_from_100() -> Value {
    json!({"version": 1, "id": "p", "name": "P", "currency": "USD",
           "discounts": [{"id": "twenty", "name": "20 off", "value": {"type": "fixed", "amount": "20.00"},
                          "conditions": {"min_subtotal": "100.00"}}]})
}

#[test]
fn a_return_below_a_codes_minimum_order_reclaims_the_codes_discount_on_what_is_kept() {
    let program = json!({"version": 1, "id": "p", "name": "P", "currency": "USD",
        "promo_codes": [{"code": "BIG10", "min_order": "100.00"}],
        "discounts": [{"id": "big10", "name": "10 % with BIG10", "value": {"type": "percent", "percent": "10"},
                       "conditions": {"promo_code": "BIG10"}}]});
    let lines = json!([{"sku": "A", "unit_price": "60.00", "quantity": 1},
                       {"sku": "B", "unit_price": "50.00", "quantity": 1}]);
    // B paid 45.00; A kept 6.00 of the code's 10 %, which 60.00 alone would not have had.
    let result = run(&request(
        program,
        lines,
        json!([{"line": 1, "quantity": 1}]),
        json!([]),
    ))
    .unwrap();
    assert_eq!(
        (result.refund.to_string(), result.reclaimed.to_string()),
        ("39.00".into(), "6.00".into())
    );
    assert_eq!(result.broken[0].reason.as_str(), "below_minimum_order");
    assert_eq!(result.trace.last().unwrap().code.as_str(), "reclaimed");
}

#[test]
fn returning_a_unit_of_three_for_two_refunds_nothing_when_the_two_kept_cost_what_was_paid() {
    let program = json!({"version": 1, "id": "p", "name": "P", "currency": "USD",
        "discounts": [{"id": "3for2", "name": "3 for 2", "value": {"type": "buy_get", "buy": 2, "get": 1}}]});
    let lines = json!([{"sku": "A", "unit_price": "10.00", "quantity": 3}]);
    // 20.00 paid for three; two kept cost 20.00 without the offer.
    let one = run(&request(
        program.clone(),
        lines.clone(),
        json!([{"line": 0, "quantity": 1}]),
        json!([]),
    ))
    .unwrap();
    assert_eq!(
        (one.refund.to_string(), one.broken[0].reason.as_str()),
        ("0.00".into(), "below_buy_get")
    );
    let rest = run(&request(
        program,
        lines,
        json!([{"line": 0, "quantity": 2}]),
        json!([{"line": 0, "quantity": 1}]),
    ))
    .unwrap();
    assert_eq!(rest.refund.to_string(), "20.00");
}

#[test]
fn a_reclaim_larger_than_the_return_refunds_nothing_and_is_released_when_the_rest_comes_back() {
    let lines = json!([{"sku": "A", "unit_price": "95.00", "quantity": 1},
                       {"sku": "B", "unit_price": "10.00", "quantity": 1}]);
    // 20.00 off 105.00: A 18.10 and B 1.90, so A paid 76.90 and B 8.10.
    let b = run(&request(
        twenty_off_from_100(),
        lines.clone(),
        json!([{"line": 1, "quantity": 1}]),
        json!([]),
    ))
    .unwrap();
    assert_eq!(
        (b.refund.to_string(), b.reclaimed.to_string()),
        ("0.00".into(), "8.10".into())
    );
    let mut then = request(
        twenty_off_from_100(),
        lines,
        json!([{"line": 0, "quantity": 1}]),
        json!([{"line": 1, "quantity": 1}]),
    );
    then["refunded"] = json!("0.00");
    let a = run(&then).unwrap();
    assert_eq!(
        (a.refund.to_string(), a.released.to_string()),
        ("85.00".into(), "8.10".into())
    );
    then["refunded"] = json!("85.01");
    let error = run(&then).unwrap_err();
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("out_of_range", "refunded")
    );
}

#[test]
fn store_credit_earned_on_returned_units_is_taken_back() {
    let program = json!({"version": 1, "id": "p", "name": "P", "currency": "USD", "cashback": {"percent": "2"}});
    let lines = json!([{"sku": "A", "unit_price": "50.00", "quantity": 2}]);
    let result = run(&request(
        program,
        lines,
        json!([{"line": 0, "quantity": 1}]),
        json!([]),
    ))
    .unwrap();
    assert_eq!(result.store_credit_clawed_back.to_string(), "1.00");
    assert_eq!(result.trace.last().unwrap().kind.as_str(), "cashback");
}

#[test]
fn a_program_with_an_unknown_return_policy_is_refused_at_its_field() {
    let mut program = twenty_off_from_100();
    program["returns"] = json!({"broken_minimums": "forgive"});
    let lines = json!([{"sku": "A", "unit_price": "95.00", "quantity": 1}]);
    let error = run(&request(
        program,
        lines,
        json!([{"line": 0, "quantity": 1}]),
        json!([]),
    ))
    .unwrap_err();
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("invalid_value", "program.returns.broken_minimums")
    );
}

proptest! {
    /// With discounts whose minimums returns break, and both policies, any sequence of returns
    /// (the host passing what earlier ones refunded) pays back no more than was paid, each
    /// return at least nothing, and everything once every unit is back.
    #[test]
    fn reclaims_never_make_returns_pay_back_more_or_less_than_was_paid(
        units in Just(vec![0u32, 1, 1, 2, 2, 2]).prop_shuffle(),
        cuts in prop::collection::vec(1usize..6, 0..4),
        keep in any::<bool>(),
        points_first in any::<bool>(),
    ) {
        let mut program = twenty_off_from_100();
        program["discounts"].as_array_mut().unwrap().push(json!(
            {"id": "3for2", "name": "3 for 2", "value": {"type": "buy_get", "buy": 2, "get": 1}, "scope": {"skus": ["C"]}}));
        program["returns"] = json!({"broken_minimums": if keep { "keep" } else { "reclaim" },
                                    "redeemed_points": if points_first { "first" } else { "in_proportion" }});
        program["points"] = json!({"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01"});
        let lines = json!([{"sku": "A", "unit_price": "61.17", "quantity": 1},
                           {"sku": "B", "unit_price": "9.99", "quantity": 2},
                           {"sku": "C", "unit_price": "13.33", "quantity": 3}]);
        let mut cuts = cuts;
        cuts.push(units.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut earlier: Vec<Value> = Vec::new();
        let (mut refunded, mut from) = (Decimal::ZERO, 0usize);
        let whole = run(&request(program.clone(), lines.clone(), json!([{"line": 0, "quantity": 1}, {"line": 1, "quantity": 2}, {"line": 2, "quantity": 3}]), json!([]))).unwrap();
        for to in cuts {
            let now: Vec<Value> = units[from..to].iter().map(|line| json!({"line": line, "quantity": 1})).collect();
            let mut next = request(program.clone(), lines.clone(), json!(now), json!(earlier));
            next["refunded"] = json!(refunded.to_string());
            let result = run(&next).unwrap();
            prop_assert!(result.refund >= Decimal::ZERO);
            refunded += result.refund;
            prop_assert!(refunded <= whole.refund);
            earlier.extend(now);
            from = to;
        }
        prop_assert_eq!(refunded, whole.refund);
    }
}

proptest! {
    /// Any order of returns, a unit at a time or several, never pays back more than was paid,
    /// and pays back exactly that when every unit is back; points taken back never exceed what
    /// was earned, and add up to it.
    #[test]
    fn returns_add_up_to_what_was_paid_and_no_more(
        units in Just(vec![0u32, 0, 0, 1, 2, 2, 2, 2, 2, 2, 2]).prop_shuffle(),
        cuts in prop::collection::vec(1usize..11, 0..4),
    ) {
        let mut cuts = cuts;
        cuts.push(units.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut earlier: Vec<Value> = Vec::new();
        let (mut paid, mut points, mut from) = (Decimal::ZERO, 0u64, 0usize);
        for to in cuts {
            let now: Vec<Value> = units[from..to].iter().map(|line| json!({"line": line, "quantity": 1})).collect();
            let result = returned(json!(now), json!(earlier)).unwrap();
            paid += result.refund;
            points += result.points_clawed_back;
            prop_assert!(paid <= Decimal::new(10524, 2));
            prop_assert!(points <= 105);
            earlier.extend(now);
            from = to;
        }
        prop_assert_eq!(paid, Decimal::new(10524, 2));
        prop_assert_eq!(points, 105);
    }
}
