//! Percentages and fixed amounts off: a percentage of the lines in scope (or the customer's
//! tier's percentage), rounded once over them and split by what is left of each line; a fixed
//! amount split the same way; a fixed amount off each unit. The same splitting serves every
//! discount that comes to a percentage of its scope (spend steps, quantity breaks over the scope,
//! a lower rate after inactivity) and delivery discounts. Trace: `applied` with the percentage or
//! amount, or `tier_has_no_discount`.

use super::tiers::TierRule;
use crate::format::trace::Code;
use crate::money::exact::Fraction;
use crate::money::Rounding;
use crate::rules::allocation::{allocate_into, apply_share};
use crate::rules::order::{OrderLine, Rate, RuleEntries, Verdict};
use crate::rules::values::{Amount, Percent};

/// A percentage off the lines in scope.
#[inline]
pub(crate) fn percent(percent: &Percent, entries: RuleEntries) -> Verdict {
    let entry = entries.applied(|e| e.param("percent", percent.text));
    Ok((Rate::Share(percent.share), entry))
}

/// A fixed amount off the lines in scope.
#[inline]
pub(crate) fn fixed(amount: &Amount, entries: RuleEntries) -> Verdict {
    let entry = entries.applied(|e| e.param("amount", amount.text));
    Ok((Rate::Fixed(amount.minor), entry))
}

/// A fixed amount off each unit in scope.
#[inline]
pub(crate) fn per_unit(amount: &Amount, entries: RuleEntries) -> Verdict {
    let entry = entries.applied(|e| e.param("amount_per_unit", amount.text));
    Ok((Rate::PerUnit(amount.minor), entry))
}

/// The percentage of the customer's tier, when it has one above zero.
#[inline]
pub(crate) fn tier_percent(tier: Option<&TierRule>, entries: RuleEntries) -> Verdict {
    match tier.and_then(|t| t.discount.filter(|p| !p.share.is_zero()).map(|p| (t, p))) {
        Some((tier, p)) => Ok((
            Rate::Share(p.share),
            entries.applied(|e| e.param("percent", p.text).param("tier", &tier.id)),
        )),
        None => Err(entries.refused(Code::TierHasNoDiscount, |e| {
            e.param("tier", tier.map_or("", |t| t.id.as_str()))
        })),
    }
}

/// A share of what is left of the lines in scope (`weights`), rounded once and split over them.
#[inline]
pub(crate) fn split_share(
    share: Fraction,
    weights: &[i128],
    rounding: Rounding,
    parts: &mut Vec<i128>,
    remainders: &mut Vec<(i128, usize)>,
) {
    let base: i128 = weights.iter().sum();
    // A share of at most 100 % of an amount within the cart's limits cannot overflow.
    let total = apply_share(share, base, rounding).unwrap_or(base).min(base);
    allocate_into(total, weights, parts, remainders);
}

/// A fixed amount, at most what is left, split over the lines in scope.
#[inline]
pub(crate) fn split_fixed(
    amount: i128,
    weights: &[i128],
    parts: &mut Vec<i128>,
    remainders: &mut Vec<(i128, usize)>,
) {
    let base: i128 = weights.iter().sum();
    allocate_into(amount.min(base), weights, parts, remainders);
}

/// A fixed amount off each unit, at most what is left of its line.
#[inline]
pub(crate) fn split_per_unit(
    amount: i128,
    lines: &[OrderLine],
    in_scope: &[usize],
    remaining: &[i128],
    parts: &mut Vec<i128>,
) {
    parts.clear();
    parts.extend(in_scope.iter().map(|&i| {
        amount
            .saturating_mul(i128::from(lines[i].quantity))
            .min(remaining[i])
    }));
}
