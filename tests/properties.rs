//! Property tests of the quote's invariants, on a program that uses every mechanism.

use loyalty::format::json::write::ToJson;
use loyalty::{quote, Quote, Request};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const CURRENCIES: [(&str, u32); 3] = [("USD", 2), ("JPY", 0), ("KWD", 3)];
const CATEGORIES: [&str; 5] = ["books", "gadgets", "food", "home", "toys"];

fn everything(currency: &str) -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/programs/everything.json"
    ))
    .unwrap();
    let mut program: Value = serde_json::from_str(&text).unwrap();
    program["currency"] = json!(currency);
    program
}

fn line_strategy(units: u32) -> impl Strategy<Value = Value> {
    (0usize..5, 0i64..200_000, 1u32..5, any::<bool>(), 0u8..100).prop_map(move |(category, minor, quantity, promotional, cost_share)| {
        let price = Decimal::new(minor, units);
        let cost = Decimal::new(minor * i64::from(cost_share) / 100, units);
        json!({"sku": format!("SKU-{category}-{minor}"), "category": CATEGORIES[category], "unit_price": price.to_string(),
               "quantity": quantity, "promotional": promotional, "unit_cost": cost.to_string()})
    })
}

prop_compose! {
    fn request_parts()(currency in 0usize..3)(
        currency in Just(currency),
        lines in prop::collection::vec(line_strategy(CURRENCIES[currency].1), 0..12),
        extra in line_strategy(CURRENCIES[currency].1),
        spend in 0i64..800_000,
        balance in 0u64..20_000,
        redeem in 0u64..30_000,
        code in prop::option::of(Just("save20")),
        member in any::<bool>(),
        employee in any::<bool>(),
        reviews in 0u32..3,
        last_purchase_days in 0i64..400,
    ) -> (Value, Value, Value, Value) {
        let (code_name, units) = CURRENCIES[currency];
        let mut customer = json!({
            "spend": [{"date": "2026-06-01", "amount": Decimal::new(spend * 10i64.pow(units) / 100, units).to_string()}],
            "points": [{"points": balance, "earned": "2026-05-01"}],
            "first_purchase_made": true,
            "last_purchase": (chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap() - chrono::Duration::days(last_purchase_days)).to_string(),
        });
        if member { customer["member_until"] = json!("2026-12-31"); }
        if employee { customer["employee_id"] = json!("E-1"); }
        let events = if reviews > 0 { json!([{"id": "review", "count": reviews}]) } else { json!([]) };
        let cart = json!({"date": "2026-11-22", "lines": lines, "redeem_points": redeem, "promo_code": code, "events": events});
        (everything(code_name), customer, cart, extra)
    }
}

fn run(program: &Value, customer: &Value, cart: &Value) -> Quote {
    let request: Request =
        loyalty::from_value(&json!({"program": program, "customer": customer, "cart": cart}))
            .unwrap();
    let quote = quote(&request).unwrap();
    // The checkout writes its quotes by hand; they must be what serde_json writes.
    assert_eq!(quote.to_json(), serde_json::to_string(&quote).unwrap());
    quote
}

