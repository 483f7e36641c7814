//! Conditions on the day and the customer, shared by discount rules and points multipliers:
//! campaigns (valid dates, days of the week), birthdays (a window either side), first purchase,
//! tiers, members only, a minimum subtotal and a promo code. Trace: `not_yet_valid`, `expired`,
//! `not_on_this_day`, `outside_birthday_window`, `needs_first_purchase`, `first_purchase_only`,
//! `tier_not_eligible`, `members_only`, with their figures; a campaign's applied entry names its
//! days or its birthday window.

use crate::error::{Error, ErrorCode, Result};
use crate::format::json::listed;
use crate::format::program as format;
use crate::format::trace::{Code, Entry};
use crate::format::validate;
use crate::rules::order::Standing;
use crate::rules::values::{at, Amount, Context};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone)]
pub struct Conditions {
    pub min_subtotal: Option<Amount>,
    pub first_purchase_made: Option<bool>,
    /// Tier indexes; empty means any customer.
    pub tiers: Vec<usize>,
    /// The same ids, joined for the trace.
    pub tiers_text: String,
    /// An index into `Rules::promo_codes`.
    pub promo_code: Option<usize>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub members_only: bool,
    /// Days of the week the rule applies on, Monday first; all false: every day.
    pub days_of_week: [bool; 7],
    /// The days written as the program gives them, for the trace.
    pub days_text: String,
    pub birthday_window_days: Option<u32>,
}

/// Days of the week as programs write them, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A rule's conditions, with tiers and codes as indexes.
pub(crate) fn compile(
    conditions: &format::Conditions,
    context: &Context,
    path: &dyn Fn(&str) -> String,
) -> Result<Conditions> {
    let program = context.program;
    let format::Conditions {
        min_subtotal,
        first_purchase_made,
        tiers: tier_ids,
        promo_code,
        valid_from,
        valid_until,
        members_only,
        days_of_week,
        birthday_window_days,
    } = conditions;
    let mut days = [false; 7];
    for (at, day) in days_of_week.iter().enumerate() {
        let Some(index) = WEEKDAYS.iter().position(|known| known == day) else {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                path(&format!("days_of_week[{at}]")),
                format!("\"{day}\" is not one of {}", listed(&WEEKDAYS)),
            ));
        };
        days[index] = true;
    }
    if birthday_window_days.is_some_and(|window| window > 31) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path("birthday_window_days"),
            "a birthday window is 0 to 31 days either side",
        ));
    }
    let min_subtotal = match min_subtotal {
        Some(min) => Some(context.check.amount(*min, &|| path("min_subtotal"))?),
        None => None,
    };
    let mut tier_indexes = Vec::with_capacity(tier_ids.len());
    for (tier_index, tier) in tier_ids.iter().enumerate() {
        match program.tiers.iter().position(|t| &t.id == tier) {
            Some(at) => tier_indexes.push(at),
            None => {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    path(&format!("tiers[{tier_index}]")),
                    format!("no tier has the id \"{tier}\""),
                ))
            }
        }
    }
    let promo_index = match promo_code {
        Some(code) => match program.promo_codes.iter().position(|p| &p.code == code) {
            Some(at) => Some(at),
            None => {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    path("promo_code"),
                    format!("no promo code \"{code}\" is defined in promo_codes"),
                ))
            }
        },
        None => None,
    };
    if *members_only && program.membership.is_none() {
        return Err(Error::new(
            ErrorCode::UnknownReference,
            path("members_only"),
            "the program has no membership",
        ));
    }
    at(validate::date_order(*valid_from, *valid_until, ""), &|| {
        path("valid_until")
    })?;
    Ok(Conditions {
        min_subtotal,
        first_purchase_made: *first_purchase_made,
        tiers: tier_indexes,
        tiers_text: listed(tier_ids),
        promo_code: promo_index,
        valid_from: *valid_from,
        valid_until: *valid_until,
        members_only: *members_only,
        days_of_week: days,
        days_text: listed(days_of_week),
        birthday_window_days: *birthday_window_days,
    })
}

/// Days between `date` and the nearest anniversary of `birth` (29 February: the 28th in other
/// years).
fn days_from_birthday(birth: NaiveDate, date: NaiveDate) -> u32 {
    (date.year() - 1..=date.year() + 1)
        .filter_map(|year| {
            NaiveDate::from_ymd_opt(year, birth.month(), birth.day())
                .or_else(|| NaiveDate::from_ymd_opt(year, birth.month(), birth.day() - 1))
        })
        .map(|anniversary| (date - anniversary).num_days().unsigned_abs())
        .min()
        .and_then(|days| u32::try_from(days).ok())
        .unwrap_or(u32::MAX)
}

/// A campaign's entry says which it is: its days, or the customer's birthday.
#[inline]
pub(crate) fn campaign(conditions: &Conditions, entry: Entry) -> Entry {
    if conditions.days_of_week.iter().any(|day| *day) {
        entry.param("days", &conditions.days_text)
    } else if let Some(window) = conditions.birthday_window_days {
        entry.param("birthday_window", window)
    } else {
        entry
    }
}

/// Whether conditions hold on some days and not others: dates, days of the week, birthdays.
pub(crate) fn is_dated(conditions: &Conditions) -> bool {
    conditions.valid_from.is_some()
        || conditions.valid_until.is_some()
        || conditions.days_of_week.iter().any(|day| *day)
        || conditions.birthday_window_days.is_some()
}

impl Conditions {
    /// The first condition on the day or the customer that the order does not meet.
    #[inline]
    pub(crate) fn unmet(&self, standing: &Standing, date: NaiveDate) -> Option<Code> {
        let conditions = self;
        let on_days = conditions.days_of_week.iter().any(|day| *day);
        if conditions.valid_from.is_some_and(|from| date < from) {
            Some(Code::NotYetValid)
        } else if conditions.valid_until.is_some_and(|until| date > until) {
            Some(Code::Expired)
        } else if on_days
            && !conditions.days_of_week[date.weekday().num_days_from_monday() as usize]
        {
            Some(Code::NotOnThisDay)
        } else if conditions.birthday_window_days.is_some_and(|window| {
            standing
                .birth_date
                .is_none_or(|birth| days_from_birthday(birth, date) > window)
        }) {
            Some(Code::OutsideBirthdayWindow)
        } else if let Some(required) = conditions
            .first_purchase_made
            .filter(|required| *required != standing.first_purchase_made)
        {
            Some(if required {
                Code::NeedsFirstPurchase
            } else {
                Code::FirstPurchaseOnly
            })
        } else if !conditions.tiers.is_empty()
            && !standing.tier.is_some_and(|t| conditions.tiers.contains(&t))
        {
            Some(Code::TierNotEligible)
        } else if conditions.members_only && !standing.member {
            Some(Code::MembersOnly)
        } else {
            None
        }
    }

    /// An unmet condition's entry with the figures that explain it; `tier`: the customer's tier
    /// id, or empty.
    pub(crate) fn unmet_entry(&self, entry: Entry, tier: &str) -> Entry {
        let conditions = self;
        match entry.code {
            Code::NotYetValid => {
                entry.param("valid_from", conditions.valid_from.unwrap_or_default())
            }
            Code::Expired => entry.param("valid_until", conditions.valid_until.unwrap_or_default()),
            Code::NotOnThisDay => entry.param("days", &conditions.days_text),
            Code::OutsideBirthdayWindow => {
                entry.param("window", conditions.birthday_window_days.unwrap_or(0))
            }
            Code::TierNotEligible => entry
                .param("tiers", &conditions.tiers_text)
                .param("tier", tier),
            _ => entry,
        }
    }
}
