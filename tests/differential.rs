//! One order priced four ways gives the same figures: a quote, a one-month projection, a
//! one-customer forecast and a one-row simulation, over random programs that use every order
//! mechanic (tiers, percentage, fixed, per-unit, tier and spend-step discounts with scopes,
//! conditions and stacking, promo codes, points with category rates, redemption, expiry and
//! employee accounts, cashback and membership) and random customers and orders.
//!
//! Also here: the best-of and redemption properties of the pricing defects they pinned, and the
//! portfolio request readers.

use loyalty::analytics::portfolio::PortfolioRequest;
use loyalty::analytics::projection::{project, ProjectionRequest, Redeem};
use loyalty::analytics::simulate::{Group, Simulator};
use loyalty::rules::calendar::{Day, MonthStart};
use loyalty::{quote, Quote, Request};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

#[allow(dead_code)] // shared with the golden tests, which use all of it
mod common;

const CATEGORIES: [&str; 4] = ["grocery", "coffee", "fuel", "toys"];
const MAX_POINTS: u64 = 1_000_000_000_000_000;

fn amount(minor: u64, units: u32) -> String {
    Decimal::new(minor as i64, units).to_string()
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &[T]) -> impl Strategy<Value = T> {
    prop::sample::select(items.to_vec())
}

