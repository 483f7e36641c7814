//! The calendar of tiers: where qualifying windows and periods start, and when a monthly
//! recalculation takes effect.

use crate::format::program::{Period, Program, Window};
use chrono::{Datelike, Months, NaiveDate};

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
    // Moving within the date is cheaper than building one from year, month and day.
    let start = match period {
        Period::Month => day.with_day(1),
        Period::Quarter => NaiveDate::from_ymd_opt(day.year(), (day.month0() / 3) * 3 + 1, 1),
        Period::Year => day.with_ordinal(1),
    };
    start.unwrap_or(day)
}

/// The first day of the next month, when a monthly recalculation takes effect.
pub fn next_month_start(day: NaiveDate) -> NaiveDate {
    period_start(Period::Month, day)
        .checked_add_months(Months::new(1))
        .unwrap_or(day)
}

/// `YYYY-MM`, as months are named in projections and reports (years 0 to 9999).
pub fn month_name(day: NaiveDate) -> String {
    let (year, month) = (day.year().clamp(0, 9999) as u32, day.month());
    let digits = [
        year / 1000,
        year / 100 % 10,
        year / 10 % 10,
        year % 10,
        10, // the dash
        month / 10,
        month % 10,
    ];
    digits
        .iter()
        .map(|&d| {
            if d == 10 {
                '-'
            } else {
                char::from(b'0' + d as u8)
            }
        })
        .collect()
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
    fn months_are_named_yyyy_mm() {
        assert_eq!(month_name(day("2026-08-15")), "2026-08");
        assert_eq!(month_name(day("0999-12-01")), "0999-12");
    }

    #[test]
    fn next_month_start_rolls_the_year() {
        assert_eq!(next_month_start(day("2026-12-31")), day("2027-01-01"));
    }
}
