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

/// A rational factor, `numerator ÷ denominator`, worked out once per program so that an order
/// costs one multiplication and one division per figure (i128 arithmetic is slow in Wasm).
#[derive(Debug, Clone, Copy)]
struct Ratio {
    numerator: i128,
    denominator: i128,
}

impl Ratio {
    /// The decimal itself: `12.50` is 1250 ÷ 100.
    fn of(decimal: Decimal) -> Option<Ratio> {
        Some(Ratio {
            numerator: decimal.mantissa(),
            denominator: pow10(decimal.scale())?,
        })
    }

    /// An amount of money in minor units, reduced: `0.015` with 2 units is 15 ÷ 10.
    fn in_minor(amount: Decimal, units: u32) -> Option<Ratio> {
        let scale = amount.scale();
        Some(if scale >= units {
            Ratio {
                numerator: amount.mantissa(),
                denominator: pow10(scale - units)?,
            }
        } else {
            Ratio {
                numerator: amount.mantissa().checked_mul(pow10(units - scale)?)?,
                denominator: 1,
            }
        })
    }

    /// A percentage as a share: 12.5 is 125 ÷ 1000.
    fn percent(percent: Decimal) -> Option<Ratio> {
        Ratio::of(percent)?.times(Ratio {
            numerator: 1,
            denominator: 100,
        })
    }

    fn times(self, other: Ratio) -> Option<Ratio> {
        Some(Ratio {
            numerator: self.numerator.checked_mul(other.numerator)?,
            denominator: self.denominator.checked_mul(other.denominator)?,
        })
    }

    fn inverse(self) -> Option<Ratio> {
        (self.numerator > 0).then_some(Ratio {
            numerator: self.denominator,
            denominator: self.numerator,
        })
    }

    /// `amount × self`, rounded as `rounding` says; `amount` is not negative.
    fn apply(self, amount: i128, rounding: Rounding) -> Option<i128> {
        Some(divide(
            multiply(amount, self.numerator)?,
            self.denominator,
            rounding,
        ))
    }

    fn floor(self, amount: i128) -> Option<i128> {
        self.apply(amount, Rounding::Down)
    }
}

fn pow10(exponent: u32) -> Option<i128> {
    10i128.checked_pow(exponent)
}

/// `a × b`, or `None` on overflow. Factors that fit in 64 bits cannot overflow, which spares Wasm
/// the slow 128-bit overflow check.
fn multiply(a: i128, b: i128) -> Option<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(a), Ok(b)) => Some(i128::from(a) * i128::from(b)),
        _ => a.checked_mul(b),
    }
}

/// `numerator ÷ denominator` (both non-negative, the denominator positive) rounded to a whole.
fn divide(numerator: i128, denominator: i128, rounding: Rounding) -> i128 {
    // In 64 bits when both fit: Wasm divides 128-bit numbers in software.
    let (quotient, remainder) = match (u64::try_from(numerator), u64::try_from(denominator)) {
        (Ok(n), Ok(d)) => (i128::from(n / d), i128::from(n % d)),
        _ => (numerator / denominator, numerator % denominator),
    };
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
    /// The shares taken off one after another at each tier, in the rules' order.
    discounts: Vec<Vec<Ratio>>,
    pub points: Option<PointRules>,
}