/// A program with every order mechanic, each present or not.
fn program() -> impl Strategy<Value = Value> {
    let currency = pick(&[("USD", 2u32), ("JPY", 0), ("KWD", 3)]);
    let window = prop_oneof![
        Just(json!({"kind": "lifetime"})),
        Just(json!({"kind": "calendar_year"})),
        Just(json!({"kind": "calendar_quarter"})),
        (1u32..24).prop_map(|months| json!({"kind": "rolling_months", "months": months})),
    ];
    let tiers = prop::collection::vec(
        (
            1u64..3_000,
            prop::option::of(pick(&["0", "2.5", "5", "10"])),
            prop::option::of(pick(&["1", "1.5", "2"])),
        ),
        0..4,
    );
    let discount = (
        (
            0usize..5,
            pick(&["1", "3.3", "5", "12.5", "30"]),
            1u64..5_000,
            pick(&["combine", "combine", "best_of", "exclusive"]),
            -1i32..3,
        ),
        (
            prop::collection::vec(0usize..4, 0..2),
            any::<bool>(),
            prop::option::of(0u64..20_000),
            prop::option::of(any::<bool>()),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
    );
    let points = prop::option::of((
        (
            pick(&["1", "2", "0.5", "3"]),
            pick(&["1", "3", "10", "0.7"]),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            pick(&["0.01", "0.005", "1", "0.333", "0.5", "0.125"]),
            pick(&["20", "100", "50", "12.5"]),
            pick(&[0u64, 100, 500]),
            prop::option::of(pick(&[1u32, 3, 12])),
            any::<bool>(),
            prop::option::of(0usize..4),
        ),
    ));
    let cashback = prop::option::of((
        pick(&["1", "2.5", "5"]),
        any::<bool>(),
        prop::option::of(1u64..3_000),
    ));
    (
        (currency, pick(&["half_up", "half_even", "down", "up"]), window),
        (any::<bool>(), any::<bool>(), 1u32..13, any::<bool>()),
        tiers,
        prop::collection::vec(discount, 0..4),
        (points, cashback, prop::option::of(pick(&["1.5", "2"]))),
        (any::<bool>(), prop::option::of(1u64..20_000), any::<bool>()),
    )
        .prop_map(
            |(
                ((currency, units), rounding, window),
                (monthly_upgrade, yearly_review, review_month, by_points),
                tiers,
                discounts,
                (points, cashback, member_multiplier),
                (code_excludes_promotional, code_min, code_refuses),
            )| {
                let money = |minor: u64| amount(minor * 10u64.pow(units), units);
                let mut threshold = 0;
                let tiers: Vec<Value> = tiers
                    .iter()
                    .enumerate()
                    .map(|(index, (step, percent, multiplier))| {
                        if index > 0 {
                            threshold += step;
                        }
                        let mut tier = json!({"id": format!("t{index}"), "name": format!("T{index}"),
                            "threshold": if by_points { threshold.to_string() } else { money(threshold) }});
                        if let Some(p) = percent {
                            tier["discount_percent"] = json!(p);
                        }
                        if let Some(m) = multiplier {
                            tier["earn_multiplier"] = json!(m);
                        }
                        tier
                    })
                    .collect();
                let tier_count = tiers.len();
                let discounts: Vec<Value> = discounts
                    .iter()
                    .enumerate()
                    .filter_map(
                        |(
                            index,
                            (
                                (kind, percent, fixed, stacking, priority),
                                (
                                    categories,
                                    include_promotional,
                                    min,
                                    first_purchase,
                                    members_only,
                                    needs_code,
                                    per_tier,
                                    inactivity,
                                ),
                            ),
                        )| {
                            let value = match kind {
                                0 => json!({"type": "percent", "percent": percent}),
                                1 => json!({"type": "fixed", "amount": amount(*fixed, units)}),
                                2 => json!({"type": "fixed_per_unit", "amount": amount(*fixed / 10, units)}),
                                3 if tier_count > 0 => json!({"type": "tier_percent"}),
                                3 => return None,
                                _ => json!({"type": "spend_steps", "include_current_order": *include_promotional,
                                    "steps": [{"from": money(0), "percent": "1"}, {"from": money(*fixed), "percent": percent}]}),
                            };
                            let mut conditions = json!({});
                            if let Some(min) = min {
                                conditions["min_subtotal"] = json!(amount(*min, units));
                            }
                            if let Some(first) = first_purchase {
                                conditions["first_purchase_made"] = json!(first);
                            }
                            if *members_only && member_multiplier.is_some() {
                                conditions["members_only"] = json!(true);
                            }
                            if *needs_code {
                                conditions["promo_code"] = json!("SAVE");
                            }
                            if *per_tier && tier_count > 1 {
                                conditions["tiers"] = json!(["t1"]);
                            }
                            let mut rule = json!({"id": format!("d{index}"), "name": format!("D{index}"),
                                "value": value, "stacking": stacking, "priority": priority,
                                "scope": {"categories": categories.iter().map(|c| CATEGORIES[*c]).collect::<Vec<_>>(),
                                          "include_promotional": include_promotional},
                                "conditions": conditions});
                            if *inactivity && *kind == 0 {
                                rule["inactivity"] = json!({"after_days": 60, "percent": "1"});
                            }
                            Some(rule)
                        },
                    )
                    .collect();
                let mut program = json!({"version": 1, "id": "random", "name": "Random", "currency": currency,
                    "rounding": rounding, "tiers": tiers, "discounts": discounts,
                    "tier_rules": {"qualifies_on": if by_points { "points" } else { "spend" }, "window": window,
                        "upgrade": if monthly_upgrade { "monthly" } else { "immediate" },
                        "downgrade": if yearly_review { "yearly_review" } else { "immediate" },
                        "review_month": review_month},
                    "promo_codes": [{"code": "SAVE", "exclude_promotional": code_excludes_promotional,
                        "exclude_categories": ["toys"],
                        "on_excluded": if code_refuses { "refuse" } else { "skip" },
                        "min_order": code_min.map(|m| amount(m, units))}]});
                if let Some((
                    (rate, per, full_units, per_line, before_discounts, apply_multiplier),
                    (value, cap, min_redeem, expiry, employee, category_rate),
                )) = points
                {
                    let mut earn = json!({"points": rate, "per_amount": per,
                        "granularity": if full_units { "full_units" } else { "proportional" },
                        "per": if per_line { "line" } else { "order" },
                        "base": if before_discounts { "before_discounts" } else { "after_discounts" },
                        "apply_tier_multiplier": apply_multiplier,
                        "per_unit": [{"categories": ["toys"], "points": 7}]});
                    if let Some(c) = category_rate {
                        earn["categories"] = json!([{"categories": [CATEGORIES[c]], "points": "3", "per_amount": "1"}]);
                    }
                    program["points"] = json!({"earn": earn, "value_per_point": value,
                        "max_redeem_percent": cap, "min_redeem": min_redeem, "expiry_months": expiry});
                    if employee {
                        program["points"]["employee_earn"] =
                            json!({"points": "1", "per_amount": "30", "granularity": "full_units", "per": "line"});
                    }
                }
                if let Some((percent, coffee_only, cap)) = cashback {
                    program["cashback"] = json!({"percent": percent,
                        "categories": if coffee_only { vec!["coffee"] } else { vec![] },
                        "cap_per_month": cap.map(|c| amount(c, units))});
                }
                if let Some(multiplier) = member_multiplier {
                    program["membership"] = json!({"name": "Plus", "fee": money(10), "period": "month",
                        "earn_multiplier": multiplier});
                }
                program
            },
        )
}

/// A program of [`program`] with the time mechanics only months show, each present or not:
/// pending days (counted toward tiers or not) and a minimum commitment on the top tier. With
/// expiry, the tier windows, monthly upgrades and the yearly review of [`program`], every step
/// the ledger may skip for a program that lacks it is here both present and absent.
fn timed_program() -> impl Strategy<Value = Value> {
    (
        program(),
        prop::option::of((pick(&[1u32, 7, 30]), any::<bool>())),
        prop::option::of((1u64..3_000, pick(&["month", "quarter", "year"]))),
    )
        .prop_map(|(mut program, pending, commitment)| {
            let units = units_of(&program);
            if let (Some((days, count)), Some(points)) = (pending, program.get_mut("points")) {
                points["pending_days"] = json!(days);
                points["pending_count_toward_tiers"] = json!(count);
            }
            if let (Some((minor, period)), Some(top)) = (
                commitment,
                program["tiers"].as_array_mut().and_then(|t| t.last_mut()),
            ) {
                top["min_commitment"] =
                    json!({"amount": amount(minor * 10u64.pow(units), units), "period": period});
            }
            program
        })
}

/// A program of [`program`] whose time the forecast's steady path carries: tiers on spend, no
/// store credit, no commitment, no pending days, and an order stage that reads no history (no
/// spend steps, no inactivity), with every tier window, expiry and review of [`program`].
fn steady_program() -> impl Strategy<Value = Value> {
    program().prop_map(|mut program| {
        if let Some(program) = program.as_object_mut() {
            program.remove("cashback");
        }
        program["tier_rules"]["qualifies_on"] = json!("spend");
        if let Some(points) = program.get_mut("points").and_then(Value::as_object_mut) {
            points.remove("pending_days");
        }
        if let Some(discounts) = program["discounts"].as_array_mut() {
            discounts.retain(|d| d["value"]["type"] != "spend_steps");
            for discount in discounts.iter_mut().filter_map(Value::as_object_mut) {
                discount.remove("inactivity");
            }
        }
        program
    })
}

/// A customer whose history lies before the order's month, so that the projection's review on
/// the month's first day finds the tier the quote finds: what qualified, points not yet
/// expired, and the rest of an account.
fn customer() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((1u64..400_000, 0u32..300), 0..4),
        prop::collection::vec((1u64..5_000, 1u32..200, any::<bool>()), 0..3),
        (any::<bool>(), any::<bool>(), any::<bool>(), prop::option::of(1u32..200)),
        (prop::option::of(0u64..5_000), prop::option::of(0u64..3_000)),
    )
        .prop_map(
            |(spend, lots, (employee, member, first_purchase, last), (credit, store))| {
                // Days before 2026-06-01, where every order of this test is placed.
                let before = |days: u32| {
                    (chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
                        - chrono::Days::new(u64::from(days) + 1))
                    .to_string()
                };
                let mut customer = json!({
                    "spend": spend.iter().map(|(minor, days)| json!({"date": before(*days), "amount": amount(*minor, 2)})).collect::<Vec<_>>(),
                    "points": lots.iter().map(|(points, days, explicit)| {
                        // Held lots expire within the order's month or later: a lot that expired
                        // before the month would count in a quote's points-qualifying history but
                        // is gone from a projection's, which starts on the 1st.
                        let expires = if *explicit { "2027-12-31" } else { "2026-06-15" };
                        json!({"points": points, "earned": before(*days), "expires": expires})
                    }).collect::<Vec<_>>(),
                    "first_purchase_made": first_purchase,
                });
                if employee {
                    customer["employee_id"] = json!("E1");
                }
                if member {
                    customer["member_until"] = json!("2026-12-31");
                }
                if let Some(days) = last {
                    customer["last_purchase"] = json!(before(days));
                }
                if let Some(credit) = credit {
                    customer["credit_history"] = json!([{"date": "2026-06-01", "amount": amount(credit, 2)}]);
                }
                if let Some(store) = store {
                    customer["store_credit"] = json!(amount(store, 2));
                }
                customer
            },
        )
}

