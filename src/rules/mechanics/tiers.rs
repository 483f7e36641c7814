//! Tiers and their reviews: thresholds of qualifying spend or points, the tier an order reaches
//! (at once, or at the next monthly recalculation), and what is left to the next. When a
//! qualifying window, a review and a downgrade fall is the calendar's (`periods`, `calendar`);
//! the ledger carries the amounts. Trace: `upgraded`, `upgrade_at_recalculation`, `unchanged`,
//! with the qualifying amount and what remains to the next tier.

use super::commitment::{self, Commitment};
use crate::error::{Error, ErrorCode, Result};
use crate::format::names::LocalizedText;
use crate::format::program::{self as format, Downgrade, Qualifier, Upgrade, Window};
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate;
use crate::money::exact::{compare, decimal_of, Fraction};
use crate::rules::order::{Placement, Sheet};
use crate::rules::values::{at, check_multiplier, Check, Percent};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy)]
pub struct Tiering {
    pub qualifies_on: Qualifier,
    pub window: Window,
    pub upgrade: Upgrade,
    pub downgrade: Downgrade,
    pub review_month: u32,
}

#[derive(Debug, Clone)]
pub struct TierRule {
    pub id: String,
    pub name: LocalizedText,
    /// The qualifying amount (minor units, or points) from which the tier holds, rounded up to a
    /// whole unit, since qualifying amounts are whole.
    pub reach: i128,
    pub threshold: Decimal,
    pub discount: Option<Percent>,
    pub perks: Vec<LocalizedText>,
    pub commitment: Option<Commitment>,
}

impl Tiering {
    /// A qualifying amount as written out: money with the currency's digits, or whole points.
    pub fn qualifying_text(&self, units: u32, qualifying: i128) -> String {
        match self.qualifies_on {
            Qualifier::Spend => decimal_of(qualifying, units).to_string(),
            // Written as a decimal of no places: the module then carries no 128-bit formatting.
            Qualifier::Points => decimal_of(qualifying, 0).to_string(),
        }
    }

    /// What is left to reach `tier` from `qualifying`: money, or points.
    pub fn remaining_to(&self, units: u32, tier: &TierRule, qualifying: i128) -> Decimal {
        match self.qualifies_on {
            Qualifier::Spend => decimal_of((tier.reach - qualifying).max(0), units),
            // A points threshold may have decimals; the remainder keeps them.
            Qualifier::Points => {
                let scale = tier.threshold.scale();
                let held = 10i128
                    .checked_pow(scale)
                    .and_then(|factor| qualifying.checked_mul(factor));
                let left = held.map_or(0, |held| (tier.threshold.mantissa() - held).max(0));
                Decimal::try_from_i128_with_scale(left, scale).unwrap_or_default()
            }
        }
    }
}

/// The highest tier whose threshold `qualifying` reaches.
pub fn tier_for(tiers: &[TierRule], qualifying: i128) -> Option<usize> {
    tiers.iter().rposition(|tier| tier.reach <= qualifying)
}

/// Whether reaching tier `reached` moves the customer up from `before`.
pub fn reaches_higher(before: Option<usize>, reached: Option<usize>) -> bool {
    reached.is_some_and(|reached| before.is_none_or(|before| reached > before))
}

/// The smallest whole number at or above `value` (a threshold counted in whole points).
fn whole_above(value: Decimal) -> i128 {
    let fraction = Fraction::of(value).unwrap_or(Fraction::ZERO);
    let whole = fraction.num / fraction.den + u128::from(fraction.num % fraction.den != 0);
    i128::try_from(whole).unwrap_or(i128::MAX)
}

