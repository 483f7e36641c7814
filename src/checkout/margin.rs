//! Margin impact: what the program's give-aways cost the seller out of gross profit.

use crate::format::cart::Cart;
use crate::money::exact::{decimal_of, pow10, wide_add, wide_div_round, wide_mul};
use crate::money::Rounding;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Margin {
    pub cost: Decimal,
    pub gross_profit_before: Decimal,
    /// Discounts, points redeemed and cashback granted on this order.
    pub give_away: Decimal,
    pub gross_profit_after: Decimal,
    /// `give_away` as a % of `gross_profit_before`, to two decimals; absent when there is no profit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub give_away_share: Option<Decimal>,
}

/// The order's margin, when every line carries its unit cost. Amounts are minor units.
pub fn of_order(
    units: u32,
    rounding: Rounding,
    cart: &Cart,
    subtotal: i128,
    give_away: i128,
) -> Option<Margin> {
    if cart.lines.is_empty() {
        return None;
    }
    let costs: Vec<(Decimal, u32)> = cart
        .lines
        .iter()
        .map(|line| line.unit_cost.map(|cost| (cost, line.quantity)))
        .collect::<Option<_>>()?;
    // Σ cost × quantity, exactly, in units of the finest scale any cost is given in (256 bits
    // hold any such sum), then rounded once to minor units.
    let scale = costs
        .iter()
        .map(|(cost, _)| cost.scale())
        .fold(units, u32::max);
    let mut total = (0u128, 0u128);
    for (cost, quantity) in costs {
        let (high, low) = wide_mul(cost.mantissa().unsigned_abs(), pow10(scale - cost.scale())?);
        let (carry, low) = wide_mul(low, u128::from(quantity));
        let high = high.checked_mul(u128::from(quantity))?.checked_add(carry)?;
        total = wide_add(total, (high, low))?;
    }
    let cost = i128::try_from(wide_div_round(total, pow10(scale - units)?, rounding)?).ok()?;
    let money = |minor: i128| decimal_of(minor, units);
    let gross_profit_before = subtotal - cost;
    Some(Margin {
        cost: money(cost),
        gross_profit_before: money(gross_profit_before),
        give_away: money(give_away),
        gross_profit_after: money(gross_profit_before - give_away),
        give_away_share: crate::money::exact::share_percent(give_away, gross_profit_before),
    })
}

/// `part` as a % of `whole`, rounded half-up to two decimals; `None` unless `whole` is positive.
pub fn share_percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    // Both in units of the finer scale.
    let scale = part.scale().max(whole.scale());
    let scaled = |d: Decimal| {
        d.mantissa()
            .checked_mul(i128::try_from(pow10(scale - d.scale())?).ok()?)
    };
    crate::money::exact::share_percent(scaled(part)?, scaled(whole)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_example_gives_away_sixteen_point_seven_percent() {
        // Price 9,000 at 30 % margin is 2,700 profit; 5 % off is 450; 450 / 2,700 = 16.67 %.
        assert_eq!(
            share_percent(Decimal::from(450), Decimal::from(2700))
                .unwrap()
                .to_string(),
            "16.67"
        );
        // The same 450 as points redeemed on a second purchase: 450 / 5,400 = 8.33 %.
        assert_eq!(
            share_percent(Decimal::from(450), Decimal::from(5400))
                .unwrap()
                .to_string(),
            "8.33"
        );
    }
}
