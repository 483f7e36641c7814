//! The integer order arithmetic (`loyalty::lean`) gives exactly what full quotes give: the
//! portfolio forecast's fast path against the sums of full projections, and the simulation with
//! and without it, on random programs, customers and orders it accepts.

use loyalty::portfolio::{forecast, Portfolio, PortfolioRequest};
use loyalty::projection::{project, ProjectionRequest, Redeem};
use loyalty::simulate::{Group, Simulator};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

#[allow(dead_code)] // shared with the golden tests, which use all of it
mod common;

fn example(name: &str) -> Value {
    common::read_json(&common::root().join(format!("examples/programs/{name}.json")))
}

/// `minor` minor units written with `units` decimals.
fn amount(minor: u64, units: u32) -> String {
    Decimal::new(minor as i64, units).to_string()
}

fn date(month: u32, day: u32) -> String {
    format!("{}-{:02}-{:02}", 2025 + month / 12, month % 12 + 1, day)
}

fn program() -> impl Strategy<Value = Value> {
    let currency = prop_oneof![Just(("USD", 2u32)), Just(("JPY", 0)), Just(("KWD", 3))];
    let window = prop_oneof![
        Just(json!({"kind": "lifetime"})),
        Just(json!({"kind": "calendar_year"})),
        Just(json!({"kind": "calendar_quarter"})),
        (1u32..24).prop_map(|months| json!({"kind": "rolling_months", "months": months})),
    ];
    let tier = (
        1u64..200_000,
        prop::option::of(prop::sample::select(vec!["0", "2.5", "5", "10", "12.75"])),
        prop::option::of(prop::sample::select(vec!["1", "1.5", "2", "3"])),
    );
    let discount = (
        any::<bool>(),
        prop::sample::select(vec!["1", "3.3", "5", "7.5"]),
        prop::collection::vec(0usize..4, 0..2),
        -1i32..2,
    );
    let points = prop::option::of((
        prop::sample::select(vec!["1", "2", "0.5", "3"]),
        prop::sample::select(vec!["1", "3", "10", "0.7"]),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(vec!["0.01", "0.005", "1", "0.333"]),
        prop::sample::select(vec!["20", "100", "50", "12.5"]),
        prop::sample::select(vec![0u64, 100, 500]),
        prop::option::of(prop::sample::select(vec![1u32, 3, 12])),
    ));
    (
        currency,
        prop::sample::select(vec!["half_up", "half_even", "down", "up"]),
        window,
        any::<bool>(),
        any::<bool>(),
        1u32..13,
        (any::<bool>(), prop::collection::vec(tier, 0..4)),
        prop::collection::vec(discount, 0..3),
        points,
    )
        .prop_map(
            |(
                (currency, units),
                rounding,
                window,
                monthly_upgrade,
                yearly_review,
                review_month,
                (starts_at_zero, tiers),
                discounts,
                points,
            )| {
                let mut threshold = if starts_at_zero { 0 } else { 5_000 };
                let tiers: Vec<Value> = tiers
                    .iter()
                    .enumerate()
                    .map(|(index, (step, percent, multiplier))| {
                        if index > 0 {
                            threshold += step;
                        }
                        let mut tier = json!({"id": format!("t{index}"), "name": format!("T{index}"),
                            "threshold": amount(threshold, units)});
                        if let Some(p) = percent {
                            tier["discount_percent"] = json!(p);
                        }
                        if let Some(m) = multiplier {
                            tier["earn_multiplier"] = json!(m);
                        }
                        tier
                    })
                    .collect();
                let discounts: Vec<Value> = discounts
                    .iter()
                    .enumerate()
                    .filter(|(_, (by_tier, ..))| !*by_tier || !tiers.is_empty())
                    .map(|(index, (by_tier, percent, only, priority))| {
                        let value = if *by_tier {
                            json!({"type": "tier_percent"})
                        } else {
                            json!({"type": "percent", "percent": percent})
                        };
                        let only: Vec<String> = only
                            .iter()
                            .filter(|t| **t < tiers.len())
                            .map(|t| format!("t{t}"))
                            .collect();
                        json!({"id": format!("d{index}"), "name": "D", "value": value,
                            "priority": priority, "conditions": {"tiers": only}})
                    })
                    .collect();
                let mut program = json!({
                    "version": 1, "id": "p", "name": "P", "currency": currency, "rounding": rounding,
                    "tier_rules": {"window": window,
                        "upgrade": if monthly_upgrade { "monthly" } else { "immediate" },
                        "downgrade": if yearly_review { "yearly_review" } else { "immediate" },
                        "review_month": review_month},
                    "tiers": tiers, "discounts": discounts
                });
                if let Some((rate, per, full, before, multiply, value, cap, min, expiry)) = points
                {
                    let per = if units == 0 { "10" } else { per };
                    program["points"] = json!({
                        "earn": {"points": rate, "per_amount": per,
                            "granularity": if full { "full_units" } else { "proportional" },
                            "base": if before { "before_discounts" } else { "after_discounts" },
                            "apply_tier_multiplier": multiply},
                        "value_per_point": value, "max_redeem_percent": cap, "min_redeem": min,
                        "expiry_months": expiry
                    });
                }
                program
            },
        )
}

