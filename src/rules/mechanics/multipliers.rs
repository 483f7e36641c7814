//! Points multipliers: a program's multipliers (a category, a campaign, a day, a promo code…)
//! that raise what lines earn, multiplied or their bonuses added, and the status multipliers of a
//! tier and a membership: which apply to an order and its lines, how they combine (multiplied, or
//! their bonuses added) and how points are rounded under them (at the end, or after each step).
//! Trace: `multiplied`, or why a multiplier does not apply.

use super::conditions::{self, campaign, Conditions};
use super::promo_code::{same_code, PromoRule};
use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate::{self, overflow};
use crate::money::exact::Fraction;
use crate::rules::order::Sheet;
use crate::rules::values::{
    check_multiplier, combine, compile_scope, too_precise, Context, Multiplier, Scope,
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
#[inline]
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

/// The multipliers points are earned under: the customer's status multiplier (tier and
/// membership) and the program's, of which a mask says which apply.
pub(crate) struct Multiplying<'r> {
    pub(crate) program: &'r [EarnMultiplier],
    pub(crate) add: bool,
    pub(crate) round_each_step: bool,
    pub(crate) status: Multiplier,
}

impl Multiplying<'_> {
    fn in_mask(&self, mask: u64) -> impl Iterator<Item = &EarnMultiplier> {
        self.program
            .iter()
            .enumerate()
            .filter(move |(bit, _)| mask & (1 << bit) != 0)
            .map(|(_, multiplier)| multiplier)
    }

    /// The status multiplier and those in `mask` together (compiling checked that every set
    /// can be written exactly).
    pub(crate) fn factor(&self, mask: u64) -> Option<Multiplier> {
        if mask == 0 {
            return Some(self.status);
        }
        self.in_mask(mask)
            .try_fold(self.status.text, |so_far, m| {
                combine(self.add, so_far, m.factor.text)
            })
            .and_then(Multiplier::of)
    }

    /// Whole points under the multipliers in `mask`, from `raw` (the points at a multiplier),
    /// rounded down at the end, or after each step where the program says so.
    pub(crate) fn points(&self, mask: u64, raw: impl Fn(Fraction) -> Result<u64>) -> Result<u64> {
        let fail = || overflow("cart.lines");
        let factor = self.factor(mask).ok_or_else(fail)?;
        if !self.round_each_step {
            return raw(factor.value);
        }
        let step = |points: u64, by: Fraction| {
            by.floor(u128::from(points))
                .and_then(|p| u64::try_from(p).ok())
                .ok_or_else(fail)
        };
        let mut points = raw(Fraction::ONE)?;
        if self.add {
            return step(points, factor.value);
        }
        points = step(points, self.status.value)?;
        for multiplier in self.in_mask(mask) {
            points = step(points, multiplier.factor.value)?;
        }
        Ok(points)
    }
}
