//! Returns: refunds from the order's own allocation, points taken back, and every unit returned
//! paying back exactly what was paid.

use loyalty::refund::{refund, Refund, RefundRequest};
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