/// A line: category index, unit price in minor units, quantity, promotional.
type LineSpec = (usize, u64, u32, bool);

/// Lines of an order; and the order's day in June 2026 (mid-month too), whether it carries the
/// promo code and whether it redeems.
fn order() -> impl Strategy<Value = (Vec<LineSpec>, u32, bool, bool)> {
    (
        prop::collection::vec((0usize..4, 1u64..50_000, 1u32..4, any::<bool>()), 1..5),
        1u32..29,
        any::<bool>(),
        any::<bool>(),
    )
}

fn units_of(program: &Value) -> u32 {
    match program["currency"].as_str() {
        Some("JPY") => 0,
        Some("KWD") => 3,
        _ => 2,
    }
}

/// Spend amounts in the customer's history are written in cents; rescale them to the currency.
fn in_currency(customer: &Value, units: u32) -> Value {
    let mut customer = customer.clone();
    let rescale = |value: &mut Value| {
        let cents: Decimal = value.as_str().unwrap().parse().unwrap();
        let minor = (cents * Decimal::from(100)).trunc();
        *value = json!(Decimal::new(minor.to_string().parse::<i64>().unwrap(), units).to_string());
    };
    for record in customer["spend"].as_array_mut().unwrap() {
        rescale(&mut record["amount"]);
    }
    if let Some(history) = customer["credit_history"].as_array_mut() {
        for record in history {
            rescale(&mut record["amount"]);
        }
    }
    if customer.get("store_credit").is_some() {
        rescale(&mut customer["store_credit"]);
    }
    customer
}

fn lines_of(lines: &[LineSpec], units: u32) -> Vec<Value> {
    lines
        .iter()
        .enumerate()
        .map(|(index, (category, price, quantity, promotional))| {
            json!({"sku": format!("S{index}"), "category": CATEGORIES[*category],
                "unit_price": amount(*price, units), "quantity": quantity, "promotional": promotional})
        })
        .collect()
}

fn run_quote(program: &Value, customer: &Value, cart: &Value) -> Quote {
    let request: Request =
        loyalty::from_value(&json!({"program": program, "customer": customer, "cart": cart}))
            .unwrap();
    quote(&request).unwrap()
}

