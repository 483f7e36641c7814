//! The dates the ledger asks about, worked out once per day instead of once per customer: where
//! a day's tier window and periods begin, when points earned on it expire, and what each month's
//! first day brings (the review, the expiry, spend too old to count). A forecast of a million
//! customers shares one calendar.

use super::compiled::Rules;
use crate::error::Result;
use crate::format::program::{Downgrade, Period, Window};
use crate::rules::periods::{period_start, window_start};
use chrono::{Datelike, Days, Months, NaiveDate};

/// Where `period` is in [`Day::PERIODS`].
fn index(period: Period) -> usize {
    match period {
        Period::Month => 0,
        Period::Quarter => 1,
        Period::Year => 2,
    }
}

/// A day as the ledger reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    /// The first day of the tier window that holds the day.
    pub window_from: NaiveDate,
    /// The first days of its month, quarter and year, in [`Day::PERIODS`]' order.
    pub periods: [NaiveDate; 3],
    /// When points earned on the day can first be spent, after the pending days.
    pub available: NaiveDate,
    /// When points earned on the day stop counting (`NaiveDate::MAX`: never).
    pub expires: NaiveDate,
}

impl Day {
    pub const PERIODS: [Period; 3] = [Period::Month, Period::Quarter, Period::Year];

    pub fn of(rules: &Rules, date: NaiveDate) -> Day {
        Day {
            date,
            window_from: window_start(rules.tiering.window, date),
            periods: Day::PERIODS.map(|period| period_start(period, date)),
            available: available_from(rules, date),
            expires: expiry_of(rules, date, None),
        }
    }

    pub fn period_start(&self, period: Period) -> NaiveDate {
        self.periods[index(period)]
    }
}

/// A month's first day: the month before it closes, and the tiers are reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthStart {
    pub date: NaiveDate,
    /// The day before, whose figures the review reads.
    pub last: Day,
    /// Whether a lower tier earned takes effect now (at once, or this is the review month).
    pub downgrade_now: bool,
    /// Whether a month, quarter and year begin on it, in [`Day::PERIODS`]' order.
    pub begins: [bool; 3],
    /// Spend on days before this counts in no window still to come, except a lifetime one.
    pub fold_before: NaiveDate,
}

impl MonthStart {
    /// `date` is a month's first day.
    pub fn of(rules: &Rules, date: NaiveDate) -> MonthStart {
        let last = Day::of(rules, date.pred_opt().unwrap_or(date));
        let year = last.period_start(Period::Year);
        MonthStart {
            date,
            last,
            downgrade_now: rules.tiering.downgrade == Downgrade::Immediate
                || date.month() == rules.tiering.review_month,
            // `date` is a month's first day: a quarter's too every third month, a year's in January.
            begins: [true, date.month0() % 3 == 0, date.month0() == 0],
            fold_before: match rules.tiering.window {
                Window::Lifetime => year,
                _ => last.window_from.min(year),
            },
        }
    }

    /// Whether a `period` begins on this day.
    pub fn begins(&self, period: Period) -> bool {
        self.begins[index(period)]
    }
}

/// The months of a projection or a forecast: the first day of each, and of the month after the
/// last.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub starts: Vec<MonthStart>,
}

impl Calendar {
    /// `months` months from `first`, a month's first day.
    pub fn new(rules: &Rules, first: NaiveDate, months: u32) -> Result<Calendar> {
        let mut starts = Vec::with_capacity(months as usize + 1);
        let mut date = first;
        for _ in 0..months {
            starts.push(MonthStart::of(rules, date));
            date = date
                .checked_add_days(Days::new(u64::from(days_in_month(date))))
                .ok_or_else(|| crate::format::validate::overflow("months"))?;
        }
        starts.push(MonthStart::of(rules, date));
        Ok(Calendar { starts })
    }
}

/// How many days the month of `date` has.
fn days_in_month(date: NaiveDate) -> u32 {
    match date.month() {
        2 if date.leap_year() => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day points earned on `earned` can first be spent.
pub fn available_from(rules: &Rules, earned: NaiveDate) -> NaiveDate {
    let days = rules.points.as_ref().map_or(0, |p| p.pending_days);
    earned
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The day a lot earned on `earned` stops counting under the program's expiry.
pub fn expiry_of(rules: &Rules, earned: NaiveDate, explicit: Option<NaiveDate>) -> NaiveDate {
    explicit
        .or_else(|| {
            let months = rules.points.as_ref()?.expiry_months?;
            earned.checked_add_months(Months::new(months))
        })
        .unwrap_or(NaiveDate::MAX)
}
