//! Margin impact: what the program's give-aways cost the seller out of gross profit.

use crate::cart::Cart;
use crate::money::{checked_mul, Money};
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

/// The order's margin, when every line carries its unit cost.
pub fn of_order(
    money: &Money,
    cart: &Cart,
    subtotal: Decimal,
    discount: Decimal,
    points_value: Decimal,
    cashback: Option<Decimal>,
) -> Option<Margin> {
    if cart.lines.is_empty() {
        return None;
    }
    let cost: Decimal = cart
        .lines
        .iter()
        .map(|line| {
            line.unit_cost
                .map(|cost| cost * Decimal::from(line.quantity))
        })
        .sum::<Option<Decimal>>()?;
    let cost = money.round(cost);
    let gross_profit_before = subtotal - cost;
    let give_away = discount + points_value + cashback.unwrap_or(Decimal::ZERO);
    Some(Margin {
        cost,
        gross_profit_before,
        give_away,
        gross_profit_after: gross_profit_before - give_away,
        give_away_share: share_percent(give_away, gross_profit_before),
    })
}

/// `part` as a % of `whole`, rounded half-up to two decimals; `None` unless `whole` is positive.
pub fn share_percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole <= Decimal::ZERO {
        return None;
    }
    let share = checked_mul(part, Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    let mut share =
        share.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    share.rescale(2);
    Some(share)
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