/// The customer with the tier their history gives on the last day before the order's month
/// recorded, as the seller's records would hold it: so that the quote and the month's review
/// start from the same tier even when the window moves on between the 1st and the order.
fn with_recorded_tier(program: &Value, customer: &Value) -> Value {
    let mut customer = customer.clone();
    let probe = json!({"date": "2026-05-31", "lines": []});
    if let Some(tier) = run_quote(program, &customer, &probe)
        .tier
        .and_then(|t| t.before)
    {
        customer["tier"] = json!(tier);
    }
    customer
}

fn text(value: impl ToString) -> Value {
    Value::from(value.to_string())
}

/// The figures of one order as the quote gives them.
fn figures_of(quote: &Quote) -> Value {
    let points = quote.points.as_ref();
    json!({
        "spend": text(quote.subtotal),
        "discount": text(quote.discount_total),
        "paid": text(quote.payable),
        "points_earned": points.map_or(0, |p| p.earned),
        "points_redeemed": points.map_or(0, |p| p.redeemed),
        "store_credit_earned": text(quote.cashback.as_ref().map_or(Decimal::new(0, quote.minor_units), |c| c.earned)),
        "tier": quote.tier.as_ref().and_then(|t| t.after.clone()),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_quote_equals_a_one_month_projection(
        program in program(), customer in customer(), (lines, day, code, redeem) in order(),
    ) {
        let units = units_of(&program);
        let customer = with_recorded_tier(&program, &in_currency(&customer, units));
        let date = format!("2026-06-{day:02}");
        let mut cart = json!({"date": date, "lines": lines_of(&lines, units),
            "redeem_points": if redeem && program.get("points").is_some() { MAX_POINTS } else { 0 }});
        if code {
            cart["promo_code"] = json!(" save ");
        }
        let quote = run_quote(&program, &customer, &cart);
        // Two months: the order's, and one without orders after it.
        let request: ProjectionRequest = loyalty::from_value(&json!({
            "program": program, "customer": customer, "start": date, "months": 2,
            "redeem": if redeem { "max" } else { "never" },
            "plan": {"orders": {"orders": [{"date": date, "lines": cart["lines"], "promo_code": cart.get("promo_code")}]}},
        })).unwrap();
        let projection = project(&request).unwrap();
        let month = &projection.months[0];
        let quiet = &projection.months[1];
        prop_assert_eq!(
            (quiet.spend, quiet.points_earned, quiet.points_redeemed),
            (Decimal::new(0, units), 0, 0)
        );
        // The employee's account still shows in a month without orders.
        prop_assert_eq!(quiet.employee_points_earned, month.employee_points_earned.map(|_| 0));
        prop_assert_eq!(quiet.employee_points_balance.is_some(), month.employee_points_balance.is_some());
        prop_assert_eq!(quiet.points_balance + quiet.points_expired, month.points_balance);
        let points = quote.points.as_ref();
        let employee = points.and_then(|p| p.employee_earned);
        prop_assert_eq!(figures_of(&quote), json!({
            "spend": text(month.spend),
            "discount": text(month.discount),
            "paid": text(month.paid),
            "points_earned": month.points_earned,
            "points_redeemed": month.points_redeemed,
            "store_credit_earned": text(month.store_credit_earned),
            "tier": month.tier,
        }));
        // The employee's account is shown every month when there is one, and only then.
        prop_assert_eq!(month.employee_points_earned, employee);
        prop_assert_eq!(
            projection.totals.points_redeemed_value,
            points.map_or(Decimal::ZERO, |p| p.redeemed_value)
        );
    }

    #[test]
    fn a_quote_equals_a_one_customer_forecast(
        program in program(), customer in customer(), (lines, day, _, redeem) in order(),
    ) {
        let units = units_of(&program);
        let customer = with_recorded_tier(&program, &in_currency(&customer, units));
        let date = format!("2026-06-{day:02}");
        // The forecast's order: one line per category, as a monthly plan writes it.
        let mut monthly: Vec<(usize, u64)> = Vec::new();
        for (category, price, _, _) in &lines {
            match monthly.iter_mut().find(|(c, _)| c == category) {
                Some(entry) => entry.1 += price,
                None => monthly.push((*category, *price)),
            }
        }
        let plan_lines: Vec<Value> = monthly.iter().map(|(c, price)| json!({
            "sku": format!("plan-{}", CATEGORIES[*c]), "category": CATEGORIES[*c],
            "unit_price": amount(*price, units), "quantity": 1})).collect();
        let cart = json!({"date": date, "lines": plan_lines,
            "redeem_points": if redeem && program.get("points").is_some() { MAX_POINTS } else { 0 }});
        let quote = run_quote(&program, &customer, &cart);
        let request: PortfolioRequest = loyalty::from_value(&json!({
            "program": program, "start": date, "months": 1, "day": day,
            "redeem": if redeem { "max" } else { "never" },
            "customers": [{"customer": customer,
                "monthly": monthly.iter().map(|(c, price)| json!({"category": CATEGORIES[*c], "amount": amount(*price, units)})).collect::<Vec<_>>()}],
        })).unwrap();
        let forecast = loyalty::analytics::portfolio::forecast(&request).unwrap();
        let month = &forecast.months[0];
        let figures = &month.figures;
        let mut expected = figures_of(&quote);
        expected.as_object_mut().unwrap().remove("store_credit_earned");
        let tier = expected["tier"].as_str().unwrap_or("none").to_string();
        expected["tier"] = json!(tier);
        prop_assert_eq!(expected, json!({
            "spend": text(figures.spend),
            "discount": text(figures.discount),
            "paid": text(figures.paid),
            "points_earned": figures.points_earned,
            "points_redeemed": figures.points_redeemed,
            "tier": month.tiers.keys().next().cloned().unwrap_or_default(),
        }));
        prop_assert_eq!(
            figures.points_redeemed_value,
            quote.points.as_ref().map_or(Decimal::ZERO, |p| p.redeemed_value)
        );
    }

    #[test]
    fn a_quote_for_a_new_customer_equals_a_one_row_simulation(
        program in program(), (lines, day, _, redeem) in order(),
    ) {
        let units = units_of(&program);
        let date = format!("2026-06-{day:02}");
        let cart = json!({"date": date, "lines": lines_of(&lines, units),
            "redeem_points": if redeem && program.get("points").is_some() { MAX_POINTS } else { 0 }});
        let quote = run_quote(&program, &json!({}), &cart);
        let mut simulator = Simulator::new(
            loyalty::from_value(&program).unwrap(),
            if redeem { Redeem::Max } else { Redeem::Never },
        ).unwrap();
        let cart: loyalty::Cart = loyalty::from_value(&cart).unwrap();
        simulator.order("c1", Group::Participant, cart.date, cart.lines, 2).unwrap();
        let report = simulator.finish();
        prop_assert_eq!(report.program_cost.discounts, quote.discount_total);
        prop_assert_eq!(
            report.program_cost.store_credit,
            quote.cashback.as_ref().map_or(Decimal::new(0, units), |c| c.earned)
        );
        prop_assert_eq!(report.groups[0].spend, quote.after_discounts);
        let tier = quote.tier.as_ref().and_then(|t| t.after.clone()).unwrap_or("none".into());
        prop_assert_eq!(report.tiers_by_month[0].counts.get(&tier), Some(&1));
        prop_assert_eq!(
            report.points_outstanding,
            quote.points.as_ref().map_or(0, |p| p.earned)
        );
    }

    /// Whatever the program, the best-of rule that applies takes at least as much as any other
    /// eligible best-of rule would have taken at the same point, had it been the only one.
    #[test]
    fn the_best_of_rule_that_applies_takes_the_most_at_its_place(
        program in program(), customer in customer(), (lines, day, code, _) in order(),
    ) {
        let units = units_of(&program);
        let customer = in_currency(&customer, units);
        let mut cart = json!({"date": format!("2026-06-{day:02}"), "lines": lines_of(&lines, units)});
        if code {
            cart["promo_code"] = json!("SAVE");
        }
        let quote = run_quote(&program, &customer, &cart);
        let best_of: Vec<String> = program["discounts"].as_array().unwrap().iter()
            .filter(|d| d["stacking"] == "best_of")
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        let taken = |quote: &Quote, id: &str| quote.discounts.iter()
            .find(|d| d.rule == id).map_or(Decimal::ZERO, |d| d.amount);
        let Some(winner) = best_of.iter().find(|id| quote.discounts.iter().any(|d| &d.rule == *id)) else {
            return Ok(());
        };
        for other in best_of.iter().filter(|id| *id != winner) {
            let mut alone = program.clone();
            alone["discounts"].as_array_mut().unwrap()
                .retain(|d| d["stacking"] != "best_of" || d["id"] == json!(other));
            let alone = run_quote(&alone, &customer, &cart);
            prop_assert!(taken(&alone, other) <= taken(&quote, winner),
                "{other} alone takes {}, more than the winner {winner}'s {}", taken(&alone, other), taken(&quote, winner));
        }
    }

    /// Redeemed points times the value of a point is exactly what they pay, to the minor unit,
    /// for any value per point and currency.
    #[test]
    fn redeemed_points_pay_exactly_their_value(
        (currency, units) in pick(&[("USD", 2u32), ("JPY", 0), ("KWD", 3)]),
        value in pick(&["0.5", "0.333", "0.01", "0.005", "1", "0.125", "2.5", "0.0004"]),
        balance in 0u64..100_000,
        requested in 0u64..100_000,
        min_redeem in pick(&[0u64, 1, 3, 100]),
        price in 1u64..10_000_000,
    ) {
        let program = json!({"version": 1, "id": "p", "name": "P", "currency": currency,
            "points": {"earn": {"points": "1", "per_amount": "1"}, "value_per_point": value,
                       "max_redeem_percent": "50", "min_redeem": min_redeem}});
        let cart = json!({"date": "2026-06-01", "redeem_points": requested,
            "lines": [{"sku": "A", "unit_price": amount(price, units), "quantity": 1}]});
        let customer = json!({"points": [{"points": balance, "earned": "2026-01-01"}]});
        let quote = run_quote(&program, &customer, &cart);
        let points = quote.points.unwrap();
        let value: Decimal = value.parse().unwrap();
        prop_assert_eq!(Decimal::from(points.redeemed) * value, points.redeemed_value);
        prop_assert!(points.redeemed <= requested && points.redeemed <= balance);
        prop_assert!(points.redeemed == 0 || points.redeemed >= min_redeem);
        prop_assert!(points.redeemed_value <= quote.after_discounts / Decimal::from(2));
    }
}

fn example(name: &str) -> Value {
    common::read_json(&common::root().join(format!("examples/programs/{name}.json")))
}

#[test]
fn a_streamed_request_reads_like_a_tree_and_names_bad_customers() {
    let retail = example("retail");
    let mut request = json!({"program": retail, "start": "2026-01-01", "months": 3,
        "customers": [{"monthly": [{"amount": "10.00"}]}, {"monthly": [{"amount": "20.00"}]}]});
    let streamed = loyalty::analytics::read::portfolio_from_json(&request.to_string()).unwrap();
    assert_eq!(
        streamed,
        loyalty::from_value::<PortfolioRequest>(&request).unwrap()
    );

    let refused = |request: &Value| {
        loyalty::analytics::read::portfolio_from_json(&request.to_string()).unwrap_err()
    };
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
    let error = loyalty::analytics::read::portfolio_from_json(r#"{"customers": [{"monthly": []},"#)
        .unwrap_err();
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

    let mut apart =
        loyalty::analytics::read::forecast_settings_from_json(&settings.to_string()).unwrap();
    assert!(apart.customers.is_empty());
    apart.customers =
        loyalty::analytics::read::portfolio_customers_from_json(&customers.to_string()).unwrap();
    assert_eq!(
        apart,
        loyalty::from_value::<PortfolioRequest>(&whole).unwrap()
    );

    let error =
        loyalty::analytics::read::forecast_settings_from_json(&whole.to_string()).unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (loyalty::ErrorCode::UnknownField, "customers")
    );
    let error = loyalty::analytics::read::portfolio_customers_from_json(
        r#"[{"monthly": [{"amount": 1}]}]"#,
    )
    .unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (
            loyalty::ErrorCode::WrongType,
            "customers[0].monthly[0].amount"
        )
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// A projection keeps a repeated order's discounts and points earned while the customer's
    /// standing is unchanged; month by month it must give what pricing every order afresh
    /// through the ledger gives.
    #[test]
    fn a_projection_equals_every_order_priced_afresh(
        program in timed_program(), customer in customer(),
        (months, day, orders_per_month, spend, redeem) in (1u32..14, 1u32..29, 1u32..4, 1u64..300_000, any::<bool>()),
    ) {
        use loyalty::rules::{price, Figures, Ledger, Order, Rules};
        let units = units_of(&program);
        let customer = in_currency(&customer, units);
        let request: ProjectionRequest = loyalty::from_value(&json!({
            "program": program, "customer": customer, "start": "2026-06-01", "months": months,
            "redeem": if redeem { "max" } else { "never" },
            "plan": {"monthly": {"spend": [{"category": "coffee", "amount": amount(spend, units)}],
                                 "day": day, "orders_per_month": orders_per_month}},
        })).unwrap();
        let projection = project(&request).unwrap();

        let program: loyalty::Program = loyalty::from_value(&program).unwrap();
        let customer: loyalty::Customer = loyalty::from_value(&customer).unwrap();
        let rules = Rules::new(&program).unwrap();
        let first = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut ledger = Ledger::start(&rules, &customer, &MonthStart::of(&rules, first));
        let share = spend / u64::from(orders_per_month);
        let extra = spend % u64::from(orders_per_month);
        let cart = |order: u32, date: chrono::NaiveDate| loyalty::Cart {
            date,
            lines: vec![loyalty::format::cart::Line {
                sku: "plan-coffee".into(),
                category: "coffee".into(),
                unit_price: Decimal::new((share + u64::from(u64::from(order) < extra)) as i64, units),
                quantity: 1,
                unit_cost: None,
                promotional: false,
                attributes: Default::default(),
            }],
            redeem_points: if redeem && program.points.is_some() { MAX_POINTS } else { 0 },
            ..loyalty::Cart::default()
        };
        // Every cycle's orders, by date: on `day`, and every 28 / n days after it.
        let mut planned: Vec<(chrono::NaiveDate, u32)> = (0..months)
            .flat_map(|month| (0..orders_per_month).map(move |order| (month, order)))
            .map(|(month, order)| {
                let start = first.checked_add_months(chrono::Months::new(month)).unwrap();
                let offset = (day - 1) + order * (28 / orders_per_month);
                (start + chrono::Days::new(u64::from(offset)), order)
            })
            .collect();
        planned.sort();
        for (index, month) in projection.months.iter().enumerate() {
            let start = first.checked_add_months(chrono::Months::new(index as u32)).unwrap();
            let next = start.checked_add_months(chrono::Months::new(1)).unwrap();
            ledger.review(&rules, &MonthStart::of(&rules, start));
            let mut row = Figures::default();
            for (date, order) in planned.iter().filter(|(date, _)| *date >= start && *date < next) {
                let cart = cart(*order, *date);
                let day = Day::of(&rules, *date);
                let outcome = price(&rules, &Order::of(&rules, &cart), &ledger.standing(&rules, &day), false).unwrap();
                row.book(&outcome).unwrap();
                ledger.book(&day, &outcome);
            }
            row.close(&rules, ledger.close_month(&MonthStart::of(&rules, next))).unwrap();
            let money = |minor: i128| Decimal::from_i128_with_scale(minor, units);
            prop_assert_eq!(
                (month.spend, month.discount, month.paid, month.points_earned, month.points_redeemed,
                 month.points_expired, month.points_balance, month.store_credit_earned, month.benefit,
                 month.tier.clone()),
                (money(row.spend), money(row.discount), money(row.paid), row.points_earned,
                 row.points_redeemed, row.points_expired, ledger.points_held(),
                 money(row.store_credit_earned), money(row.benefit),
                 ledger.tier().map(|t| rules.tiers[t].id.clone())),
                "month {}", index
            );
        }
    }

    /// A forecast runs its customers one after another on buffers kept from one to the next,
    /// and adds their months into its rows: each row must be the sum of the customers' own
    /// projections, whatever time mechanics the program has.
    #[test]
    fn a_forecast_sums_its_customers_projections(
        program in timed_program(),
        customers in prop::collection::vec((customer(), 0u64..300_000), 1..4),
        (months, day, redeem) in (1u32..26, 1u32..29, any::<bool>()),
    ) {
        forecast_sums_projections(&program, customers, months, day, redeem)?;
    }

    /// The forecast carries a program whose time needs no more than tiers on spend, expiry and a
    /// review on its steady path, not on the general ledger the projections use: the two must
    /// give the same months. Customers often place the same order (the steady path prices it
    /// once for them all), in one category or two, and a category may go unbought.
    #[test]
    fn a_forecast_on_the_steady_path_sums_its_customers_projections(
        program in steady_program(),
        customers in prop::collection::vec(
            (
                customer(),
                prop_oneof![Just(25_000u64), Just(4_000), Just(0), 0u64..300_000],
                prop::option::of(prop_oneof![Just(0u64), Just(4_000), 0u64..50_000]),
            ),
            1..5,
        ),
        (months, day, redeem) in (1u32..26, 1u32..29, any::<bool>()),
    ) {
        forecast_sums_projections_in_two(&program, customers, months, day, redeem)?;
    }
}

/// Customers spending the same amount in different categories place different orders: the
/// forecast, which prices an order once for every customer placing it, tells them apart, and
/// knows a plan's line by its SKU (`plan-tea`) as the projection does.
#[test]
fn customers_spending_alike_in_other_categories_are_priced_apart() {
    let program = json!({
        "version": 1, "id": "coffee", "name": "Coffee Club", "currency": "USD",
        "discounts": [{"id": "coffee", "name": "Coffee", "value": {"type": "percent", "percent": "10"},
            "scope": {"categories": ["coffee"]}},
            {"id": "tea", "name": "Tea", "value": {"type": "percent", "percent": "5"},
            "scope": {"skus": ["plan-tea"]}}],
        "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01"}
    });
    let customers = vec![
        (json!({"spend": []}), 4_000, None),
        (json!({"spend": []}), 0, Some(4_000)),
        (json!({"spend": []}), 4_000, Some(0)),
    ];
    forecast_sums_projections_in_two(&program, customers, 3, 15, true).unwrap();
}

/// Each row of a forecast of `customers` (each with a monthly spend in minor units) is the sum
/// of the customers' own projections.
fn forecast_sums_projections(
    program: &Value,
    customers: Vec<(Value, u64)>,
    months: u32,
    day: u32,
    redeem: bool,
) -> Result<(), TestCaseError> {
    let customers = customers
        .into_iter()
        .map(|(customer, spend)| (customer, spend, None))
        .collect();
    forecast_sums_projections_in_two(program, customers, months, day, redeem)
}

/// The same, each customer spending in coffee, and in tea when it says how much (0 too).
fn forecast_sums_projections_in_two(
    program: &Value,
    customers: Vec<(Value, u64, Option<u64>)>,
    months: u32,
    day: u32,
    redeem: bool,
) -> Result<(), TestCaseError> {
    let units = units_of(program);
    let customers: Vec<(Value, Value)> = customers
        .into_iter()
        .map(|(customer, coffee, tea)| {
            let mut spend = vec![json!({"category": "coffee", "amount": amount(coffee, units)})];
            spend.extend(tea.map(|tea| json!({"category": "tea", "amount": amount(tea, units)})));
            (in_currency(&customer, units), Value::Array(spend))
        })
        .collect();
    let redeem = if redeem { "max" } else { "never" };
    let request: PortfolioRequest = loyalty::from_value(&json!({
        "program": program, "start": "2026-06-01", "months": months, "day": day, "redeem": redeem,
        "customers": customers.iter().map(|(customer, spend)| json!({"customer": customer,
            "monthly": spend})).collect::<Vec<_>>(),
    }))
    .unwrap();
    let forecast = loyalty::analytics::portfolio::forecast(&request).unwrap();
    let mut sums = vec![
        (
            Decimal::ZERO,
            Decimal::ZERO,
            Decimal::ZERO,
            0u64,
            0u64,
            0u64,
            Decimal::ZERO
        );
        months as usize
    ];
    let mut tiers = vec![std::collections::BTreeMap::<String, u64>::new(); months as usize];
    let mut outstanding = 0;
    for (customer, spend) in &customers {
        let request: ProjectionRequest = loyalty::from_value(&json!({
            "program": program, "customer": customer, "start": "2026-06-01", "months": months,
            "redeem": redeem,
            "plan": {"monthly": {"spend": spend, "day": day}},
        }))
        .unwrap();
        let projection = project(&request).unwrap();
        for (index, month) in projection.months.iter().enumerate() {
            let sum = &mut sums[index];
            sum.0 += month.spend;
            sum.1 += month.discount;
            sum.2 += month.paid;
            sum.3 += month.points_earned;
            sum.4 += month.points_redeemed;
            sum.5 += month.points_expired;
            sum.6 += month.benefit;
            *tiers[index]
                .entry(month.tier.clone().unwrap_or("none".into()))
                .or_default() += 1;
        }
        outstanding += projection.months.last().map_or(0, |m| m.points_balance);
    }
    for (index, month) in forecast.months.iter().enumerate() {
        let f = &month.figures;
        prop_assert_eq!(
            (
                f.spend,
                f.discount,
                f.paid,
                f.points_earned,
                f.points_redeemed,
                f.points_expired,
                f.benefit
            ),
            sums[index],
            "month {}",
            index
        );
        prop_assert_eq!(&month.tiers, &tiers[index], "month {}", index);
    }
    prop_assert_eq!(forecast.points_outstanding, outstanding);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The month's close looks at the lots' soonest expiry and walks them only when some expire:
    /// it must expire exactly the points whose day has come (on the 1st too), as walking every
    /// lot at every close does, the employee's alike.
    #[test]
    fn a_close_expires_exactly_the_lots_whose_day_has_come(
        expiry in prop::option::of(pick(&[1u32, 3, 12])),
        pending in pick(&[0u32, 7, 31]),
        lots in prop::collection::vec((1u64..5_000, 0u32..400, prop::option::of(0u32..800), any::<bool>()), 0..8),
        closes in 1u32..30,
    ) {
        use loyalty::rules::{Ledger, Rules};
        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let day = |offset: u32| start + chrono::Days::new(u64::from(offset));
        let mut points = json!({"earn": {"points": "1", "per_amount": "1"}, "value_per_point": "0.01",
            "pending_days": pending, "employee_earn": {"points": "1", "per_amount": "10"}});
        if let Some(months) = expiry {
            points["expiry_months"] = json!(months);
        }
        let program: loyalty::Program = loyalty::from_value(&json!({"version": 1, "id": "p", "name": "P",
            "currency": "USD", "points": points})).unwrap();
        let rules = Rules::new(&program).unwrap();
        let as_lots = |employee: bool| lots.iter().filter(|lot| lot.3 == employee).map(|(points, earned, expires, _)| json!({
            "points": points, "earned": day(*earned),
            "expires": expires.map(|offset| day(offset + earned))})).collect::<Vec<_>>();
        let customer: loyalty::Customer = loyalty::from_value(&json!({
            "points": as_lots(false), "employee_points": as_lots(true), "employee_id": "E1"})).unwrap();
        let mut ledger = Ledger::open(&rules, &customer);
        // Every lot's last day, walked in full at each close.
        let ends: Vec<(u64, chrono::NaiveDate, bool)> = lots.iter().map(|(points, earned, expires, employee)| {
            let earned_on = day(*earned);
            let end = match (expires, expiry) {
                (Some(offset), _) => day(offset + earned),
                (None, Some(months)) => earned_on.checked_add_months(chrono::Months::new(months)).unwrap(),
                (None, None) => chrono::NaiveDate::MAX,
            };
            (*points, end, *employee)
        }).collect();
        let held = |first: chrono::NaiveDate, employee: bool| ends.iter()
            .filter(|(_, end, e)| *e == employee && first < *end).map(|(p, _, _)| p).sum::<u64>();
        let mut before = held(chrono::NaiveDate::MIN, false);
        for month in 1..=closes {
            let first = start.checked_add_months(chrono::Months::new(month)).unwrap();
            let expired = ledger.close_month(&MonthStart::of(&rules, first));
            let after = held(first, false);
            prop_assert_eq!(expired, before - after, "close of {}", first);
            prop_assert_eq!(ledger.points_held(), after);
            prop_assert_eq!(ledger.employee_points_held(), held(first, true));
            before = after;
        }
    }
}