pub struct PointRules {
    /// Points per minor unit at each tier (rate × multiplier ÷ the amount it is earned per), or
    /// with `whole_amounts`, points per whole amount.
    earn: Vec<Ratio>,
    /// With full units only: how many whole amounts a minor unit is.
    whole_amounts: Option<Ratio>,
    before_discounts: bool,
    /// The share of the order, after discounts, that points may pay.
    redeem_share: Ratio,
    /// What one point is worth in minor units.
    minor_per_point: Ratio,
    /// The same in 64 bits when it fits: 128-bit arithmetic is slow in Wasm.
    minor_per_point_u64: Option<(u64, u64)>,
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
    /// `None` also when a factor would overflow.
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
        let mut discounts = vec![Vec::new(); program.tiers.len() + 1];
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
            for (tier, list) in discounts.iter_mut().enumerate() {
                let at = program.tiers.get(tier);
                if !c.tiers.is_empty() && !at.is_some_and(|t| c.tiers.contains(&t.id)) {
                    continue;
                }
                let percent = match &rule.value {
                    DiscountValue::Percent { percent } => Some(*percent),
                    DiscountValue::TierPercent => at.and_then(|t| t.discount_percent),
                    _ => return None,
                };
                if let Some(percent) = percent.filter(|p| !p.is_zero()) {
                    list.push(Ratio::percent(percent)?);
                }
            }
        }
        let points = match &program.points {
            None => None,
            Some(p) => Some(PointRules::compile(p, program, units)?),
        };
        Some(LeanProgram {
            tier_ids: program.tiers.iter().map(|t| t.id.clone()).collect(),
            minor_units: units,
            rounding: program.rounding,
            thresholds,
            upgrade: rules.upgrade,
            downgrade: rules.downgrade,
            discounts,
            points,
        })
    }

    /// The highest tier whose threshold `qualifying` reaches.
    #[inline]
    pub fn tier_for(&self, qualifying: i128) -> Option<usize> {
        self.thresholds.iter().rposition(|t| *t <= qualifying)
    }

    /// The order of `subtotal` at tier index `tier`; `None` if a figure would overflow.
    pub fn order(&self, subtotal: i128, tier: usize) -> Option<LeanOrder> {
        let mut left = subtotal;
        for share in &self.discounts[tier] {
            left -= share.apply(left, self.rounding)?.min(left);
        }
        let mut order = LeanOrder {
            discount: subtotal - left,
            ..LeanOrder::default()
        };
        let Some(p) = &self.points else {
            order.benefit = order.discount;
            return Some(order);
        };
        let base = if p.before_discounts { subtotal } else { left };
        let earned = match p.whole_amounts {
            Some(whole) => p.earn[tier].floor(whole.floor(base)?)?,
            None => p.earn[tier].floor(base)?,
        };
        order.earned = u64::try_from(earned).ok()?;
        let cap_amount = p.redeem_share.floor(left)?;
        order.cap = match p.minor_per_point.inverse() {
            Some(points_per_minor) => u64::try_from(points_per_minor.floor(cap_amount)?).ok()?,
            None => 0,
        };
        // The discount and the points' face value added exactly, then rounded once.
        let value = p.minor_per_point;
        order.benefit = divide(
            multiply(order.discount, value.denominator)?
                .checked_add(multiply(i128::from(order.earned), value.numerator)?)?,
            value.denominator,
            self.rounding,
        );
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
        if let Some((numerator, denominator)) = p.minor_per_point_u64 {
            if let Some(raw) = points.checked_mul(numerator) {
                return Some(i128::from(raw / denominator));
            }
        }
        p.minor_per_point.floor(i128::from(points))
    }
}

impl PointRules {
    fn compile(p: &crate::program::Points, program: &Program, units: u32) -> Option<PointRules> {
        let earn = &p.earn;
        let simple_earning = earn.categories.is_empty()
            && earn.per_unit.is_empty()
            && earn.per == crate::program::EarnPer::Order
            && p.employee_earn.is_none();
        if !simple_earning {
            return None;
        }
        // How many of the amounts points are earned per one minor unit is.
        let amounts_per_minor = Ratio::in_minor(earn.per_amount, units)?.inverse()?;
        let full_units = earn.granularity == Granularity::FullUnits;
        let rate_at = |tier: Option<&crate::program::Tier>| {
            let multiplier = tier
                .and_then(|t| t.earn_multiplier)
                .filter(|_| earn.apply_tier_multiplier)
                .unwrap_or(Decimal::ONE);
            let rate = Ratio::of(earn.points)?.times(Ratio::of(multiplier)?)?;
            if full_units {
                Some(rate)
            } else {
                amounts_per_minor.times(rate)
            }
        };
        let minor_per_point = Ratio::in_minor(p.value_per_point, units)?;
        Some(PointRules {
            earn: (0..=program.tiers.len())
                .map(|t| rate_at(program.tiers.get(t)))
                .collect::<Option<_>>()?,
            whole_amounts: full_units.then_some(amounts_per_minor),
            before_discounts: earn.base == crate::program::EarnBase::BeforeDiscounts,
            redeem_share: Ratio::percent(p.max_redeem_percent)?,
            minor_per_point,
            minor_per_point_u64: u64::try_from(minor_per_point.numerator)
                .ok()
                .zip(u64::try_from(minor_per_point.denominator).ok()),
            min_redeem: p.min_redeem,
            rules: p.clone(),
        })
    }
}
