//! A discount rule worded: what it gives, on what, and under which conditions.

use super::namer::Namer;
use super::words::{fill, number};
use crate::format::program::{DiscountRule, DiscountValue};
use rust_decimal::Decimal;

pub(super) fn describe_discount(
    rule: &DiscountRule,
    namer: &Namer,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let (w, lang) = (namer.words, namer.lang);
    let mut text = match &rule.value {
        DiscountValue::Percent { percent } => {
            fill(w.percent_off, &[("p", &number(*percent, lang))])
        }
        DiscountValue::Fixed { amount } => fill(w.amount_off, &[("a", &money(*amount))]),
        DiscountValue::FixedPerUnit { amount } => {
            fill(w.amount_off_each, &[("a", &money(*amount))])
        }
        DiscountValue::TierPercent => w.tier_discount.to_string(),
        DiscountValue::Bundle {
            items,
            price,
            max_applications,
        } => {
            let list: Vec<String> = items
                .iter()
                .map(|item| {
                    let names: Vec<String> =
                        item.skus
                            .iter()
                            .map(|sku| namer.quoted(sku))
                            .chain(item.categories.iter().map(|id| {
                                namer.quoted(namer.program.category_name(id, lang.tag()))
                            }))
                            .collect();
                    format!("{} × {}", item.quantity, names.join(" / "))
                })
                .collect();
            let mut text = fill(
                w.bundle,
                &[("list", &namer.list(list)), ("price", &money(*price))],
            );
            if let Some(n) = max_applications {
                text += &fill(w.at_most_times, &[("n", &n.to_string())]);
            }
            text
        }
        DiscountValue::FreeShipping => w.shipping[0].to_string(),
        DiscountValue::ShippingPercent { percent } => {
            fill(w.shipping[1], &[("p", &number(*percent, lang))])
        }
        DiscountValue::ShippingAmount { amount } => fill(w.shipping[2], &[("a", &money(*amount))]),
        DiscountValue::BuyGet {
            buy,
            get,
            percent,
            max_applications,
            pick,
        } => {
            let (buy, get) = (buy.to_string(), get.to_string());
            let mut text = if *percent == Decimal::ONE_HUNDRED {
                fill(w.buy_get_free, &[("buy", &buy), ("get", &get)])
            } else {
                let p = number(*percent, lang);
                fill(w.buy_get_off, &[("buy", &buy), ("get", &get), ("p", &p)])
            };
            if let Some(n) = max_applications {
                text += &fill(w.at_most_times, &[("n", &n.to_string())]);
            }
            if *pick == crate::format::program::Pick::MostExpensive {
                text += w.dearest;
            }
            text
        }
        DiscountValue::QuantityBreaks { breaks, counted } => {
            let list: Vec<String> = breaks
                .iter()
                .map(|b| {
                    fill(
                        w.quantity_break,
                        &[
                            ("p", &number(b.percent, lang)),
                            ("q", &b.quantity.to_string()),
                        ],
                    )
                })
                .collect();
            let same = match counted {
                crate::format::program::Counted::PerSku => w.same_product,
                crate::format::program::Counted::InScope => "",
            };
            format!("{}{same}", list.join(", "))
        }
        DiscountValue::SpendSteps { steps, .. } => steps
            .iter()
            .map(|step| {
                fill(
                    w.step,
                    &[
                        ("p", &number(step.percent, lang)),
                        ("from", &money(step.from)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    text += &namer.scope(&rule.scope.categories, &rule.scope.skus);
    text += &namer.attributes(&rule.scope.attributes);
    if let Some(combines) = &rule.combines_with {
        use crate::format::program::DiscountClass;
        let classes = [
            DiscountClass::Product,
            DiscountClass::Order,
            DiscountClass::Shipping,
        ];
        let excluded: Vec<String> = classes
            .iter()
            .zip(w.classes)
            .filter(|(class, _)| !combines.contains(class))
            .map(|(_, words)| words.to_string())
            .collect();
        if !excluded.is_empty() {
            text += &fill(w.not_with, &[("list", &namer.list(excluded))]);
        }
    }
    text + &describe_conditions(&rule.conditions, namer, money)
}

/// A rule's conditions, each as a phrase after what the rule gives.
pub(super) fn describe_conditions(
    conditions: &crate::format::program::Conditions,
    namer: &Namer,
    money: &dyn Fn(Decimal) -> String,
) -> String {
    let w = namer.words;
    let mut text = String::new();
    if let Some(min) = conditions.min_subtotal {
        text += &fill(w.min_order, &[("min", &money(min))]);
    }
    if let Some(code) = &conditions.promo_code {
        text += &fill(w.with_code, &[("code", code)]);
    }
    if !conditions.tiers.is_empty() {
        let names: Vec<String> = conditions
            .tiers
            .iter()
            .map(|id| {
                let tier = namer.program.tier(id);
                namer.quoted(tier.map_or(id.as_str(), |t| namer.name(&t.name)))
            })
            .collect();
        text += &fill(w.for_tiers, &[("list", &namer.list(names))]);
    }
    if conditions.members_only {
        text += w.members;
    }
    let days: Vec<String> = conditions
        .days_of_week
        .iter()
        .filter_map(|day| {
            let at = crate::rules::compiled::WEEKDAYS
                .iter()
                .position(|known| known == day)?;
            Some(w.weekdays[at].to_string())
        })
        .collect();
    if !days.is_empty() {
        text += &fill(w.on_days, &[("list", &namer.list(days))]);
    }
    if let Some(window) = conditions.birthday_window_days {
        text += &fill(w.birthday, &[("n", &window.to_string())]);
    }
    let (from, to) = (conditions.valid_from, conditions.valid_until);
    let template = match (from, to) {
        (Some(_), Some(_)) => Some(w.dates[0]),
        (Some(_), None) => Some(w.dates[1]),
        (None, Some(_)) => Some(w.dates[2]),
        (None, None) => None,
    };
    if let Some(template) = template {
        let day = |date: Option<chrono::NaiveDate>| {
            date.map_or(String::new(), |d| super::words::date(d, namer.lang))
        };
        text += &fill(template, &[("from", &day(from)), ("to", &day(to))]);
    }
    match conditions.first_purchase_made {
        Some(true) => text += w.after_first,
        Some(false) => text += w.first_only,
        None => {}
    }
    text
}