/// Compiles the program's `tier_rules` and `tiers`: windows and review months in range, ids
/// unique, thresholds increasing, each tier's discount, multiplier and commitment checked.
pub(crate) fn compile(
    tier_rules: &format::TierRules,
    tiers: &[format::Tier],
    check: &Check,
) -> Result<(Tiering, Vec<TierRule>)> {
    let format::TierRules {
        qualifies_on,
        window,
        upgrade,
        downgrade,
        review_month,
    } = *tier_rules;
    if let Window::RollingMonths { months } = window {
        if !(1..=120).contains(&months) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "tier_rules.window.months",
                "a rolling window is 1 to 120 months",
            ));
        }
    }
    if !(1..=12).contains(&review_month) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "tier_rules.review_month",
            "a month is 1 to 12",
        ));
    }
    let tiering = Tiering {
        qualifies_on,
        window,
        upgrade,
        downgrade,
        review_month,
    };
    validate::unique_ids(tiers.iter().map(|t| t.id.as_str()), |i| {
        format!("tiers[{i}].id")
    })?;
    let mut compiled_tiers: Vec<TierRule> = Vec::with_capacity(tiers.len());
    for (index, tier) in tiers.iter().enumerate() {
        let format::Tier {
            id,
            name,
            threshold,
            discount_percent,
            earn_multiplier,
            perks,
            min_commitment,
        } = tier;
        let path = |field: &str| format!("tiers[{index}].{field}");
        let reach = match qualifies_on {
            Qualifier::Spend => check.amount(*threshold, &|| path("threshold"))?.minor,
            Qualifier::Points => {
                at(validate::amount_in_range(*threshold, ""), &|| {
                    path("threshold")
                })?;
                whole_above(*threshold)
            }
        };
        if let Some(previous) = compiled_tiers.last() {
            if compare(*threshold, previous.threshold).is_le() {
                return Err(Error::new(
                    ErrorCode::NotIncreasing,
                    path("threshold"),
                    format!(
                        "{threshold} must be above the previous tier's threshold, {}",
                        previous.threshold
                    ),
                ));
            }
        }
        let discount = match discount_percent {
            Some(p) => Some(check.percent(*p, &|| path("discount_percent"))?),
            None => None,
        };
        if let Some(multiplier) = earn_multiplier {
            // Compiled into the earning rates below.
            check_multiplier(*multiplier, &path("earn_multiplier"))?;
        }
        let commitment = commitment::compile(min_commitment.as_ref(), check, &|| {
            path("min_commitment.amount")
        })?;
        compiled_tiers.push(TierRule {
            id: id.clone(),
            name: name.clone(),
            reach,
            threshold: *threshold,
            discount,
            perks: perks.clone(),
            commitment,
        });
    }
    Ok((tiering, compiled_tiers))
}

/// Where the order leaves the customer among the tiers: the tier it reaches, at once or at the
/// next monthly recalculation; `None` on a program without tiers, else the tier after.
#[inline]
pub(crate) fn place(
    sheet: &mut Sheet,
    tiering: &Tiering,
    tiers: &[TierRule],
    contribution: i128,
) -> Option<Option<usize>> {
    if tiers.is_empty() {
        sheet.out.placement = None;
        return None;
    }
    let date = sheet.order.date;
    let before = sheet.standing.tier;
    let qualifying_before = sheet.standing.qualifying;
    let qualifying_after = qualifying_before + contribution;
    let reached = tier_for(tiers, qualifying_after);
    let (after, pending) = match reached {
        Some(reached) if reaches_higher(before, Some(reached)) => match tiering.upgrade {
            Upgrade::Immediate => (Some(reached), None),
            Upgrade::Monthly => (
                before,
                Some((reached, crate::rules::periods::next_month_start(date))),
            ),
        },
        // A purchase only adds to qualifying amounts; downgrades come with time, not orders.
        _ => (before, None),
    };
    let placement = Placement {
        before,
        after,
        pending,
        qualifying_before,
        qualifying_after,
    };
    sheet.out.placement = Some(placement);
    sheet.note(|s| tier_entry(s, tiering, tiers, &placement));
    Some(after)
}

fn tier_entry(
    sheet: &Sheet,
    tiering: &Tiering,
    tiers: &[TierRule],
    placement: &Placement,
) -> Entry {
    let id = |index: Option<usize>| index.map_or("", |t| tiers[t].id.as_str());
    let code = match (placement.before, placement.after, placement.pending) {
        (_, _, Some(_)) => Code::UpgradeAtRecalculation,
        (before, after, None) if after > before => Code::Upgraded,
        _ => Code::Unchanged,
    };
    let mut entry = Entry::new(
        Kind::Tier,
        id(placement.after),
        code != Code::Unchanged,
        code,
    )
    .param(
        "qualifying",
        tiering.qualifying_text(sheet.units, placement.qualifying_after),
    )
    .param("before", id(placement.before));
    if let Some(next) = tiers.get(placement.after.map_or(0, |t| t + 1)) {
        entry = entry.param("next", &next.id).param(
            "remaining",
            tiering.remaining_to(sheet.units, next, placement.qualifying_after),
        );
    }
    entry
}
