//! Decoded rules checked for what the pricer relies on, so that forged bytes cannot make it panic.

/// Whether decoded rules hold together as compiled ones do: the currency's minor units, and every
/// index the pricer follows (tiers, promo codes, attributes, the priority order, the multipliers'
/// table) within its list.
pub fn consistent(rules: &crate::rules::Rules) -> bool {
    use crate::rules::compiled::{Conditions, Scope, UnitPoints};
    let tiers = rules.tiers.len();
    let attributes = rules.attributes.len();
    let conditions_hold = |conditions: &Conditions| {
        conditions.tiers.iter().all(|&tier| tier < tiers)
            && conditions
                .promo_code
                .is_none_or(|code| code < rules.promo_codes.len())
    };
    let scope_holds = |scope: &Scope| {
        scope
            .attributes
            .iter()
            .all(|(attribute, _)| *attribute < attributes)
    };
    let mut order = rules.by_priority.clone();
    order.sort_unstable();
    let earn_holds = |earn: &crate::rules::compiled::EarnRule| {
        earn.per_unit.iter().all(|rate| match &rate.points {
            UnitPoints::Flat(_) => true,
            UnitPoints::Bands { attribute, .. } | UnitPoints::Values { attribute, .. } => {
                *attribute < attributes
            }
        })
    };
    crate::money::minor_units(&rules.currency) == Some(rules.units)
        && order.iter().copied().eq(0..rules.discounts.len())
        && rules.multipliers.len() == tiers + 1
        && rules
            .discounts
            .iter()
            .all(|rule| conditions_hold(&rule.conditions) && scope_holds(&rule.scope))
        && rules.points.as_ref().is_none_or(|points| {
            earn_holds(&points.earn)
                && points.employee_earn.as_ref().is_none_or(earn_holds)
                && points.multipliers.iter().all(|multiplier| {
                    conditions_hold(&multiplier.conditions) && scope_holds(&multiplier.scope)
                })
        })
}
