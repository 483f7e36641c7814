//! Points multipliers: a program's multipliers (a category, a campaign, a day, a promo code…)
//! that raise what lines earn, multiplied or their bonuses added, and the status multipliers of a
//! tier and a membership. Trace: `multiplied`, or why a multiplier does not apply.

use super::conditions::{self, campaign, Conditions};
use super::promo_code::{same_code, PromoRule};
use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate;
use crate::rules::order::Sheet;
use crate::rules::values::{
    check_multiplier, compile_scope, too_precise, Context, Multiplier, Scope,
};

#[derive(Debug, Clone)]
pub struct EarnMultiplier {
    pub id: String,
    pub factor: Multiplier,
    pub scope: Scope,
    pub conditions: Conditions,
}

/// The most multipliers a program may give: an order's set of them is a 64-bit mask.
pub const MAX_MULTIPLIERS: usize = 64;

/// Compiles the program's `points.multipliers`.
pub(crate) fn compile(
    multipliers: &[format::EarnMultiplier],
    context: &mut Context,
) -> Result<Vec<EarnMultiplier>> {
    if multipliers.len() > MAX_MULTIPLIERS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "points.multipliers",
            format!("a program gives at most {MAX_MULTIPLIERS} multipliers"),
        ));
    }
    validate::unique_ids(multipliers.iter().map(|m| m.id.as_str()), |i| {
        format!("points.multipliers[{i}].id")
    })?;
    // The trace names rules and multipliers by id alone.
    if let Some(at) = multipliers
        .iter()
        .position(|m| context.program.discounts.iter().any(|d| d.id == m.id))
    {
        return Err(Error::new(
            ErrorCode::DuplicateId,
            format!("points.multipliers[{at}].id"),
            format!("\"{}\" is already a discount's id", multipliers[at].id),
        ));
    }
    let mut compiled = Vec::with_capacity(multipliers.len());
    for (index, multiplier) in multipliers.iter().enumerate() {
        let format::EarnMultiplier {
            id,
            name: _, // checked by `names::check_names`
            factor,
            scope,
            conditions,
        } = multiplier;
        let path = |field: &str| format!("points.multipliers[{index}].{field}");
        check_multiplier(*factor, &path("factor"))?;
        compiled.push(EarnMultiplier {
            id: id.clone(),
            factor: Multiplier::of(*factor).ok_or_else(|| too_precise(&path("factor")))?,
            scope: compile_scope(scope, context, &|| path("scope"))?,
            conditions: conditions::compile(conditions, context, &|field| {
                path(&format!("conditions.{field}"))
            })?,
        });
    }
    Ok(compiled)
}

/// The program's multipliers whose conditions the order meets, as a mask; with the trace,
/// an entry for each saying whether it applies, or why not.
pub(crate) fn applying(
    sheet: &mut Sheet,
    multipliers: &[EarnMultiplier],
    promo_codes: &[PromoRule],
    tier_id: &str,
) -> u64 {
    let mut applying = 0u64;
    for (at, multiplier) in multipliers.iter().enumerate() {
        let conditions = &multiplier.conditions;
        let promo_accepted = |code: usize| {
            sheet.out.promo.as_ref().is_some_and(|promo| {
                promo.accepted && same_code(&promo.code, &promo_codes[code].code)
            })
        };
        let refusal = conditions
            .unmet(sheet.standing, sheet.order.date)
            .or_else(|| {
                if conditions
                    .min_subtotal
                    .is_some_and(|min| sheet.toward_minimums(sheet.out.subtotal) < min.minor)
                {
                    Some(Code::BelowMinSubtotal)
                } else if conditions
                    .promo_code
                    .is_some_and(|code| !promo_accepted(code))
                {
                    Some(Code::PromoCodeMissing)
                } else if !sheet
                    .order
                    .lines
                    .iter()
                    .any(|line| line.in_scope(&multiplier.scope))
                {
                    Some(Code::NoLinesInScope)
                } else {
                    None
                }
            });
        let entry = |applied: bool, code: Code| {
            Entry::new(Kind::Multiplier, &multiplier.id, applied, code)
                .param("multiplier", multiplier.factor.text)
        };
        match refusal {
            Some(code) => sheet.note(|s| {
                let entry = conditions.unmet_entry(entry(false, code), tier_id);
                match conditions.min_subtotal {
                    Some(min) if code == Code::BelowMinSubtotal => {
                        entry.param("min_subtotal", min.text).param(
                            "remaining",
                            s.money(min.minor - s.toward_minimums(s.out.subtotal)),
                        )
                    }
                    _ => entry,
                }
            }),
            None => {
                applying |= 1 << at;
                sheet.note(|_| campaign(conditions, entry(true, Code::Multiplied)));
            }
        }
    }
    applying
}