fn customer(tiers: usize) -> impl Strategy<Value = Value> {
    (
        prop::option::of(0usize..4),
        prop::collection::vec((0u32..24, 1u32..29, 0u64..300_000, any::<bool>()), 0..3),
        prop::collection::vec(
            (0u32..20, 1u32..29, 1u64..5_000, prop::option::of(0u32..30)),
            0..3,
        ),
        prop::collection::vec(0u64..80_000, 1..3),
    )
        .prop_map(move |(tier, spend, lots, monthly)| {
            let spend: Vec<Value> = spend
                .iter()
                .map(|(month, day, minor, period)| {
                    let amount = amount(*minor, 0);
                    if *period {
                        json!({"from": date(*month, 1), "to": date(*month, 28), "amount": amount})
                    } else {
                        json!({"date": date(*month, *day), "amount": amount})
                    }
                })
                .collect();
            let lots: Vec<Value> = lots
                .iter()
                .map(|(month, day, points, expires)| {
                    let mut lot = json!({"points": points, "earned": date(*month, *day)});
                    if let Some(e) = expires {
                        lot["expires"] = json!(date(month + 1 + e, 1));
                    }
                    lot
                })
                .collect();
            let monthly: Vec<Value> = monthly
                .iter()
                .enumerate()
                .map(|(i, minor)| json!({"category": format!("c{i}"), "amount": amount(*minor, 0)}))
                .collect();
            let mut customer = json!({"spend": spend, "points": lots});
            if let Some(t) = tier.filter(|t| *t < tiers) {
                customer["tier"] = json!(format!("t{t}"));
            }
            json!({"customer": customer, "monthly": monthly})
        })
}

fn request() -> impl Strategy<Value = Value> {
    program().prop_flat_map(|program| {
        let tiers = program["tiers"].as_array().map_or(0, Vec::len);
        (
            Just(program),
            prop::collection::vec(customer(tiers), 1..4),
            0u32..24,
            1u32..29,
            1u32..31,
            1u32..29,
            any::<bool>(),
        )
            .prop_map(|(program, customers, month, start_day, months, day, redeem)| {
                json!({"program": program, "customers": customers, "start": date(month, start_day),
                    "months": months, "day": day, "redeem": if redeem { "max" } else { "never" }})
            })
    })
}

