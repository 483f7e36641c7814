//! Points: how they are earned (`earn`, `employee_earn` for B2B dual accrual), what one is worth,
//! how much of an order they may pay and from how many, when they expire and how long they are
//! pending, and the status multipliers of tiers and membership checked against every rate.

use super::earn::{self, EarnRule};
use super::multipliers::{self, EarnMultiplier};
use crate::error::{Error, ErrorCode, Result};
use crate::format::program::{self as format, Program};
use crate::format::validate;
use crate::money::exact::Fraction;
use crate::rules::values::{combine, too_precise, Context, Multiplier};
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub struct PointsRule {
    pub earn: EarnRule,
    pub employee_earn: Option<EarnRule>,
    /// What a point pays: whole minor units per `step` points, the smallest number of points
    /// whose value is a whole number of minor units (a point of 0.5 JPY: 1 yen per 2 points).
    pub step: u64,
    pub minor_per_step: u128,
    pub value_per_point: Decimal,
    pub redeem_share: Fraction,
    pub min_redeem: u64,
    pub expiry_months: Option<u32>,
    /// Days a point earned waits before it can be spent (0: none).
    pub pending_days: u32,
    pub pending_count_toward_tiers: bool,
    /// The program's multipliers, in its order.
    pub multipliers: Vec<EarnMultiplier>,
    /// Multipliers add their bonuses instead of multiplying.
    pub add_multipliers: bool,
    /// Points are rounded down after each multiplier, not only at the end.
    pub round_each_step: bool,
}

impl PointsRule {
    /// What `points` (a whole number of steps) pay, in minor units.
    pub fn value_of(&self, points: u64) -> Option<u128> {
        u128::from(points / self.step).checked_mul(self.minor_per_step)
    }

    /// The money `points` are worth at face value, rounded down to minor units.
    pub fn face_value(&self, points: u128) -> Option<u128> {
        Fraction::new(self.minor_per_step, u128::from(self.step))?.floor(points)
    }
}

/// Compiles the program's `points`.
pub(crate) fn compile(
    points: Option<&format::Points>,
    context: &mut Context,
) -> Result<Option<PointsRule>> {
    Ok(match points {
        None => None,
        Some(format::Points {
            earn,
            employee_earn,
            value_per_point,
            max_redeem_percent,
            min_redeem,
            expiry_months,
            pending_days,
            pending_count_toward_tiers,
            multipliers,
            combine_multipliers,
            round_points,
        }) => {
            if pending_days.is_some_and(|days| days > 365) {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "points.pending_days",
                    "points are pending for 0 to 365 days",
                ));
            }
            let earn = earn::compile(earn, context, "points.earn")?;
            let employee_earn = match employee_earn {
                Some(rule) => Some(earn::compile(rule, context, "points.employee_earn")?),
                None => None,
            };
            validate::amount_in_range(*value_per_point, "points.value_per_point")?;
            let redeem_share = context
                .check
                .percent(*max_redeem_percent, &|| "points.max_redeem_percent".into())?;
            validate::points(*min_redeem, "points.min_redeem")?;
            if let Some(months) = expiry_months {
                if !(1..=600).contains(months) {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "points.expiry_months",
                        "points expire after 1 to 600 months",
                    ));
                }
            }
            let minor_per_point = Fraction::of(*value_per_point)
                .and_then(|v| {
                    v.times(Fraction::new(
                        crate::money::exact::pow10(context.check.units)?,
                        1,
                    )?)
                })
                .ok_or_else(|| too_precise("points.value_per_point"))?;
            let step = u64::try_from(minor_per_point.den)
                .map_err(|_| too_precise("points.value_per_point"))?;
            Some(PointsRule {
                earn,
                employee_earn,
                step: if minor_per_point.is_zero() { 1 } else { step },
                minor_per_step: minor_per_point.num,
                value_per_point: *value_per_point,
                redeem_share: redeem_share.share,
                min_redeem: *min_redeem,
                expiry_months: *expiry_months,
                pending_days: pending_days.unwrap_or(0),
                pending_count_toward_tiers: *pending_count_toward_tiers,
                multipliers: multipliers::compile(multipliers, context)?,
                add_multipliers: *combine_multipliers == format::CombineMultipliers::Add,
                round_each_step: *round_points == format::RoundPoints::EachStep,
            })
        }
    })
}

/// The tier's and the membership's earning multipliers together, for every tier slot (the
/// last one: no tier) and both membership states, checked once against every earning rate so
/// that no order can overflow on them.
pub(crate) fn status_multipliers(
    program: &Program,
    points: Option<&PointsRule>,
) -> Result<Vec<[Multiplier; 2]>> {
    let membership = program.membership.as_ref().and_then(|m| m.earn_multiplier);
    let add = points.is_some_and(|p| p.add_multipliers);
    let mut multipliers = Vec::with_capacity(program.tiers.len() + 1);
    for slot in 0..=program.tiers.len() {
        let tier = program.tiers.get(slot).and_then(|t| t.earn_multiplier);
        let path = || match tier {
            Some(_) => format!("tiers[{slot}].earn_multiplier"),
            None => "membership.earn_multiplier".into(),
        };
        let pair = [false, true].map(|member| {
            let text = match (tier, membership.filter(|_| member)) {
                (Some(t), Some(m)) => combine(add, t, m),
                (Some(t), None) => Some(t),
                (None, Some(m)) => Some(m),
                (None, None) => Some(Decimal::ONE),
            };
            text.and_then(Multiplier::of)
        });
        let [Some(plain), Some(member)] = pair else {
            return Err(too_precise(&path()));
        };
        if let Some(points) = points {
            // With every program multiplier too, the most any line can earn at: if that fits,
            // so does every smaller set.
            for status in [plain, member] {
                // A factor of zero would hide the others' digits.
                let all = points
                    .multipliers
                    .iter()
                    .filter(|m| !m.factor.text.is_zero())
                    .try_fold(status.text, |so_far, m| combine(add, so_far, m.factor.text))
                    .and_then(Multiplier::of)
                    .ok_or_else(|| too_precise("points.multipliers"))?;
                for rule in std::iter::once(&points.earn).chain(&points.employee_earn) {
                    for rate in &rule.rates {
                        for multiplier in [status, all] {
                            rate.points
                                .times(multiplier.value)
                                .ok_or_else(|| too_precise(&path()))?;
                        }
                    }
                }
            }
        }
        multipliers.push([plain, member]);
    }
    Ok(multipliers)
}
