//! A whole program worded, one short sentence per mechanism: tiers, points, cashback, returns,
//! membership (the discounts are worded in `discounts`).

use super::discounts::{describe_conditions, describe_discount};
use super::lang::Lang;
use super::namer::Namer;
use super::words::{fill, number, plural, words};
use crate::format::program::{
    BrokenMinimums, DeliveryTax, Period, PointsBack, Program, Qualifier, Window,
};
use rust_decimal::Decimal;

/// Words in a summary: tokens holding a letter or a digit, so that a dash is not a word.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// The plain-language summary of `program` in `lang`: one short sentence per mechanism.
pub fn summarize(program: &Program, lang: Lang) -> String {
    let w = words(lang);
    let namer = Namer {
        program,
        lang,
        words: w,
    };
    let name = |text| namer.name(text);
    let months = |n: u32| plural(lang, n, &w.months);
    // "1 point", "5 points": a whole number picks its form, a fraction the plural.
    let points_word = |p: Decimal| {
        let p = p.normalize();
        let whole = (p.scale() == 0)
            .then(|| u32::try_from(p.mantissa()).ok())
            .flatten();
        whole.map_or(w.point_forms[2], |n| plural(lang, n, &w.point_forms))
    };
    let money = |value: Decimal| format!("{} {}", number(value, lang), program.currency);
    let sentence = |text: String| format!("{text}{}", w.stop);
    let mut sentences = Vec::new();

    if !program.tiers.is_empty() {
        let rules = &program.tier_rules;
        let basis = match rules.qualifies_on {
            Qualifier::Spend => w.tiers_spend,
            Qualifier::Points => w.tiers_points,
        };
        let window = match rules.window {
            Window::Lifetime => String::new(),
            Window::CalendarYear => w.calendar_year.to_string(),
            Window::CalendarQuarter => w.quarter.to_string(),
            Window::RollingMonths { months: n } => {
                fill(w.rolling, &[("n", &n.to_string()), ("months", months(n))])
            }
        };
        let list: Vec<String> = program
            .tiers
            .iter()
            .map(|tier| {
                let threshold = match rules.qualifies_on {
                    Qualifier::Spend => money(tier.threshold),
                    Qualifier::Points => number(tier.threshold, lang),
                };
                let quoted = namer.quoted(name(&tier.name));
                let mut text = fill(w.tier_from, &[("name", &quoted), ("amount", &threshold)]);
                if let Some(percent) = tier.discount_percent.filter(|p| !p.is_zero()) {
                    text += &format!(
                        " ({})",
                        fill(w.percent_off, &[("p", &number(percent, lang))])
                    );
                } else if let Some(multiplier) = tier.earn_multiplier.filter(|m| *m != Decimal::ONE)
                {
                    text += &format!(" (×{})", number(multiplier, lang));
                }
                text
            })
            .collect();
        sentences.push(format!(
            "{basis}{window}{}{}{}",
            w.colon,
            list.join(", "),
            w.stop
        ));
    }

    for rule in &program.discounts {
        sentences.push(format!(
            "{}{}{}{}",
            name(&rule.name),
            w.colon,
            describe_discount(rule, &namer, &money),
            w.stop
        ));
    }

    if let Some(points) = &program.points {
        // Every way points are earned, as one list: per amount (the base rate unless it is
        // zero, then by category) and per item.
        let earn = &points.earn;
        let mut rates: Vec<String> = Vec::new();
        let mut rate = |template: &[&'static str; 2], values: &[(&str, &str)]| {
            let template = template[usize::from(!rates.is_empty())];
            rates.push(fill(template, values));
        };
        if !earn.points.is_zero() {
            let (p, per) = (number(earn.points, lang), money(earn.per_amount));
            rate(&w.earn_rate, &[("p", &p), ("per", &per), ("scope", "")]);
        }
        for by_category in &earn.categories {
            let p = number(by_category.points, lang);
            let per = money(by_category.per_amount);
            let scope = namer.scope(&by_category.categories, &[]);
            rate(&w.earn_rate, &[("p", &p), ("per", &per), ("scope", &scope)]);
        }
        for per_unit in &earn.per_unit {
            let scope = namer.scope(&per_unit.categories, &per_unit.skus);
            match (&per_unit.points, &per_unit.by_attribute) {
                (_, Some(table)) => {
                    let all: Vec<u64> = table
                        .bands
                        .iter()
                        .map(|band| band.points)
                        .chain(table.values.iter().map(|(_, points)| *points))
                        .collect();
                    let low = number(all.iter().min().copied().unwrap_or(0).into(), lang);
                    let high = number(all.iter().max().copied().unwrap_or(0).into(), lang);
                    let attribute = namer.attribute(&table.attribute);
                    let values = [
                        ("low", low.as_str()),
                        ("high", &high),
                        ("scope", &scope),
                        ("attribute", &attribute),
                    ];
                    rate(&w.earn_unit_by, &values);
                }
                (points, None) => {
                    let p = number(points.unwrap_or(0).into(), lang);
                    rate(&w.earn_unit, &[("p", &p), ("scope", &scope)]);
                }
            }
        }
        if !rates.is_empty() {
            let net = program
                .included_tax
                .as_ref()
                .filter(|tax| tax.earn_on == crate::format::program::TaxBase::Net)
                .map_or("", |_| w.earn_net);
            sentences.push(sentence(format!("{}{}{net}", w.earn, rates.join(", "))));
        }
        if !points.multipliers.is_empty() {
            let list: Vec<String> = points
                .multipliers
                .iter()
                .map(|m| {
                    let mut text = format!("{} ×{}", name(&m.name), number(m.factor, lang));
                    text += &namer.scope(&m.scope.categories, &m.scope.skus);
                    text += &namer.attributes(&m.scope.attributes);
                    text + &describe_conditions(&m.conditions, &namer, &money)
                })
                .collect();
            let added = match points.combine_multipliers {
                crate::format::program::CombineMultipliers::Add => w.multipliers_added,
                crate::format::program::CombineMultipliers::Multiply => "",
            };
            sentences.push(sentence(format!(
                "{}{}{added}",
                w.multipliers,
                list.join("; ")
            )));
        }
        if let Some(employee) = &points.employee_earn {
            sentences.push(sentence(fill(
                w.employee,
                &[
                    ("p", &number(employee.points, lang)),
                    ("per", &money(employee.per_amount)),
                    ("points", points_word(employee.points)),
                ],
            )));
        }
        if !points.value_per_point.is_zero() {
            let mut text = fill(
                w.redeem,
                &[
                    ("max", &number(points.max_redeem_percent, lang)),
                    ("value", &money(points.value_per_point)),
                ],
            );
            if let Some(days) = points.pending_days.filter(|days| *days > 0) {
                text += &fill(w.pending, &[("d", &days.to_string())]);
            }
            if let Some(months) = points.expiry_months {
                text += &fill(
                    w.expire,
                    &[
                        ("m", &months.to_string()),
                        ("months", plural(lang, months, &w.months)),
                    ],
                );
            }
            sentences.push(sentence(text));
        }
    }

    if let Some(cashback) = &program.cashback {
        if !cashback.percent.is_zero() {
            let mut text = fill(w.cashback, &[("p", &number(cashback.percent, lang))]);
            if let Some(cap) = cashback.cap_per_month {
                text += &fill(w.cap, &[("cap", &money(cap))]);
            }
            sentences.push(sentence(text));
        }
    }
    if let Some(tax) = &program.included_tax {
        let mut text = fill(w.tax, &[("p", &number(tax.percent, lang))]);
        for rate in &tax.rates {
            let scope = namer.scope(&rate.categories, &[]);
            text += &fill(
                w.tax_on,
                &[("p", &number(rate.percent, lang)), ("scope", &scope)],
            );
        }
        match tax.delivery {
            DeliveryTax::DefaultRate => {}
            DeliveryTax::Proportional => text += w.tax_delivery[0],
            DeliveryTax::None => text += w.tax_delivery[1],
        }
        sentences.push(sentence(text));
    }
    for event in &program.events {
        if event.points > 0 {
            sentences.push(sentence(fill(
                w.event_points,
                &[
                    ("name", name(&event.name)),
                    ("points", &number(event.points.into(), lang)),
                    ("pts", points_word(event.points.into())),
                ],
            )));
        }
        if let Some(credit) = event.credit {
            let mut text = fill(
                w.event_credit,
                &[("name", name(&event.name)), ("credit", &money(credit))],
            );
            // The monthly cap covers event credit too; say it here when no cashback sentence does.
            let cap = program
                .cashback
                .as_ref()
                .filter(|c| c.percent.is_zero())
                .and_then(|c| c.cap_per_month);
            if let Some(cap) = cap {
                text += &fill(w.cap, &[("cap", &money(cap))]);
            }
            sentences.push(sentence(text));
        }
    }
    if !program.coalition.is_empty() {
        let list: Vec<String> = program
            .coalition
            .iter()
            .map(|p| format!("{} ×{}", name(&p.name), number(p.exchange_rate, lang)))
            .collect();
        sentences.push(sentence(fill(w.coalition, &[("list", &list.join(", "))])));
    }
    if let Some(returns) = program.returns {
        let policy = match returns.broken_minimums {
            BrokenMinimums::Reclaim => w.returns[0],
            BrokenMinimums::Keep => w.returns[1],
        };
        let points = match (program.points.is_some(), returns.redeemed_points) {
            (false, _) => "",
            (true, PointsBack::InProportion) => w.returns[2],
            (true, PointsBack::First) => w.returns[3],
        };
        sentences.push(sentence(format!("{policy}{points}")));
    }
    if let Some(membership) = &program.membership {
        let period = match membership.period {
            Period::Month => w.month,
            Period::Quarter => w.quarter_period,
            Period::Year => w.year,
        };
        sentences.push(sentence(fill(
            w.membership,
            &[
                ("name", name(&membership.name)),
                ("fee", &money(membership.fee)),
                ("period", period),
            ],
        )));
    }
    sentences.join(" ")
}
