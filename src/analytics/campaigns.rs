//! The campaigns a customer can look forward to: discount rules and points multipliers limited to
//! dates, days of the week or the customer's birthday, that hold on some day of a period.

use crate::format::program::{Conditions, DiscountValue, Program};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Campaign {
    /// `discount` or `multiplier`: where `id` is found (and its name, in the names view).
    pub kind: &'static str,
    pub id: String,
    /// A multiplier's factor of the points earned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiplier: Option<Decimal>,
    /// A discount's percentage off, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// `mon` … `sun`; empty: every day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthday_window_days: Option<u32>,
}

/// The program's campaigns that hold on some day from `first` to `last`, in the program's order:
/// discounts, then multipliers.
pub fn upcoming(program: &Program, first: NaiveDate, last: NaiveDate) -> Vec<Campaign> {
    let discounts = program.discounts.iter().map(|rule| {
        let percent = match rule.value {
            DiscountValue::Percent { percent } => Some(percent),
            _ => None,
        };
        ("discount", &rule.id, (None, percent), &rule.conditions)
    });
    let multipliers = program.points.iter().flat_map(|points| {
        points
            .multipliers
            .iter()
            .map(|m| ("multiplier", &m.id, (Some(m.factor), None), &m.conditions))
    });
    discounts
        .chain(multipliers)
        .filter(|(_, _, _, conditions)| is_campaign(conditions))
        .filter(|(_, _, _, c)| {
            c.valid_from.is_none_or(|from| from <= last)
                && c.valid_until.is_none_or(|until| until >= first)
        })
        .map(|(kind, id, (multiplier, percent), c)| Campaign {
            kind,
            id: id.clone(),
            multiplier: multiplier.map(crate::money::exact::normalized),
            percent: percent.map(crate::money::exact::normalized),
            from: c.valid_from,
            until: c.valid_until,
            days: c.days_of_week.clone(),
            birthday_window_days: c.birthday_window_days,
        })
        .collect()
}

/// A rule limited in time: by dates, days of the week or the birthday.
fn is_campaign(conditions: &Conditions) -> bool {
    conditions.valid_from.is_some()
        || conditions.valid_until.is_some()
        || !conditions.days_of_week.is_empty()
        || conditions.birthday_window_days.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn campaigns_are_those_that_hold_on_some_day_of_the_period() {
        let program: Program = crate::from_json(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/programs/skyline-miles.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let summer = upcoming(&program, day("2026-05-01"), day("2026-06-01"));
        assert_eq!(summer.len(), 1);
        assert_eq!(summer[0].id, "summer");
        assert_eq!(summer[0].multiplier, Some(Decimal::new(15, 1)));
        assert!(upcoming(&program, day("2026-09-01"), day("2027-05-31")).is_empty());
        assert!(upcoming(&program, day("2026-01-01"), day("2026-05-31")).is_empty());
    }
}
