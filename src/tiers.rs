//! Qualifying windows, tier placement, progress to the next tier and minimum commitments.

use crate::customer::Customer;
use crate::program::{Period, Program, Qualifier, Upgrade, Window};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

/// The first day counted by `window` for a period ending on `as_of` (inclusive).
pub fn window_start(window: Window, as_of: NaiveDate) -> NaiveDate {
    match window {
        Window::Lifetime => NaiveDate::MIN,
        Window::CalendarYear => period_start(Period::Year, as_of),
        Window::CalendarQuarter => period_start(Period::Quarter, as_of),
        Window::RollingMonths { months } => as_of
            .checked_sub_months(Months::new(months))
            .and_then(|day| day.succ_opt())
            .unwrap_or(NaiveDate::MIN),
    }
}

/// The first day of the calendar month, quarter or year holding `day`.
pub fn period_start(period: Period, day: NaiveDate) -> NaiveDate {
    let month = match period {
        Period::Month => day.month(),
        Period::Quarter => (day.month0() / 3) * 3 + 1,
        Period::Year => 1,
    };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// The first day of the next month, when a monthly recalculation takes effect.
pub fn next_month_start(day: NaiveDate) -> NaiveDate {
    period_start(Period::Month, day)
        .checked_add_months(Months::new(1))
        .unwrap_or(day)
}

/// Qualifying spend between `from` and `to` inclusive. A period total counts when it lies wholly inside.
pub fn spend_between(customer: &Customer, from: NaiveDate, to: NaiveDate) -> Decimal {
    customer
        .spend
        .iter()
        .filter(|record| {
            let (start, end) = record.span();
            start >= from && end <= to
        })
        .map(|record| record.amount)
        .sum()
}

/// What the customer has towards tiers on `as_of`, before the current order.
pub fn qualifying(program: &Program, customer: &Customer, as_of: NaiveDate) -> Decimal {
    let from = window_start(program.tier_rules.window, as_of);
    match program.tier_rules.qualifies_on {
        Qualifier::Spend => spend_between(customer, from, as_of),
        Qualifier::Points => customer
            .points
            .iter()
            .filter(|lot| lot.earned >= from && lot.earned <= as_of)
            .map(|lot| Decimal::from(lot.points))
            .sum(),
    }
}

/// Customers per tier id, from counts by tier index where the last index stands for no tier
/// (`none`); tiers nobody is in are left out.
pub fn counts_by_id(
    program: &Program,
    by_index: &[u64],
) -> std::collections::BTreeMap<String, u64> {
    by_index
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .map(|(index, count)| {
            let id = program.tiers.get(index).map_or("none", |t| t.id.as_str());
            (id.to_string(), *count)
        })
        .collect()
}

/// The highest tier whose threshold `value` reaches.
pub fn tier_for(program: &Program, value: Decimal) -> Option<usize> {
    program
        .tiers
        .iter()
        .rposition(|tier| tier.threshold <= value)
}

/// Where the customer stands before and after one order.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub before: Option<usize>,
    pub after: Option<usize>,
    /// A tier reached by this order that the next monthly recalculation will grant.
    pub pending: Option<(usize, NaiveDate)>,
    pub qualifying_before: Decimal,
    pub qualifying_after: Decimal,
}

/// Where the customer stands before an order on `date`: what qualifies so far, and the tier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub qualifying: Decimal,
    pub tier: Option<usize>,
}

/// The seller's recorded tier wins; without one the tier follows from qualifying amounts.
pub fn standing(program: &Program, customer: &Customer, date: NaiveDate) -> Standing {
    let recorded = customer.tier.as_deref().map(|id| program.tier_index(id));
    standing_at(program, customer, recorded, date)
}

/// The same, with the recorded tier already looked up: `Some(index)` when the customer has one.
pub fn standing_at(
    program: &Program,
    customer: &Customer,
    recorded: Option<Option<usize>>,
    date: NaiveDate,
) -> Standing {
    let qualifying = qualifying(program, customer, date);
    let tier = match recorded {
        Some(index) => index,
        None => tier_for(program, qualifying),
    };
    Standing { qualifying, tier }
}

/// The tier the monthly recalculation gives: a higher earned tier at once; a lower one at once
/// or, when downgrades wait for the yearly review, only if `downgrade_now`.
pub fn reviewed(
    current: Option<usize>,
    earned: Option<usize>,
    downgrade_now: bool,
) -> Option<usize> {
    match (earned, current) {
        (Some(earned), Some(current)) if earned > current => Some(earned),
        (Some(earned), None) => Some(earned),
        (earned, Some(current)) if earned < Some(current) => {
            if downgrade_now {
                earned
            } else {
                Some(current)
            }
        }
        (_, current) => current,
    }
}

/// Whether an order that takes qualifying amounts to tier `reached` moves the customer up from
/// `before` (at once, or at the next monthly recalculation, by the program's rule).
pub fn reaches_higher(before: Option<usize>, reached: Option<usize>) -> bool {
    reached.is_some_and(|reached| before.is_none_or(|before| reached > before))
}

/// Places the customer after the current order on `date`, which adds `contribution`.
pub fn place(
    program: &Program,
    standing: Standing,
    date: NaiveDate,
    contribution: Decimal,
) -> Placement {
    let qualifying_before = standing.qualifying;
    let qualifying_after = qualifying_before + contribution;
    let before = standing.tier;
    let reached = tier_for(program, qualifying_after);
    let (after, pending) = match reached {
        Some(reached) if reaches_higher(before, Some(reached)) => {
            match program.tier_rules.upgrade {
                Upgrade::Immediate => (Some(reached), None),
                Upgrade::Monthly => (before, Some((reached, next_month_start(date)))),
            }
        }
        // A purchase only adds to qualifying amounts; downgrades come with time, not orders.
        _ => (before, None),
    };
    Placement {
        before,
        after,
        pending,
        qualifying_before,
        qualifying_after,
    }
}

/// The share of `target` that `value` reaches, in %, rounded down to one decimal and at most 100.
pub fn percent_of(value: Decimal, target: Decimal) -> Decimal {
    if target <= Decimal::ZERO {
        return Decimal::new(1000, 1);
    }
    let mut share = (value * Decimal::ONE_HUNDRED / target)
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::ToZero)
        .min(Decimal::ONE_HUNDRED);
    share.rescale(1);
    share
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn windows_start_where_expected() {
        let as_of = day("2026-08-15");
        assert_eq!(window_start(Window::CalendarYear, as_of), day("2026-01-01"));
        assert_eq!(
            window_start(Window::CalendarQuarter, as_of),
            day("2026-07-01")
        );
        assert_eq!(
            window_start(Window::RollingMonths { months: 12 }, as_of),
            day("2025-08-16")
        );
        assert_eq!(window_start(Window::Lifetime, as_of), NaiveDate::MIN);
    }

    #[test]
    fn next_month_start_rolls_the_year() {
        assert_eq!(next_month_start(day("2026-12-31")), day("2027-01-01"));
    }

    #[test]
    fn percent_of_is_floored_and_capped() {
        assert_eq!(
            percent_of(Decimal::from(2), Decimal::from(3)).to_string(),
            "66.6"
        );
        assert_eq!(
            percent_of(Decimal::from(5), Decimal::from(3)),
            Decimal::ONE_HUNDRED
        );
    }
}
