//! A basket plan: a customer's typical order of real cart lines, placed n times a month. Its
//! months are those of the same orders listed one by one, its first month's points are a quote's,
//! its refusals name the line at fault, and the margin impact of per-item offers follows them.

use loyalty::analytics::economics::{margin_impact, MarginRequest};
use loyalty::analytics::preview::{preview, PreviewRequest};
use loyalty::analytics::projection::{project, ProjectionRequest};
use loyalty::{quote, Request};
use proptest::prelude::*;
use serde_json::{json, Value};

fn program(name: &str) -> Value {
    let path = format!(
        "{}/examples/programs/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn line(sku: &str, category: &str, price: &str, quantity: u32) -> Value {
    json!({"sku": sku, "category": category, "unit_price": price, "quantity": quantity})
}

fn flight(sku: &str, price: &str, fare: &str, km: &str) -> Value {
    json!({"sku": sku, "category": "flight", "unit_price": price, "quantity": 1,
           "attributes": {"fare_class": fare, "distance_km": km}})
}

/// The lines a program's customers buy, for the properties.
fn items(name: &str) -> Vec<Value> {
    match name {
        "skyline-miles" => vec![
            flight("EVN-CDG-J", "1450.00", "J", "3150"),
            flight("EVN-TBS-Y", "120.00", "Y", "820"),
            flight("TBS-JFK-Y", "900.00", "Y", "9050"),
        ],
        "bogo-grocery" => vec![
            line("YOG-STRAW", "yogurt", "79.00", 1),
            line("JUICE-APPLE", "juice", "120.00", 1),
        ],
        "paper-wholesale" => vec![
            line("PAPER-A4", "paper", "350.00", 1),
            line("PENS", "pens", "190.00", 1),
        ],
        "etihad-superseller" => vec![
            line("AUH-LHR-J", "business", "3200.00", 1),
            line("AUH-JFK-F", "first", "9800.00", 1),
        ],
        "cordiant-dealers" => vec![line("CORD-R16", "tyres", "6200.00", 1)],
        _ => vec![
            line("TEA", "grocery", "19.99", 1),
            line("LAMP", "home", "49.00", 1),
        ],
    }
}

fn basket_request(name: &str, lines: &[Value], plan_extra: Value, customer: Value) -> Value {
    let mut basket = json!({"lines": lines});
    for (key, value) in plan_extra.as_object().unwrap() {
        basket[key] = value.clone();
    }
    json!({"program": program(name), "customer": customer, "start": "2026-11-01", "months": 12,
           "plan": {"basket": basket}})
}

fn error_of(request: Value) -> (String, String) {
    let request: ProjectionRequest = loyalty::from_value(&request).unwrap();
    let error = project(&request).unwrap_err();
    (error.code.as_str().to_string(), error.path)
}

#[test]
fn skyline_etihad_and_cordiant_earn_what_a_quote_of_the_basket_earns() {
    let cases = [
        (
            "skyline-miles",
            vec![
                flight("EVN-CDG-J", "1450.00", "J", "3150"),
                flight("TBS-JFK-Y", "900.00", "Y", "9050"),
            ],
        ),
        (
            "etihad-superseller",
            vec![line("AUH-LHR-J", "business", "3200.00", 2)],
        ),
        (
            "cordiant-dealers",
            vec![line("CORD-R16", "tyres", "6200.00", 8)],
        ),
    ];
    for (name, lines) in cases {
        let request: ProjectionRequest =
            loyalty::from_value(&basket_request(name, &lines, json!({}), json!({}))).unwrap();
        let projection = project(&request).unwrap();
        let quoted = quote(
            &loyalty::from_value::<Request>(&json!({"program": program(name),
                "cart": {"date": "2026-11-15", "lines": lines}}))
            .unwrap(),
        )
        .unwrap();
        let earned = quoted.points.unwrap().earned;
        assert!(earned > 0, "{name}: the basket earns points");
        assert_eq!(projection.months[0].points_earned, earned, "{name}");
        assert!(projection.totals.points_earned >= 12 * earned, "{name}");
    }
}

#[test]
fn a_basket_plan_places_its_orders_on_the_monthly_plans_days() {
    let lines = [line("CORD-R16", "tyres", "6200.00", 1)];
    let request: ProjectionRequest = loyalty::from_value(&basket_request(
        "cordiant-dealers",
        &lines,
        json!({"day": 20, "orders_per_month": 2}),
        json!({}),
    ))
    .unwrap();
    let projection = project(&request).unwrap();
    // The 20th, then 14 days later (early in the next month): one order in November, two after.
    assert_eq!(projection.months[0].points_earned, 10);
    assert_eq!(projection.months[1].points_earned, 20);
    assert_eq!(projection.months[0].spend.to_string(), "6200.00");
}

#[test]
fn a_bad_basket_is_refused_at_its_path() {
    let tyre = line("CORD-R16", "tyres", "6200.00", 1);
    let cases = [
        (json!([]), json!({}), "empty", "plan.basket.lines"),
        (
            json!([tyre, line("VALVE", "parts", "150.00", 0)]),
            json!({}),
            "out_of_range",
            "plan.basket.lines[1].quantity",
        ),
        (
            json!([line("VALVE", "parts", "-1.00", 1)]),
            json!({}),
            "out_of_range",
            "plan.basket.lines[0].unit_price",
        ),
        (
            json!([tyre]),
            json!({"orders_per_month": 0}),
            "out_of_range",
            "plan.basket.orders_per_month",
        ),
        (
            json!([tyre]),
            json!({"day": 31}),
            "out_of_range",
            "plan.basket.day",
        ),
        (
            json!([{"sku": "X", "unit_price": "1.00", "quantity": 1, "attributes": {"colour": "red"}}]),
            json!({}),
            "unknown_reference",
            "plan.basket.lines[0].attributes.colour",
        ),
    ];
    for (lines, extra, code, path) in cases {
        let lines: Vec<Value> = lines.as_array().unwrap().clone();
        let request = basket_request("cordiant-dealers", &lines, extra, json!({}));
        assert_eq!(error_of(request), (code.to_string(), path.to_string()));
    }
    // Read errors carry the path too.
    let mut request = basket_request(
        "cordiant-dealers",
        std::slice::from_ref(&tyre),
        json!({}),
        json!({}),
    );
    request["plan"]["basket"]["lines"][0]["quantity"] = json!("2");
    let error = loyalty::from_value::<ProjectionRequest>(&request).unwrap_err();
    assert_eq!(error.path, "plan.basket.lines[0].quantity");
    request["plan"]["basket"]["lines"][0]["quantity"] = json!(2);
    request["plan"]["basket"]["size"] = json!(2);
    let error = loyalty::from_value::<ProjectionRequest>(&request).unwrap_err();
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("unknown_field", "plan.basket.size")
    );
}

