//! Points: earning by rate and category, redemption within the cap, and expiry of lots.

use crate::cart::Line;
use crate::customer::PointLot;
use crate::error::Result;
use crate::money::{checked_mul, floor_div, Money};
use crate::program::{EarnPer, EarnRule, Granularity, Points};
use crate::validate::overflow;
use chrono::{Months, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The day a lot stops counting; points are spendable up to the day before.
pub fn expiry(lot: &PointLot, rules: &Points) -> Option<NaiveDate> {
    lot.expires.or_else(|| {
        rules
            .expiry_months
            .and_then(|months| lot.earned.checked_add_months(Months::new(months)))
    })
}

/// Points spendable on `on`: lots already earned and not yet expired.
pub fn balance(lots: &[PointLot], rules: &Points, on: NaiveDate) -> u64 {
    lots.iter()
        .filter(|lot| lot.earned <= on && expiry(lot, rules).is_none_or(|end| on < end))
        .map(|lot| lot.points)
        .sum()
}

/// The lots left after spending `points` on `on`: unexpired lots, oldest first, are used up first.
pub fn spend_oldest_first(
    lots: &[PointLot],
    rules: &Points,
    on: NaiveDate,
    points: u64,
) -> Vec<PointLot> {
    let mut usable: Vec<PointLot> = lots
        .iter()
        .filter(|lot| lot.earned <= on && expiry(lot, rules).is_none_or(|end| on < end))
        .cloned()
        .collect();
    usable.sort_by_key(|lot| (expiry(lot, rules).unwrap_or(NaiveDate::MAX), lot.earned));
    let mut left = points;
    for lot in &mut usable {
        let taken = lot.points.min(left);
        lot.points -= taken;
        left -= taken;
    }
    usable.retain(|lot| lot.points > 0);
    usable
}

/// The earliest expiry still ahead of `on`, with the points it takes.
pub fn next_expiry(lots: &[PointLot], rules: &Points, on: NaiveDate) -> Option<(NaiveDate, u64)> {
    let next = lots
        .iter()
        .filter(|lot| lot.earned <= on && lot.points > 0)
        .filter_map(|lot| expiry(lot, rules))
        .filter(|end| on < *end)
        .min()?;
    let points = lots
        .iter()
        .filter(|lot| lot.earned <= on && expiry(lot, rules) == Some(next))
        .map(|lot| lot.points)
        .sum();
    Some((next, points))
}

/// One earning rate applied to a group of lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Earned {
    /// The category list of the rate, or empty for the program's base rate.
    pub categories: Vec<String>,
    pub base: Decimal,
    pub points: u64,
}

/// The points a rule earns on line amounts `bases`, times `multiplier`.
pub fn earn(
    rule: &EarnRule,
    lines: &[Line],
    bases: &[Decimal],
    multiplier: Decimal,
) -> Result<(Vec<Earned>, u64)> {
    // Rate 0 is the base rate, rate i + 1 is `rule.categories[i]`.
    let rate_of = |line: &Line| {
        rule.categories
            .iter()
            .position(|rate| rate.categories.iter().any(|c| c == &line.category))
            .map_or(0, |i| i + 1)
    };
    let rate = |index: usize| match index {
        0 => (rule.points, rule.per_amount),
        i => (
            rule.categories[i - 1].points,
            rule.categories[i - 1].per_amount,
        ),
    };
    let mut groups = vec![(Decimal::ZERO, 0u64); rule.categories.len() + 1];
    for (line, base) in lines.iter().zip(bases) {
        let index = rate_of(line);
        let (points, per_amount) = rate(index);
        groups[index].0 += *base;
        if rule.per == EarnPer::Line {
            let earned = points_for(*base, points, per_amount, rule.granularity, multiplier)?;
            groups[index].1 = groups[index]
                .1
                .checked_add(earned)
                .ok_or_else(|| overflow("cart.lines"))?;
        }
    }
    let mut earned = Vec::new();
    let mut total: u64 = 0;
    for (index, (base, line_points)) in groups.into_iter().enumerate() {
        let (points, per_amount) = rate(index);
        let points = match rule.per {
            EarnPer::Line => line_points,
            EarnPer::Order => points_for(base, points, per_amount, rule.granularity, multiplier)?,
        };
        if base.is_zero() && points == 0 {
            continue;
        }
        total = total
            .checked_add(points)
            .ok_or_else(|| overflow("cart.lines"))?;
        let categories = if index == 0 {
            Vec::new()
        } else {
            rule.categories[index - 1].categories.clone()
        };
        earned.push(Earned {
            categories,
            base,
            points,
        });
    }
    for unit_rate in &rule.per_unit {
        let units: u64 = lines
            .iter()
            .filter(|line| {
                unit_rate.categories.contains(&line.category) || unit_rate.skus.contains(&line.sku)
            })
            .map(|line| u64::from(line.quantity))
            .sum();
        let points = units
            .checked_mul(unit_rate.points)
            .ok_or_else(|| overflow("cart.lines"))?;
        total = total
            .checked_add(points)
            .ok_or_else(|| overflow("cart.lines"))?;
    }
    Ok((earned, total))
}

/// Whole points for `base` at `points` per `per_amount`, rounded down.
fn points_for(
    base: Decimal,
    points: Decimal,
    per_amount: Decimal,
    granularity: Granularity,
    multiplier: Decimal,
) -> Result<u64> {
    // Multiplied before dividing, and divided exactly, so that no rounded quotient loses a point.
    let earned = match granularity {
        Granularity::FullUnits => floor_div(base, per_amount)
            .and_then(|units| checked_mul(units, points))
            .and_then(|value| checked_mul(value, multiplier))
            .map(|value| value.floor()),
        Granularity::Proportional => checked_mul(base, points)
            .and_then(|value| checked_mul(value, multiplier))
            .and_then(|value| floor_div(value, per_amount)),
    };
    earned
        .and_then(|value| value.to_u64())
        .ok_or_else(|| overflow("cart.lines"))
}