/// The same sums, from one full projection per customer.
fn summed_projections(request: &Value) -> Value {
    let program = &request["program"];
    let units = loyalty::from_value::<loyalty::Program>(program)
        .unwrap()
        .money()
        .minor_units;
    let months = request["months"].as_u64().unwrap() as usize;
    let mut rows = vec![[Decimal::ZERO; 7]; months];
    let mut counts = vec![std::collections::BTreeMap::<String, u64>::new(); months];
    let mut outstanding = 0;
    for entry in request["customers"].as_array().unwrap() {
        let projection = project(
            &loyalty::from_value::<ProjectionRequest>(&json!({
                "program": program, "customer": entry["customer"], "start": request["start"],
                "months": request["months"], "redeem": request["redeem"],
                "plan": {"monthly": {"spend": entry["monthly"], "day": request["day"]}}
            }))
            .unwrap(),
        )
        .unwrap();
        for (index, month) in projection.months.iter().enumerate() {
            let row = &mut rows[index];
            row[0] += month.spend;
            row[1] += month.discount;
            row[2] += month.paid;
            row[3] += Decimal::from(month.points_earned);
            row[4] += Decimal::from(month.points_redeemed);
            row[5] += Decimal::from(month.points_expired);
            row[6] += month.benefit;
            let tier = month.tier.clone().unwrap_or_else(|| "none".into());
            *counts[index].entry(tier).or_default() += 1;
        }
        outstanding += projection.months.last().unwrap().points_balance;
    }
    let money = |d: Decimal| {
        let mut d = d;
        d.rescale(units);
        d.to_string()
    };
    json!({
        "months": rows.iter().zip(&counts).map(|(r, c)| json!({
            "spend": money(r[0]), "discount": money(r[1]), "paid": money(r[2]),
            "points_earned": r[3].to_string(), "points_redeemed": r[4].to_string(),
            "points_expired": r[5].to_string(), "benefit": money(r[6]), "tiers": c,
        })).collect::<Vec<_>>(),
        "points_outstanding": outstanding,
    })
}