#[test]
fn a_preview_of_a_basket_gives_its_points_and_names_its_field() {
    let lines = vec![flight("EVN-CDG-J", "1450.00", "J", "3150")];
    let read = |basket: Value, monthly: Value| -> loyalty::Result<_> {
        let request: PreviewRequest = loyalty::from_value(&json!({
            "program": program("skyline-miles"), "as_of": "2026-10-20", "months": 12,
            "basket": basket, "monthly": monthly}))?;
        preview(&request)
    };
    let result = read(json!({"lines": lines, "orders_per_month": 2}), json!([])).unwrap();
    // 2,000 miles a flight over 2,000 km, doubled on a business fare: 4,000, twice a month.
    assert_eq!(result.projection.months[0].points_earned, 8000);
    assert_ne!(result.projection.totals.final_tier.as_deref(), Some("blue"));
    let error = read(
        json!({"lines": [line("X", "flight", "1.00", 0)]}),
        json!([]),
    )
    .unwrap_err();
    assert_eq!(error.path, "basket.lines[0].quantity");
    let error = read(
        json!({"lines": lines}),
        json!([{"category": "", "amount": "10.00"}]),
    )
    .unwrap_err();
    assert_eq!(
        (error.code.as_str(), error.path.as_str()),
        ("invalid_value", "basket")
    );
}

fn program_cost(name: &str, edit: impl Fn(&mut Value), lines: &[Value]) -> String {
    let mut request = basket_request(name, lines, json!({}), json!({"first_purchase_made": true}));
    request["redeem"] = json!({"share": "80"});
    edit(&mut request["program"]);
    let request: MarginRequest = loyalty::from_value(&json!({
        "projection": request, "economics": {"gross_margin_percent": "30"}}))
    .unwrap();
    margin_impact(&request)
        .unwrap()
        .totals
        .program_cost
        .to_string()
}

