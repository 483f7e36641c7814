//! The arithmetic of one order in integer minor units, for programs whose rules look only at the
//! tier and the order's amount: what the portfolio forecast and the simulation use instead of a
//! full quote. Each figure is the exact rational the quote computes with decimals, rounded the
//! same way; tests hold both paths to the same numbers.

use crate::money::Rounding;
use crate::program::{
    DiscountValue, Downgrade, Granularity, Program, Qualifier, Stacking, Upgrade,
};
use crate::projection::Redeem;
use rust_decimal::Decimal;

/// `amount` as a whole number of minor units (`12.5` with 2 units is 1250).
pub fn to_minor(amount: Decimal, units: u32) -> i128 {
    let mut amount = amount;
    amount.rescale(units);
    amount.mantissa()
}

/// A decimal as an integer and a power of ten: `12.50` is `(1250, 2)`.
#[derive(Debug, Clone, Copy)]
struct Scaled {
    value: i128,
    scale: u32,
}

impl Scaled {
    fn of(decimal: Decimal) -> Scaled {
        Scaled {
            value: decimal.mantissa(),
            scale: decimal.scale(),
        }
    }
}

fn pow10(exponent: u32) -> Option<i128> {
    10i128.checked_pow(exponent)
}

/// `numerator ÷ denominator` (both non-negative, the denominator positive) rounded to a whole.
fn divide(numerator: i128, denominator: i128, rounding: Rounding) -> i128 {
    let (quotient, remainder) = (numerator / denominator, numerator % denominator);
    let up = match rounding {
        Rounding::Down => false,
        Rounding::Up => remainder > 0,
        Rounding::HalfUp => 2 * remainder >= denominator,
        Rounding::HalfEven => {
            2 * remainder > denominator || (2 * remainder == denominator && quotient % 2 == 1)
        }
    };
    quotient + i128::from(up)
}

/// The program reduced to what the fast path needs, per tier (the last index: no tier).
pub struct LeanProgram {
    pub tier_ids: Vec<String>,
    pub minor_units: u32,
    rounding: Rounding,
    pub thresholds: Vec<i128>,
    pub upgrade: Upgrade,
    pub downgrade: Downgrade,
    /// The percentages taken off one after another at each tier, in the rules' order.
    percents: Vec<Vec<Scaled>>,
    pub points: Option<PointRules>,
}

pub struct PointRules {
    rate: Scaled,
    per_amount: Scaled,
    full_units: bool,
    before_discounts: bool,
    multipliers: Vec<Scaled>,
    value_per_point: Scaled,
    max_redeem_percent: Scaled,
    min_redeem: u64,
    pub rules: crate::program::Points,
}

/// One customer's order at one tier: the same every month, so worked out once per tier.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeanOrder {
    pub discount: i128,
    pub earned: u64,
    /// The most points the order accepts by the share cap.
    pub cap: u64,
    /// The discount and the face value of the points earned, rounded.
    pub benefit: i128,
}

impl LeanProgram {
    /// The fast path takes programs that qualify on spend and whose rules look only at the tier
    /// and the order's amount: percentage and tier discounts on every line, combined; one earning
    /// rate for the whole order; no commitments, membership, cashback or employee accounts.
    pub fn compile(program: &Program) -> Option<LeanProgram> {
        let rules = &program.tier_rules;
        let simple_program = rules.qualifies_on == Qualifier::Spend
            && program.tiers.iter().all(|t| t.min_commitment.is_none())
            && program.membership.is_none()
            && program.cashback.is_none();
        if !simple_program {
            return None;
        }
        let units = program.money().minor_units;
        let thresholds = program
            .tiers
            .iter()
            .map(|t| to_minor(t.threshold, units))
            .collect();
        let mut rules_in_order: Vec<(usize, &crate::program::DiscountRule)> =
            program.discounts.iter().enumerate().collect();
        rules_in_order.sort_by(|(a, x), (b, y)| y.priority.cmp(&x.priority).then(a.cmp(b)));
        let mut percents = vec![Vec::new(); program.tiers.len() + 1];
        for (_, rule) in rules_in_order {
            let c = &rule.conditions;
            let plain = rule.scope.categories.is_empty()
                && rule.scope.skus.is_empty()
                && rule.scope.exclude_categories.is_empty()
                && c.min_subtotal.is_none()
                && c.first_purchase_made.is_none()
                && c.promo_code.is_none()
                && c.valid_from.is_none()
                && c.valid_until.is_none()
                && !c.members_only
                && rule.inactivity.is_none()
                && rule.stacking == Stacking::Combine;
            if !plain {
                return None;
            }
            for (tier, list) in percents.iter_mut().enumerate() {
                let at = program.tiers.get(tier);
                if !c.tiers.is_empty() && !at.is_some_and(|t| c.tiers.contains(&t.id)) {
                    continue;
                }
                let percent = match &rule.value {
                    DiscountValue::Percent { percent } => Some(*percent),
                    DiscountValue::TierPercent => at.and_then(|t| t.discount_percent),
                    _ => return None,
                };
                list.extend(percent.filter(|p| !p.is_zero()).map(Scaled::of));
            }
        }
        let points = match &program.points {
            None => None,
            Some(p) => {
                let earn = &p.earn;
                let simple_earning = earn.categories.is_empty()
                    && earn.per_unit.is_empty()
                    && earn.per == crate::program::EarnPer::Order
                    && p.employee_earn.is_none();
                if !simple_earning {
                    return None;
                }
                let multiplier = |tier: Option<&crate::program::Tier>| {
                    let m = tier.and_then(|t| t.earn_multiplier).unwrap_or(Decimal::ONE);
                    Scaled::of(if earn.apply_tier_multiplier {
                        m
                    } else {
                        Decimal::ONE
                    })
                };
                Some(PointRules {
                    rate: Scaled::of(earn.points),
                    per_amount: Scaled::of(earn.per_amount),
                    full_units: earn.granularity == Granularity::FullUnits,
                    before_discounts: earn.base == crate::program::EarnBase::BeforeDiscounts,
                    multipliers: (0..=program.tiers.len())
                        .map(|t| multiplier(program.tiers.get(t)))
                        .collect(),
                    value_per_point: Scaled::of(p.value_per_point),
                    max_redeem_percent: Scaled::of(p.max_redeem_percent),
                    min_redeem: p.min_redeem,
                    rules: p.clone(),
                })
            }
        };
        Some(LeanProgram {
            tier_ids: program.tiers.iter().map(|t| t.id.clone()).collect(),
            minor_units: units,
            rounding: program.rounding,
            thresholds,
            upgrade: rules.upgrade,
            downgrade: rules.downgrade,
            percents,
            points,
        })
    }