/// How many points an order may use, and what they pay.
#[derive(Debug, Clone, PartialEq)]
pub struct Redemption {
    pub requested: u64,
    pub redeemed: u64,
    /// The most points this order accepts: the share cap and the balance, whichever is lower.
    pub cap: u64,
    /// The money cap from `max_redeem_percent`.
    pub cap_amount: Decimal,
    pub value: Decimal,
    /// Why fewer points than requested were used, if so.
    pub limited_by: Option<&'static str>,
}

pub fn redeem(
    rules: &Points,
    money: &Money,
    requested: u64,
    balance: u64,
    payable: Decimal,
) -> Redemption {
    let cap_amount = money.floor(payable * rules.max_redeem_percent / Decimal::ONE_HUNDRED);
    let cap_by_share = if rules.value_per_point.is_zero() {
        0
    } else {
        floor_div(cap_amount, rules.value_per_point)
            .and_then(|points| points.to_u64())
            .unwrap_or(0)
    };
    let cap = cap_by_share.min(balance);
    let (redeemed, limited_by) = if requested == 0 {
        (0, None)
    } else if requested < rules.min_redeem || cap < rules.min_redeem {
        (0, Some("below_minimum"))
    } else if requested > cap_by_share && cap_by_share <= balance {
        (cap, Some("share_cap"))
    } else if requested > balance {
        (cap, Some("balance"))
    } else {
        (requested, None)
    };
    let value = money.floor(Decimal::from(redeemed) * rules.value_per_point);
    Redemption {
        requested,
        redeemed,
        cap,
        cap_amount,
        value,
        limited_by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Rounding;
    use crate::program::{CategoryRate, EarnBase};

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn line(category: &str, price: &str) -> Line {
        Line {
            sku: category.into(),
            category: category.into(),
            unit_price: d(price),
            quantity: 1,
            unit_cost: None,
            promotional: false,
        }
    }

    fn fuel_rule(granularity: Granularity, per: EarnPer) -> EarnRule {
        EarnRule {
            points: d("1"),
            per_amount: d("10"),
            categories: vec![CategoryRate {
                categories: vec!["shop".into()],
                points: d("3"),
                per_amount: d("10"),
            }],
            per_unit: vec![],
            granularity,
            per,
            base: EarnBase::AfterDiscounts,
            apply_tier_multiplier: true,
        }
    }

    #[test]
    fn full_units_per_order_sums_lines_at_the_same_rate_first() {
        let lines = [
            line("fuel", "19.99"),
            line("fuel", "0.02"),
            line("shop", "25"),
        ];
        let bases: Vec<_> = lines.iter().map(|l| l.unit_price).collect();
        let (groups, total) = earn(
            &fuel_rule(Granularity::FullUnits, EarnPer::Order),
            &lines,
            &bases,
            Decimal::ONE,
        )
        .unwrap();
        // fuel 20.01 → 2 full tens → 2 points; shop 25 → 2 full tens × 3 = 6 points.
        assert_eq!(total, 8);
        assert_eq!(groups.len(), 2);
        let (_, per_line) = earn(
            &fuel_rule(Granularity::FullUnits, EarnPer::Line),
            &lines,
            &bases,
            Decimal::ONE,
        )
        .unwrap();
        // per line: 1 + 0 + 6.
        assert_eq!(per_line, 7);
    }

    #[test]
    fn spending_uses_the_lots_that_expire_first() {
        let rules = Points {
            earn: fuel_rule(Granularity::Proportional, EarnPer::Order),
            employee_earn: None,
            value_per_point: d("1"),
            max_redeem_percent: d("100"),
            min_redeem: 0,
            expiry_months: Some(12),
        };
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let lots = [
            PointLot {
                points: 300,
                earned: day("2026-05-01"),
                expires: None,
            },
            PointLot {
                points: 200,
                earned: day("2026-02-01"),
                expires: None,
            },
            PointLot {
                points: 999,
                earned: day("2025-01-01"),
                expires: None,
            },
        ];
        let left = spend_oldest_first(&lots, &rules, day("2026-11-22"), 250);
        // The 2025 lot has expired; the February lot goes first, then 50 of May's.
        assert_eq!(
            left,
            vec![PointLot {
                points: 250,
                earned: day("2026-05-01"),
                expires: None
            }]
        );
    }

    #[test]
    fn redemption_is_clamped_by_share_then_balance() {
        let rules = Points {
            earn: fuel_rule(Granularity::Proportional, EarnPer::Order),
            employee_earn: None,
            value_per_point: d("1"),
            max_redeem_percent: d("20"),
            min_redeem: 100,
            expiry_months: None,
        };
        let money = Money {
            minor_units: 2,
            rounding: Rounding::HalfUp,
        };
        let r = redeem(&rules, &money, 5000, 10_000, d("1000.00"));
        assert_eq!(
            (r.redeemed, r.cap, r.limited_by),
            (200, 200, Some("share_cap"))
        );
        let r = redeem(&rules, &money, 5000, 150, d("1000.00"));
        assert_eq!((r.redeemed, r.limited_by), (150, Some("balance")));
        let r = redeem(&rules, &money, 50, 10_000, d("1000.00"));
        assert_eq!((r.redeemed, r.limited_by), (0, Some("below_minimum")));
        assert_eq!(r.value.to_string(), "0.00");
    }
}