#[test]
fn the_cost_of_per_item_offers_follows_their_figures_on_a_basket() {
    // Six strawberry yoghurts and two juices: three for two gives two yoghurts a month.
    let grocery = [
        line("YOG-STRAW", "yogurt", "79.00", 6),
        line("JUICE-APPLE", "juice", "120.00", 2),
    ];
    let two_for_one = program_cost("bogo-grocery", |_| {}, &grocery);
    let one_for_one = program_cost(
        "bogo-grocery",
        |p| p["discounts"][0]["value"]["buy"] = json!(1),
        &grocery,
    );
    assert_ne!(two_for_one, one_for_one);
    // Twelve boxes of paper reach the 10-box break.
    let paper = [line("PAPER-A4", "paper", "350.00", 12)];
    let at_8 = program_cost("paper-wholesale", |_| {}, &paper);
    let at_50 = program_cost(
        "paper-wholesale",
        |p| p["discounts"][0]["value"]["breaks"][0]["percent"] = json!("50"),
        &paper,
    );
    assert_eq!(at_8, "4032.00"); // 8 % of 4,200, twelve months
    assert_eq!(at_50, "25200.00");
    // Skyline's business fares: miles earned are redeemed on the next flights, so the
    // multiplier moves the cost.
    let flights = [flight("EVN-CDG-J", "1450.00", "J", "3150")];
    let skyline = |factor: &'static str| {
        program_cost(
            "skyline-miles",
            move |p| p["points"]["multipliers"][0]["factor"] = json!(factor),
            &flights,
        )
    };
    let (at_2, at_10) = (skyline("2"), skyline("10"));
    assert_ne!(at_2, "0.00");
    let decimal = |text: &str| text.parse::<rust_decimal::Decimal>().unwrap();
    assert!(decimal(&at_10) > decimal(&at_2), "{at_2} {at_10}");
}

#[test]
fn a_basket_with_unit_costs_takes_its_gross_profit_from_them() {
    let machine = json!({"sku": "MACHINE-X", "category": "machines", "unit_price": "10000.00",
        "unit_cost": "7000.00", "quantity": 1, "promotional": true});
    let mut request = basket_request(
        "kasboutik",
        &[machine],
        json!({}),
        json!({"first_purchase_made": true}),
    );
    request["months"] = json!(1);
    let request: MarginRequest = loyalty::from_value(&json!({
        "projection": request, "economics": {"gross_margin_percent": "30"}}))
    .unwrap();
    let impact = margin_impact(&request).unwrap();
    assert_eq!(impact.totals.gross_profit_without.to_string(), "3000.00");
    assert_eq!(impact.totals.program_cost.to_string(), "500.00");
    assert_eq!(impact.totals.orders, 1);
}

fn programs() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "skyline-miles",
        "bogo-grocery",
        "paper-wholesale",
        "etihad-superseller",
        "cordiant-dealers",
        "retail",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// n orders of a basket a month are the same months as those orders listed one by one.
    #[test]
    fn a_basket_plan_is_its_orders_listed(
        name in programs(),
        quantities in prop::collection::vec(0u32..14, 3),
        (months, day, orders) in (1u32..14, 1u32..29, 1u32..5),
        redeem in prop::sample::select(vec!["never", "max"]),
        regular in any::<bool>(),
    ) {
        let lines: Vec<Value> = items(name).into_iter().zip(&quantities)
            .filter(|(_, q)| **q > 0)
            .map(|(mut line, q)| { line["quantity"] = json!(q); line })
            .collect();
        prop_assume!(!lines.is_empty());
        let customer = if regular {
            json!({"first_purchase_made": true, "spend": [{"date": "2026-01-10", "amount": "5000.00"}],
                   "points": [{"points": 3000, "earned": "2026-09-01"}]})
        } else { json!({}) };
        let mut basket = basket_request(name, &lines, json!({"day": day, "orders_per_month": orders}), customer);
        basket["months"] = json!(months);
        basket["redeem"] = json!(redeem);
        let first = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut listed = Vec::new();
        for month in 0..months {
            let start = first.checked_add_months(chrono::Months::new(month)).unwrap();
            for order in 0..orders {
                let offset = (day - 1) + order * (28 / orders);
                let date = start + chrono::Days::new(u64::from(offset));
                listed.push(json!({"date": date.to_string(), "lines": lines}));
            }
        }
        let mut as_orders = basket.clone();
        as_orders["plan"] = json!({"orders": {"orders": listed}});
        let a = project(&loyalty::from_value(&basket).unwrap()).unwrap();
        let b = project(&loyalty::from_value(&as_orders).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }

    /// The first month of a basket bought once a month earns what a quote of it earns.
    #[test]
    fn a_baskets_first_month_earns_a_quotes_points(
        name in programs(),
        quantities in prop::collection::vec(0u32..14, 3),
        day in 1u32..29,
    ) {
        let lines: Vec<Value> = items(name).into_iter().zip(&quantities)
            .filter(|(_, q)| **q > 0)
            .map(|(mut line, q)| { line["quantity"] = json!(q); line })
            .collect();
        prop_assume!(!lines.is_empty());
        let request = basket_request(name, &lines, json!({"day": day}), json!({}));
        let projection = project(&loyalty::from_value(&request).unwrap()).unwrap();
        let quoted = quote(&loyalty::from_value::<Request>(&json!({"program": program(name),
            "cart": {"date": format!("2026-11-{day:02}"), "lines": lines}})).unwrap()).unwrap();
        prop_assert_eq!(projection.months[0].points_earned, quoted.points.map_or(0, |p| p.earned));
        prop_assert_eq!(projection.months[0].discount, quoted.discount_total);
    }
}