    /// The highest tier whose threshold `qualifying` reaches.
    pub fn tier_for(&self, qualifying: i128) -> Option<usize> {
        self.thresholds.iter().rposition(|t| *t <= qualifying)
    }

    /// The order of `subtotal` at tier index `tier`; `None` if a figure would overflow.
    pub fn order(&self, subtotal: i128, tier: usize) -> Option<LeanOrder> {
        let hundred = |scale: u32| pow10(scale).and_then(|p| p.checked_mul(100));
        let mut left = subtotal;
        for percent in &self.percents[tier] {
            let off = divide(
                left.checked_mul(percent.value)?,
                hundred(percent.scale)?,
                self.rounding,
            );
            left -= off.min(left);
        }
        let mut order = LeanOrder {
            discount: subtotal - left,
            ..LeanOrder::default()
        };
        let Some(p) = &self.points else {
            order.benefit = order.discount;
            return Some(order);
        };
        let units = self.minor_units;
        let base = if p.before_discounts { subtotal } else { left };
        let multiplier = p.multipliers[tier];
        // points = base × rate × multiplier ÷ per_amount, rounded down (as whole units first).
        let per_amount = p.per_amount.value.checked_mul(pow10(units)?)?;
        let earned = if p.full_units {
            let whole = base.checked_mul(pow10(p.per_amount.scale)?)? / per_amount;
            whole
                .checked_mul(p.rate.value)?
                .checked_mul(multiplier.value)?
                / pow10(p.rate.scale + multiplier.scale)?
        } else {
            base.checked_mul(p.rate.value)?
                .checked_mul(multiplier.value)?
                .checked_mul(pow10(p.per_amount.scale)?)?
                / per_amount.checked_mul(pow10(p.rate.scale + multiplier.scale)?)?
        };
        order.earned = u64::try_from(earned).ok()?;
        let cap_amount =
            left.checked_mul(p.max_redeem_percent.value)? / hundred(p.max_redeem_percent.scale)?;
        order.cap = if p.value_per_point.value == 0 {
            0
        } else {
            u64::try_from(
                cap_amount.checked_mul(pow10(p.value_per_point.scale)?)?
                    / p.value_per_point.value.checked_mul(pow10(units)?)?,
            )
            .ok()?
        };
        order.benefit = self.benefit(order.discount, order.earned)?;
        Some(order)
    }

    /// The points `order` uses when the customer redeems as `redeem` says: with `Max`, as many
    /// as the share cap and the balance allow, or none below the program's minimum.
    pub fn redeemed(
        &self,
        order: &LeanOrder,
        redeem: Redeem,
        balance: impl FnOnce() -> u64,
    ) -> u64 {
        match (redeem, &self.points) {
            (Redeem::Max, Some(p)) => {
                let cap = order.cap.min(balance());
                if cap >= p.min_redeem {
                    cap
                } else {
                    0
                }
            }
            _ => 0,
        }
    }

    /// The money `points` are worth, rounded down to minor units.
    pub fn points_value(&self, points: u64) -> Option<i128> {
        let Some(p) = &self.points else {
            return Some(0);
        };
        let value = p.value_per_point;
        // In 64 bits when it fits: 128-bit arithmetic is slow in Wasm.
        let shift = value.scale.checked_sub(self.minor_units);
        if let (Ok(mantissa), Some(shift)) = (u64::try_from(value.value), shift) {
            if let (Some(raw), Some(divisor)) =
                (points.checked_mul(mantissa), 10u64.checked_pow(shift))
            {
                return Some(i128::from(raw / divisor));
            }
        }
        let raw = i128::from(points).checked_mul(value.value)?;
        if value.scale >= self.minor_units {
            Some(raw / pow10(value.scale - self.minor_units)?)
        } else {
            raw.checked_mul(pow10(self.minor_units - value.scale)?)
        }
    }

    /// Discounts plus the face value of points earned, rounded with the program's rounding.
    fn benefit(&self, discount: i128, earned: u64) -> Option<i128> {
        let Some(p) = &self.points else {
            return Some(discount);
        };
        let value = p.value_per_point;
        let scale = value.scale.max(self.minor_units);
        let exact = discount
            .checked_mul(pow10(scale - self.minor_units)?)?
            .checked_add(
                i128::from(earned)
                    .checked_mul(value.value)?
                    .checked_mul(pow10(scale - value.scale)?)?,
            )?;
        Some(divide(
            exact,
            pow10(scale - self.minor_units)?,
            self.rounding,
        ))
    }
}