fn is_minor(amount: Decimal, units: u32) -> bool {
    amount.scale() == units
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn totals_are_never_negative_and_no_line_discount_exceeds_its_price((program, customer, cart, _) in request_parts()) {
        let q = run(&program, &customer, &cart);
        prop_assert!(q.payable >= Decimal::ZERO);
        for line in &q.lines {
            prop_assert!(line.discount <= line.subtotal, "{} > {}", line.discount, line.subtotal);
            prop_assert!(line.total >= Decimal::ZERO);
        }
    }

    #[test]
    fn allocations_add_up_exactly((program, customer, cart, _) in request_parts()) {
        let q = run(&program, &customer, &cart);
        prop_assert_eq!(q.lines.iter().map(|l| l.discount).sum::<Decimal>(), q.discount_total);
        prop_assert_eq!(q.lines.iter().map(|l| l.points_value).sum::<Decimal>(), q.points_value);
        for discount in &q.discounts {
            let shares: Decimal = q.lines.iter().flat_map(|l| &l.discounts).filter(|s| s.rule == discount.rule).map(|s| s.amount).sum();
            prop_assert_eq!(shares, discount.amount, "rule {}", discount.rule);
        }
        prop_assert_eq!(q.subtotal - q.discount_total - q.points_value, q.payable);
        prop_assert_eq!(q.lines.iter().map(|l| l.total).sum::<Decimal>(), q.payable);
    }

    #[test]
    fn redemption_never_exceeds_the_cap_or_the_balance((program, customer, cart, _) in request_parts()) {
        let q = run(&program, &customer, &cart);
        let points = q.points.unwrap();
        prop_assert!(points.redeemed <= points.redeem_cap);
        prop_assert!(points.redeemed <= points.balance_before);
        prop_assert!(points.redeemed <= points.requested);
        prop_assert!(q.points_value <= points.redeem_cap_amount);
    }

    #[test]
    fn quotes_are_deterministic((program, customer, cart, _) in request_parts()) {
        let first = serde_json::to_string(&run(&program, &customer, &cart)).unwrap();
        let second = serde_json::to_string(&run(&program, &customer, &cart)).unwrap();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn amounts_are_always_in_minor_units((program, customer, cart, _) in request_parts()) {
        let q = run(&program, &customer, &cart);
        let units = q.minor_units;
        let mut amounts = vec![q.subtotal, q.discount_total, q.after_discounts, q.points_value, q.payable];
        for line in &q.lines {
            amounts.extend([line.subtotal, line.discount, line.points_value, line.total]);
            amounts.extend(line.discounts.iter().map(|s| s.amount));
        }
        amounts.extend(q.discounts.iter().map(|d| d.amount));
        if let Some(cashback) = &q.cashback { amounts.extend([cashback.earned, cashback.store_credit_after]); }
        if let Some(tier) = &q.tier {
            amounts.extend([tier.qualifying_before, tier.qualifying_after]);
            amounts.extend(tier.next.as_ref().map(|next| next.remaining));
        }
        if let Some(margin) = &q.margin { amounts.extend([margin.cost, margin.give_away]); }
        for amount in amounts {
            prop_assert!(is_minor(amount, units), "{} is not in {} minor units: {}", amount, units, serde_json::to_string(&q).unwrap());
        }
    }

    /// Unless the new line takes the order over a threshold that discounts the lines already
    /// there more (a fixed discount from a minimum subtotal, say): points are earned after
    /// discounts, so those lines then rightly earn less.
    #[test]
    fn points_never_fall_when_a_line_is_added((program, customer, cart, extra) in request_parts()) {
        let before = run(&program, &customer, &cart);
        let mut bigger = cart.clone();
        bigger["lines"].as_array_mut().unwrap().push(extra);
        let after = run(&program, &customer, &bigger);
        let discounted_more = before.lines.iter().zip(&after.lines).any(|(b, a)| a.discount > b.discount);
        prop_assume!(!discounted_more);
        let (before, after) = (before.points.unwrap().earned, after.points.unwrap().earned);
        prop_assert!(after >= before, "{} points fell to {}", before, after);
    }
}

/// The case the property above found: a food line takes a 46.408 KWD book order to 50, where ten
/// off beats the books week's 12.5 %, so the book is discounted more and earns fewer points.
#[test]
fn a_line_that_reaches_a_minimum_subtotal_can_lower_the_other_lines_points() {
    let program = everything("KWD");
    let customer = json!({"first_purchase_made": true, "member_until": "2026-12-31"});
    let book = json!({"sku": "B", "category": "books", "unit_price": "46.408", "quantity": 1});
    let food = json!({"sku": "F", "category": "food", "unit_price": "1.796", "quantity": 2});
    let alone = run(
        &program,
        &customer,
        &json!({"date": "2026-11-22", "lines": [book]}),
    );
    let both = run(
        &program,
        &customer,
        &json!({"date": "2026-11-22", "lines": [book, food]}),
    );
    assert!(both.lines[0].discount > alone.lines[0].discount);
    assert!(both.points.unwrap().earned < alone.points.unwrap().earned);
}

prop_compose! {
    /// Tax included in prices: a default rate and one for books, either rounding, either base,
    /// and each way delivery may contain tax.
    fn included_tax()(
        default in prop::sample::select(vec!["0", "5", "10", "18", "20", "12.5"]),
        books in prop::sample::select(vec!["0", "10", "7.7"]),
        per_total in any::<bool>(),
        net in any::<bool>(),
        delivery in prop::sample::select(vec!["default_rate", "proportional", "none"]),
    ) -> Value {
        json!({"percent": default, "rates": [{"categories": ["books"], "percent": books}],
               "rounding": if per_total { "per_total" } else { "per_line" },
               "earn_on": if net { "net" } else { "gross" },
               "delivery": delivery})
    }
}

prop_compose! {
    /// Up to three delivery charges (in minor units), and what takes money off them: nothing, a
    /// free delivery or half off.
    fn deliveries()(
        charges in prop::collection::vec(0i64..100_000, 0..4),
        off in 0usize..3,
    ) -> (Vec<i64>, usize) {
        (charges, off)
    }
}

/// The program and cart with delivery charges and a delivery discount (`off`: none, free, half).
fn with_delivery(program: &Value, cart: &Value, charges: &[i64], off: usize) -> (Value, Value) {
    let units = CURRENCIES
        .iter()
        .find(|(code, _)| program["currency"] == *code)
        .unwrap()
        .1;
    let (mut program, mut cart) = (program.clone(), cart.clone());
    cart["shipping"] = charges
        .iter()
        .enumerate()
        .map(|(at, minor)| json!({"method": format!("m{at}"), "price": Decimal::new(*minor, units).to_string()}))
        .collect();
    let value = match off {
        1 => Some(json!({"type": "free_shipping"})),
        2 => Some(json!({"type": "shipping_percent", "percent": "50"})),
        _ => None,
    };
    if let Some(value) = value {
        program["discounts"].as_array_mut().unwrap().insert(
            0,
            json!({"id": "delivery", "name": "Delivery", "value": value, "priority": 1000}),
        );
    }
    (program, cart)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The tax a price contains adds up over the lines and the delivery charges to each rate's
    /// total and to the whole, never exceeds a line's or a charge's amount after discounts, and
    /// changes no price: the customer pays what they would without it. Delivery is taxed as the
    /// program says, and a free delivery contains no tax.
    #[test]
    fn included_tax_adds_up_and_changes_no_price(
        (program, customer, cart, _) in request_parts(),
        tax in included_tax(),
        (charges, off) in deliveries(),
    ) {
        let (program, cart) = with_delivery(&program, &cart, &charges, off);
        let percent = |value: &Value| value.as_str().unwrap().parse::<Decimal>().unwrap();
        // Entries at the same percent are one rate.
        let one_rate = percent(&tax["percent"]) == percent(&tax["rates"][0]["percent"]);
        let books_percent = percent(&tax["rates"][0]["percent"]);
        let default_percent = percent(&tax["percent"]);
        let per_total = tax["rounding"] == "per_total";
        let delivery = tax["delivery"].as_str().unwrap().to_string();
        let mut taxed = program.clone();
        taxed["included_tax"] = tax;
        let q = run(&taxed, &customer, &cart);
        let plain = run(&program, &customer, &cart);
        prop_assert_eq!(q.payable, plain.payable);
        prop_assert_eq!(q.discount_total, plain.discount_total);
        prop_assert_eq!(q.shipping.as_ref().map(|s| s.total), plain.shipping.as_ref().map(|s| s.total));
        let summary = q.tax.clone().unwrap();
        let line_taxes: Vec<Decimal> = q.lines.iter().map(|line| line.tax.unwrap()).collect();
        let charges: Vec<(Decimal, Decimal)> = match &q.shipping {
            None => Vec::new(),
            Some(shipping) => shipping.lines.iter().map(|line| (line.total, line.tax.unwrap_or(Decimal::MIN))).collect(),
        };
        let delivery_total: Decimal = charges.iter().map(|(total, _)| *total).sum();
        let delivery_tax: Decimal = match delivery.as_str() {
            "none" => {
                prop_assert!(q.shipping.iter().flat_map(|s| &s.lines).all(|line| line.tax.is_none()));
                Decimal::ZERO
            }
            _ => {
                for (total, tax) in &charges {
                    prop_assert!(*tax >= Decimal::ZERO && tax <= total, "{} in {}", tax, total);
                    prop_assert!(is_minor(*tax, q.minor_units));
                }
                charges.iter().map(|(_, tax)| *tax).sum()
            }
        };
        prop_assert_eq!(line_taxes.iter().copied().sum::<Decimal>() + delivery_tax, summary.total);
        prop_assert_eq!(summary.rates.iter().map(|rate| rate.tax).sum::<Decimal>(), summary.total);
        // The rates' table holds the goods after discounts and the delivery that contains tax.
        let taxed_delivery = if delivery == "none" { Decimal::ZERO } else { delivery_total };
        prop_assert_eq!(summary.rates.iter().map(|rate| rate.gross).sum::<Decimal>(), q.after_discounts + taxed_delivery);
        for (line, tax) in q.lines.iter().zip(&line_taxes) {
            let gross = line.subtotal - line.discount;
            prop_assert!(*tax >= Decimal::ZERO && *tax <= gross, "{} in {}", tax, gross);
            prop_assert!(is_minor(*tax, q.minor_units));
        }
        // Each amount contains its rate's share, p / (100 + p), to within a minor unit: each
        // rate's total when rounded once on it, each charge at the default rate when rounded on
        // each line.
        let unit = Decimal::new(1, q.minor_units);
        let share = |percent: Decimal| percent / (Decimal::ONE_HUNDRED + percent);
        for rate in &summary.rates {
            prop_assert_eq!(rate.net + rate.tax, rate.gross);
            if per_total {
                prop_assert!((rate.tax - rate.gross * share(rate.percent)).abs() < unit, "{:?}", rate);
            }
        }
        if !per_total && delivery == "default_rate" {
            for (total, tax) in &charges {
                prop_assert!((*tax - *total * share(default_percent)).abs() < unit, "{} in {}", tax, total);
            }
        }
        // Lines of books are taxed at the books rate, the others at the default: each group's
        // lines add up to its rate's entry (the default's first, when both are used), or all
        // lines to the one rate when both are at the same percent. Delivery at the default rate
        // joins the default's entry; split in proportion, it joins each rate by what the goods
        // at it come to, to within a minor unit a charge.
        let books = |books: bool| q.lines.iter().zip(&line_taxes).filter(move |(line, _)| one_rate || (line.category == "books") == books);
        let goods = |of_books: bool| -> Decimal { books(of_books).map(|(line, _)| line.subtotal - line.discount).sum() };
        let group = |of_books: bool, with_delivery: bool| -> Option<Decimal> {
            let lines: Vec<Decimal> = books(of_books).map(|(_, tax)| *tax).collect();
            let charged = with_delivery && !charges.is_empty();
            (!lines.is_empty() || charged).then(|| lines.iter().copied().sum::<Decimal>() + if with_delivery { delivery_tax } else { Decimal::ZERO })
        };
        match delivery.as_str() {
            "proportional" => {
                let all_goods = q.after_discounts;
                let unit = Decimal::new(1, q.minor_units);
                let counted = Decimal::from(charges.len() as u64) * unit;
                for rate in &summary.rates {
                    let of_books = !one_rate && rate.percent == books_percent;
                    let goods = goods(of_books);
                    let part = rate.gross - goods;
                    if all_goods.is_zero() {
                        // At the default rate when the goods come to nothing.
                        prop_assert_eq!(part, if of_books { Decimal::ZERO } else { taxed_delivery });
                    } else {
                        prop_assert!((part * all_goods - taxed_delivery * goods).abs() <= counted * all_goods,
                            "{} of delivery {} for goods {} of {}", part, taxed_delivery, goods, all_goods);
                    }
                }
            }
            _ => {
                let with_delivery = delivery == "default_rate";
                let expected: Vec<Decimal> = match one_rate {
                    true => [group(false, with_delivery)].into_iter().flatten().collect(),
                    false => [group(false, with_delivery), group(true, false)].into_iter().flatten().collect(),
                };
                prop_assert_eq!(summary.rates.iter().map(|rate| rate.tax).collect::<Vec<_>>(), expected);
            }
        }
        // A free delivery contains no tax: the order's tax is what it would be without delivery.
        if off == 1 && delivery_total.is_zero() && !charges.is_empty() {
            let mut undelivered = cart.clone();
            undelivered["shipping"] = json!([]);
            let alone = run(&taxed, &customer, &undelivered);
            prop_assert_eq!(alone.tax.unwrap().total, summary.total);
            prop_assert_eq!(alone.lines.iter().map(|line| line.tax).collect::<Vec<_>>(), line_taxes.iter().map(|tax| Some(*tax)).collect::<Vec<_>>());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Quantity breaks: one more unit never raises what the customer pays by more than its
    /// price, a SKU below the first break gets nothing, and one at a break gets its percentage.
    #[test]
    fn quantity_breaks_reward_each_unit_more(
        first in 1u32..20, extra in 1u32..30, low in 1u32..30, high in 31u32..60,
        a in 1u32..80, b in 1u32..80, price in 1i64..100_000, per_sku in any::<bool>(),
    ) {
        let program = json!({"version": 1, "id": "q", "name": "Q", "currency": "USD",
            "discounts": [{"id": "breaks", "name": "Breaks", "scope": {"categories": ["paper"]},
                "value": {"type": "quantity_breaks", "counted": if per_sku { "per_sku" } else { "in_scope" },
                          "breaks": [{"quantity": first, "percent": low.to_string()},
                                     {"quantity": first + extra, "percent": high.to_string()}]}}]});
        let unit = Decimal::new(price, 2);
        let cart = |a: u32| json!({"date": "2026-11-22", "lines": [
            {"sku": "A4", "category": "paper", "unit_price": unit.to_string(), "quantity": a},
            {"sku": "A3", "category": "paper", "unit_price": unit.to_string(), "quantity": b}]});
        let before = run(&program, &json!({}), &cart(a));
        let after = run(&program, &json!({}), &cart(a + 1));
        prop_assert!(after.payable - before.payable <= unit, "{} → {}", before.payable, after.payable);
        let counted = if per_sku { a } else { a + b };
        let expected_percent = if counted >= first + extra { high } else if counted >= first { low } else { 0 };
        let line = &before.lines[0];
        let exact = line.subtotal * Decimal::from(expected_percent) / Decimal::ONE_HUNDRED;
        prop_assert!((line.discount - exact).abs() <= Decimal::new(1, 2), "{} vs {}", line.discount, exact);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Buy X get Y: never more off than the free units' price, exactly their price (at the
    /// percentage) when nothing else discounts them, and one more unit never costs more than
    /// its price.
    #[test]
    fn buy_get_gives_at_most_the_free_units(
        buy in 1u32..4, get in 1u32..3, percent in prop::sample::select(vec!["100", "50", "30"]),
        max in prop::option::of(1u32..4), dearest in any::<bool>(),
        prices in prop::collection::vec((1i64..50_000, 1u32..6), 1..4),
    ) {
        let mut value = json!({"type": "buy_get", "buy": buy, "get": get, "percent": percent,
                               "pick": if dearest { "most_expensive" } else { "cheapest" }});
        if let Some(max) = max { value["max_applications"] = json!(max); }
        let program = json!({"version": 1, "id": "b", "name": "B", "currency": "USD",
            "discounts": [{"id": "offer", "name": "Offer", "value": value, "scope": {"categories": ["deal"]}}]});
        let lines = |extra: u32| -> Value {
            json!(prices.iter().enumerate().map(|(at, (minor, quantity))| json!({
                "sku": format!("S{at}"), "category": "deal", "unit_price": Decimal::new(*minor, 2).to_string(),
                "quantity": quantity + if at == 0 { extra } else { 0 }})).collect::<Vec<_>>())
        };
        let cart = |extra: u32| json!({"date": "2026-11-22", "lines": lines(extra)});
        let q = run(&program, &json!({}), &cart(0));
        let units: u64 = prices.iter().map(|(_, quantity)| u64::from(*quantity)).sum();
        let free = (units / u64::from(buy + get)).min(max.map_or(u64::MAX, u64::from)) * u64::from(get);
        // The units given, dearest first: the cheapest `get` of each set, or the dearest outright.
        let mut unit_prices: Vec<i64> = prices.iter().flat_map(|(minor, quantity)| std::iter::repeat_n(*minor, *quantity as usize)).collect();
        unit_prices.sort_unstable_by(|a, b| b.cmp(a));
        let group = (buy + get) as usize;
        let given: i64 = if dearest {
            unit_prices.iter().take(free as usize).sum()
        } else {
            unit_prices.chunks(group).take((free / u64::from(get)) as usize)
                .filter(|set| set.len() == group).map(|set| set[buy as usize..].iter().sum::<i64>()).sum()
        };
        let free_value = Decimal::new(given, 2);
        prop_assert!(q.discount_total <= free_value, "{} > {}", q.discount_total, free_value);
        if percent == "100" {
            prop_assert_eq!(q.discount_total, free_value);
        }
        let more = run(&program, &json!({}), &cart(1));
        prop_assert!(more.payable - q.payable <= Decimal::new(prices[0].0, 2));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Sets for a price: the discount is the most any number of sets can save, each set made of
    /// the dearest units left (a set never costs more than its units), and one more unit never
    /// costs more than its price.
    #[test]
    fn sets_save_the_most_and_one_more_unit_never_costs_more(
        price in 1i64..40_000, yoghurts in 1u64..3, juices in 1u64..3, max in prop::option::of(1u32..4),
        lines in prop::collection::vec((any::<bool>(), 1i64..25_000, 1u32..4), 1..6),
        more in 0usize..6,
    ) {
        let mut value = json!({"type": "bundle", "price": Decimal::new(price, 2).to_string(),
            "items": [{"categories": ["yogurt"], "quantity": yoghurts}, {"categories": ["juice"], "quantity": juices}]});
        if let Some(max) = max { value["max_applications"] = json!(max); }
        let program = json!({"version": 1, "id": "s", "name": "S", "currency": "USD",
            "discounts": [{"id": "set", "name": "Set", "value": value}]});
        let cart = |extra: usize| json!({"date": "2026-11-22", "lines": lines.iter().enumerate().map(|(at, (yoghurt, minor, quantity))| json!({
            "sku": format!("S{at}"), "category": if *yoghurt { "yogurt" } else { "juice" },
            "unit_price": Decimal::new(*minor, 2).to_string(),
            "quantity": quantity + u32::from(at == extra)})).collect::<Vec<_>>()});
        let q = run(&program, &json!({}), &cart(usize::MAX));
        // Every way of making s sets from the dearest units: the best saving over s.
        let units = |yoghurt: bool| {
            let mut units: Vec<i64> = lines.iter().filter(|(y, _, _)| *y == yoghurt)
                .flat_map(|(_, minor, quantity)| std::iter::repeat_n(*minor, *quantity as usize)).collect();
            units.sort_unstable_by(|a, b| b.cmp(a));
            units
        };
        let (ys, js) = (units(true), units(false));
        let possible = (ys.len() as u64 / yoghurts).min(js.len() as u64 / juices).min(max.map_or(u64::MAX, u64::from));
        let best = (0..=possible).map(|sets| {
            let worth: i64 = ys.iter().take((sets * yoghurts) as usize).sum::<i64>()
                + js.iter().take((sets * juices) as usize).sum::<i64>();
            worth - price * sets as i64
        }).max().unwrap_or(0);
        prop_assert_eq!(q.discount_total, Decimal::new(best, 2));
        prop_assert!(q.payable <= q.subtotal);
        let extra = more % lines.len();
        let after = run(&program, &json!({}), &cart(extra));
        prop_assert!(after.payable - q.payable <= Decimal::new(lines[extra].1, 2),
            "{} → {} adding one at {}", q.payable, after.payable, lines[extra].1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A budget never lets a rule give more than what is left of it, and gives all it would
    /// without the budget when enough is left; a limit reached refuses it.
    #[test]
    fn a_budget_caps_what_a_rule_gives(
        budget in 1i64..100_000, spent in 0i64..120_000, uses in 0u64..5, max_uses in 1u64..5,
        lines in prop::collection::vec(1i64..50_000, 1..5),
    ) {
        let program = |limits: bool| {
            let mut rule = json!({"id": "offer", "name": "Offer", "value": {"type": "percent", "percent": "20"}});
            if limits { rule["limits"] = json!({"budget": Decimal::new(budget, 2).to_string(), "uses": max_uses}); }
            json!({"version": 1, "id": "b", "name": "B", "currency": "USD", "discounts": [rule]})
        };
        let lines: Vec<Value> = lines.iter().enumerate().map(|(at, minor)| json!({"sku": format!("S{at}"), "unit_price": Decimal::new(*minor, 2).to_string(), "quantity": 1})).collect();
        let usage = json!({"discounts": {"offer": {"uses": uses, "spent": Decimal::new(spent, 2).to_string()}}});
        let limited = run(&program(true), &json!({}), &json!({"date": "2026-11-22", "lines": lines, "usage": usage}));
        let free = run(&program(false), &json!({}), &json!({"date": "2026-11-22", "lines": lines}));
        let left = Decimal::new((budget - spent).max(0), 2);
        if uses >= max_uses || spent >= budget {
            prop_assert!(limited.discount_total.is_zero());
        } else {
            prop_assert_eq!(limited.discount_total, free.discount_total.min(left));
        }
        prop_assert_eq!(limited.lines.iter().map(|l| l.discount).sum::<Decimal>(), limited.discount_total);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Points still pending on the order's day are never spent: what is redeemed is at most the
    /// points whose pending days are over, and the pending points are all the others held.
    #[test]
    fn pending_points_are_never_redeemable(
        pending_days in 1u32..60, lots in prop::collection::vec((1u64..5_000, 0u64..90), 1..5),
        redeem in 0u64..20_000, price in 1i64..1_000_000,
    ) {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let program = json!({"version": 1, "id": "p", "name": "P", "currency": "USD",
            "points": {"earn": {"points": "1", "per_amount": "1.00"}, "value_per_point": "0.01", "pending_days": pending_days}});
        let customer = json!({"points": lots.iter().map(|(points, ago)| json!({"points": points, "earned": (day - chrono::Days::new(*ago)).to_string()})).collect::<Vec<_>>()});
        let cart = json!({"date": day.to_string(), "redeem_points": redeem, "lines": [{"sku": "A", "unit_price": Decimal::new(price, 2).to_string(), "quantity": 1}]});
        let q = run(&program, &customer, &cart);
        let points = q.points.unwrap();
        let spendable: u64 = lots.iter().filter(|(_, ago)| *ago >= u64::from(pending_days)).map(|(p, _)| p).sum();
        let pending: u64 = lots.iter().filter(|(_, ago)| *ago < u64::from(pending_days)).map(|(p, _)| p).sum();
        prop_assert_eq!(points.balance_before, spendable);
        prop_assert!(points.redeemed <= spendable);
        let held = points.pending.unwrap();
        prop_assert_eq!(held.before, pending);
        prop_assert_eq!(held.after, pending + points.earned);
    }
}

fn delivery_rule(kind: u8, stacking: u8, minimum: i64) -> Value {
    let value = match kind {
        0 => json!({"type": "free_shipping"}),
        1 => json!({"type": "shipping_percent", "percent": "35"}),
        _ => json!({"type": "shipping_amount", "amount": "4.99"}),
    };
    let stacking = ["combine", "best_of", "exclusive"][usize::from(stacking % 3)];
    json!({"id": format!("delivery-{kind}"), "name": "Delivery", "value": value, "stacking": stacking,
           "conditions": {"min_subtotal": Decimal::new(minimum, 2).to_string()}})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Delivery discounts, among other rules and classes, never take more than delivery costs,
    /// and what is paid is the lines and delivery, to the last minor unit.
    #[test]
    fn delivery_discounts_stay_within_delivery_and_everything_adds_up(
        lines in prop::collection::vec(line_strategy(2), 1..6),
        prices in prop::collection::vec(0i64..2_000, 0..3),
        kinds in prop::collection::vec((0u8..3, 0u8..3, 0i64..50_000), 1..4),
        counts in any::<bool>(),
        goods_combine in any::<bool>(),
    ) {
        let mut discounts: Vec<Value> = kinds.iter().map(|&(kind, stacking, minimum)| delivery_rule(kind, stacking, minimum)).collect();
        let mut goods = json!({"id": "goods", "name": "Goods", "value": {"type": "percent", "percent": "10"}, "priority": 1});
        if !goods_combine { goods["combines_with"] = json!(["product", "order"]); }
        discounts.push(goods);
        // The same kind twice would repeat an id.
        let mut seen = std::collections::HashSet::new();
        discounts.retain(|d| seen.insert(d["id"].to_string()));
        let program = json!({"version": 1, "id": "p", "name": "P", "currency": "USD", "discounts": discounts,
                             "shipping": {"counts_toward_minimums": counts}});
        let shipping: Vec<Value> = prices.iter().map(|p| json!({"method": "courier", "price": Decimal::new(*p, 2).to_string()})).collect();
        let cart = json!({"date": "2026-11-22", "lines": lines, "shipping": shipping});
        let q = run(&program, &json!({}), &cart);
        let delivery = q.shipping.as_ref().map_or(Decimal::ZERO, |s| s.total);
        prop_assert_eq!(q.lines.iter().map(|l| l.total).sum::<Decimal>() + delivery, q.payable);
        prop_assert_eq!(q.subtotal - q.discount_total - q.points_value + delivery, q.payable);
        prop_assert_eq!(q.shipping.is_some(), !prices.is_empty());
        if let Some(shipping) = &q.shipping {
            let price: Decimal = prices.iter().map(|p| Decimal::new(*p, 2)).sum();
            prop_assert_eq!(shipping.price, price);
            for line in &shipping.lines {
                prop_assert!(line.discount >= Decimal::ZERO && line.discount <= line.price);
                prop_assert_eq!(line.price - line.discount, line.total);
            }
            for discount in &shipping.discounts {
                let shares: Decimal = shipping.lines.iter().flat_map(|l| &l.discounts).filter(|s| s.rule == discount.rule).map(|s| s.amount).sum();
                prop_assert_eq!(shares, discount.amount);
            }
            prop_assert_eq!(shipping.discounts.iter().map(|d| d.amount).sum::<Decimal>(), shipping.discount);
        }
    }
}
