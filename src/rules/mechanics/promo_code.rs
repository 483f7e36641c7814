//! Promo codes: a code the shopper types, valid between dates, within its usage limits, above a
//! minimum order, refusing or skipping excluded items; the discount rules that need it apply
//! only when it is accepted. Trace: `accepted`, or `unknown_code`, `not_yet_valid`, `expired`,
//! `usage_limit_reached`, `refused_excluded_items`, `below_minimum_order` with the figures.

use super::limits::{self, limit_reached, Limits};
use crate::error::Result;
use crate::format::program::{self as format, OnExcluded};
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate;
use crate::rules::order::{PromoResult, Sheet};
use crate::rules::values::{at, Amount, Context};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct PromoRule {
    pub code: String,
    pub limits: Option<Limits>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub min_order: Option<Amount>,
    pub exclude_categories: Vec<u32>,
    pub exclude_promotional: bool,
    pub on_excluded: OnExcluded,
}

impl PromoRule {
    /// Whether the code refuses or skips a line.
    pub fn excludes(&self, category: Option<u32>, promotional: bool) -> bool {
        category.is_some_and(|c| self.exclude_categories.contains(&c))
            || (self.exclude_promotional && promotional)
    }
}

/// Compiles the program's `promo_codes`: each code unique, its dates in order, its limits and
/// minimum checked.
pub(crate) fn compile(
    promo_codes: &[format::PromoCode],
    context: &mut Context,
) -> Result<Vec<PromoRule>> {
    validate::unique_ids(promo_codes.iter().map(|p| p.code.as_str()), |i| {
        format!("promo_codes[{i}].code")
    })?;
    let mut compiled_promos = Vec::with_capacity(promo_codes.len());
    for (index, promo) in promo_codes.iter().enumerate() {
        let format::PromoCode {
            code,
            valid_from,
            valid_until,
            min_order,
            exclude_categories,
            exclude_promotional,
            on_excluded,
            // Whether a code may be shared is the seller's business; a quote accepts it.
            reusable: _,
            limits,
        } = promo;
        let path = |field: &str| format!("promo_codes[{index}].{field}");
        at(validate::date_order(*valid_from, *valid_until, ""), &|| {
            path("valid_until")
        })?;
        compiled_promos.push(PromoRule {
            code: code.clone(),
            limits: limits::compile(limits.as_ref(), &context.check, &|| path("limits"))?,
            valid_from: *valid_from,
            valid_until: *valid_until,
            min_order: match min_order {
                Some(min) => Some(context.check.amount(*min, &|| path("min_order"))?),
                None => None,
            },
            exclude_categories: context.categories.all(exclude_categories),
            exclude_promotional: *exclude_promotional,
            on_excluded: *on_excluded,
        });
    }
    Ok(compiled_promos)
}

/// Codes compare without regard to case or surrounding spaces, as shoppers type them.
pub fn same_code(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The cart's promo code: accepted, or refused with the reason, and its trace entry.
#[inline]
pub(crate) fn check(sheet: &Sheet, codes: &[PromoRule]) -> Option<(PromoResult, Option<Entry>)> {
    let given = sheet.order.promo_code?.trim();
    if given.is_empty() {
        return None;
    }
    let tracing = sheet.trace.is_some();
    let Some((promo_index, promo)) = codes
        .iter()
        .enumerate()
        .find(|(_, p)| same_code(&p.code, given))
    else {
        let entry = tracing.then(|| Entry::new(Kind::PromoCode, given, false, Code::UnknownCode));
        return Some((
            PromoResult {
                code: given.to_string(),
                accepted: false,
                reason: Code::UnknownCode,
            },
            entry,
        ));
    };
    let date = sheet.order.date;
    let refused = |code: Code| Entry::new(Kind::PromoCode, &promo.code, false, code);
    let (reason, entry) = if let Some(from) = promo.valid_from.filter(|from| date < *from) {
        let entry = tracing.then(|| refused(Code::NotYetValid).param("valid_from", from));
        (Code::NotYetValid, entry)
    } else if let Some(until) = promo.valid_until.filter(|until| date > *until) {
        let entry = tracing.then(|| refused(Code::Expired).param("valid_until", until));
        (Code::Expired, entry)
    } else if let Some(limit) = promo
        .limits
        .and_then(|limits| limit_reached(&limits, sheet.order.code_used(promo_index)))
    {
        let entry = tracing.then(|| refused(Code::UsageLimitReached).param("limit", limit));
        (Code::UsageLimitReached, entry)
    } else if let Some(line) = sheet.order.lines.iter().find(|line| {
        promo.on_excluded == OnExcluded::Refuse
            && promo.excludes(line.category_id, line.promotional)
    }) {
        let entry = tracing.then(|| refused(Code::RefusedExcludedItems).param("sku", line.sku));
        (Code::RefusedExcludedItems, entry)
    } else {
        let eligible: i128 = sheet
            .order
            .lines
            .iter()
            .zip(&sheet.out.line_subtotals)
            .filter(|(line, _)| !promo.excludes(line.category_id, line.promotional))
            .map(|(_, subtotal)| *subtotal)
            .sum();
        let eligible = sheet.toward_minimums(eligible);
        match promo.min_order {
            Some(min) if eligible < min.minor => {
                let entry = tracing.then(|| {
                    refused(Code::BelowMinimumOrder)
                        .param("min_order", min.text)
                        .param("subtotal", sheet.money(eligible))
                        .param("remaining", sheet.money(min.minor - eligible))
                });
                (Code::BelowMinimumOrder, entry)
            }
            _ => (
                Code::Accepted,
                tracing.then(|| Entry::new(Kind::PromoCode, &promo.code, true, Code::Accepted)),
            ),
        }
    };
    Some((
        PromoResult {
            code: promo.code.clone(),
            accepted: reason == Code::Accepted,
            reason,
        },
        entry,
    ))
}