fn fast_sums(portfolio: &Portfolio) -> Value {
    json!({
        "months": portfolio.months.iter().map(|m| json!({
            "spend": m.figures.spend.to_string(), "discount": m.figures.discount.to_string(),
            "paid": m.figures.paid.to_string(), "points_earned": m.figures.points_earned.to_string(),
            "points_redeemed": m.figures.points_redeemed.to_string(),
            "points_expired": m.figures.points_expired.to_string(),
            "benefit": m.figures.benefit.to_string(), "tiers": m.tiers,
        })).collect::<Vec<_>>(),
        "points_outstanding": portfolio.points_outstanding,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_fast_path_gives_the_sums_of_full_projections(request in request()) {
        let parsed: PortfolioRequest = loyalty::from_value(&request).unwrap();
        let portfolio = forecast(&parsed).unwrap();
        prop_assert_eq!(portfolio.fast_path_customers, portfolio.customers);
        prop_assert_eq!(fast_sums(&portfolio), summed_projections(&request));
    }
}

/// Orders in date order: (customer, control group, day offset, lines of (category, cents, quantity)).
type Orders = Vec<(usize, bool, u32, Vec<(usize, u64, u32)>)>;

fn orders() -> impl Strategy<Value = Orders> {
    prop::collection::vec(
        (
            0usize..6,
            prop::bool::weighted(0.2),
            0u32..40,
            prop::collection::vec((0usize..3, 1u64..40_000, 1u32..4), 1..4),
        ),
        1..60,
    )
}

fn simulate(
    program: &loyalty::Program,
    redeem: Redeem,
    orders: &Orders,
    full: bool,
) -> loyalty::simulate::Report {
    let mut simulator = Simulator::new(program.clone(), redeem).unwrap();
    if full {
        simulator = simulator.with_full_quotes();
    }
    let mut date = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    for (index, (customer, control, gap, lines)) in orders.iter().enumerate() {
        date = date + chrono::Days::new(u64::from(*gap));
        let lines = lines
            .iter()
            .map(|(category, cents, quantity)| loyalty::cart::Line {
                sku: format!("s{category}"),
                category: format!("c{category}"),
                unit_price: Decimal::new(*cents as i64, 2),
                quantity: *quantity,
                unit_cost: None,
                promotional: false,
            })
            .collect();
        let group = if *control {
            Group::Control
        } else {
            Group::Participant
        };
        simulator
            .order(
                &format!("c{customer}"),
                group,
                date,
                lines,
                index as u64 + 2,
            )
            .unwrap();
    }
    simulator.finish()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_simulation_gives_the_same_report_with_integer_orders(
        program in program().prop_filter("whole cents", |p| p["currency"] == "USD"),
        orders in orders(),
        redeem in any::<bool>(),
    ) {
        let program: loyalty::Program = loyalty::from_value(&program).unwrap();
        let redeem = if redeem { Redeem::Max } else { Redeem::Never };
        prop_assert_eq!(
            simulate(&program, redeem, &orders, false),
            simulate(&program, redeem, &orders, true)
        );
    }
}

#[test]
fn programs_the_fast_path_cannot_take_go_through_full_projections() {
    // Cashback (and a membership) are beyond the fast path.
    let program = example("okay-card");
    let request = json!({"program": program, "start": "2026-01-01", "months": 6,
        "customers": [{"monthly": [{"category": "grocery", "amount": "1200.00"}]},
                      {"monthly": [{"category": "grocery", "amount": "80.00"}]}]});
    let portfolio = forecast(&loyalty::from_value(&request).unwrap()).unwrap();
    assert_eq!(portfolio.fast_path_customers, 0);
    assert_eq!(fast_sums(&portfolio), summed_projections(&request));
}

#[test]
fn the_retail_example_takes_the_fast_path() {
    let program = example("retail");
    let request = json!({"program": program, "start": "2026-01-01", "months": 24, "redeem": "max",
        "customers": [{"customer": {"points": [{"points": 800, "earned": "2025-12-01"}]},
                       "monthly": [{"category": "grocery", "amount": "180.00"}]}]});
    let portfolio = forecast(&loyalty::from_value(&request).unwrap()).unwrap();
    assert_eq!(portfolio.fast_path_customers, 1);
    assert_eq!(fast_sums(&portfolio), summed_projections(&request));
}

#[test]
fn a_streamed_request_reads_like_a_tree_and_names_bad_customers() {
    let retail = example("retail");
    let mut request = json!({"program": retail, "start": "2026-01-01", "months": 3,
        "customers": [{"monthly": [{"amount": "10.00"}]}, {"monthly": [{"amount": "20.00"}]}]});
    let streamed = loyalty::json::portfolio_from_json(&request.to_string()).unwrap();
    assert_eq!(
        streamed,
        loyalty::from_value::<PortfolioRequest>(&request).unwrap()
    );

    let refused =
        |request: &Value| loyalty::json::portfolio_from_json(&request.to_string()).unwrap_err();
    request["customers"][1]["monthly"][0]["amount"] = json!(20.5);
    let error = refused(&request);
    assert_eq!(
        (error.code, error.path.as_str()),
        (
            loyalty::ErrorCode::WrongType,
            "customers[1].monthly[0].amount"
        )
    );
    request["customers"] = json!({"not": "a list"});
    assert_eq!(refused(&request).code, loyalty::ErrorCode::WrongType);
    request.as_object_mut().unwrap().remove("customers");
    let error = refused(&request);
    assert_eq!(
        (error.code, error.path.as_str()),
        (loyalty::ErrorCode::MissingField, "customers")
    );
    let error =
        loyalty::json::portfolio_from_json(r#"{"customers": [{"monthly": []},"#).unwrap_err();
    assert_eq!(error.code, loyalty::ErrorCode::InvalidJson);
}

#[test]
fn customers_and_settings_read_apart_make_the_same_request() {
    let retail = example("retail");
    let customers = json!([{"monthly": [{"amount": "10.00"}]},
                           {"customer": {"tier": "silver"}, "monthly": [{"amount": "20.00"}]}]);
    let settings = json!({"program": retail, "start": "2026-01-01", "months": 3});
    let mut whole = settings.clone();
    whole["customers"] = customers.clone();

    let mut apart = loyalty::json::forecast_settings_from_json(&settings.to_string()).unwrap();
    assert!(apart.customers.is_empty());
    apart.customers = loyalty::json::portfolio_customers_from_json(&customers.to_string()).unwrap();
    assert_eq!(
        apart,
        loyalty::from_value::<PortfolioRequest>(&whole).unwrap()
    );

    let error = loyalty::json::forecast_settings_from_json(&whole.to_string()).unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (loyalty::ErrorCode::UnknownField, "customers")
    );
    let error = loyalty::json::portfolio_customers_from_json(r#"[{"monthly": [{"amount": 1}]}]"#)
        .unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (
            loyalty::ErrorCode::WrongType,
            "customers[0].monthly[0].amount"
        )
    );
}
