//! A validated cart read as the pricer's order: names interned, prices in minor units, events,
//! partners and usage looked up by index in the compiled rules.

use super::compiled::Rules;
use super::mechanics::promo_code::same_code;
use super::order::{Order, OrderLine, Used};
use super::values::AttributeValue;
use crate::format::cart::Cart;

impl<'a> Order<'a> {
    /// A validated cart as an order. Unknown events and partners, which validation refuses, are
    /// left out.
    pub fn of(rules: &Rules, cart: &'a Cart) -> Order<'a> {
        Order {
            date: cart.date,
            lines: cart
                .lines
                .iter()
                .map(|line| OrderLine {
                    sku: &line.sku,
                    sku_id: rules.skus.find(&line.sku),
                    category_id: rules.categories.find(&line.category),
                    unit_price: crate::money::exact::minor_of(line.unit_price, rules.units)
                        .unwrap_or(0),
                    quantity: line.quantity,
                    promotional: line.promotional,
                    attributes: attribute_values(rules, &line.attributes),
                })
                .collect(),
            shipping: cart
                .shipping
                .iter()
                .map(|s| crate::money::exact::minor_of(s.price, rules.units).unwrap_or(0))
                .collect(),
            promo_code: cart.promo_code.as_deref(),
            redeem_points: cart.redeem_points,
            redeem_share: None,
            events: cart
                .events
                .iter()
                .filter_map(|e| Some((rules.events.iter().position(|r| r.id == e.id)?, e.count)))
                .collect(),
            partner_points: cart
                .partner_points
                .iter()
                .filter_map(|p| {
                    Some((
                        rules.partners.iter().position(|r| r.id == p.partner)?,
                        p.points,
                    ))
                })
                .collect(),
            code_usage: cart
                .usage
                .codes
                .iter()
                .filter_map(|(code, used)| {
                    let at = rules
                        .promo_codes
                        .iter()
                        .position(|p| same_code(&p.code, code))?;
                    Some((at, used_minor(rules, used)))
                })
                .collect(),
            rule_usage: cart
                .usage
                .discounts
                .iter()
                .filter_map(|(id, used)| {
                    let at = rules.discounts.iter().position(|d| d.id == *id)?;
                    Some((at, used_minor(rules, used)))
                })
                .collect(),
        }
    }
}

impl<'a> OrderLine<'a> {
    /// A line of a spending plan: one unit at `unit_price` (minor units) in `category`, under the
    /// SKU `plan-<category>`, which only a program naming that SKU knows, and without attributes
    /// (each reads as missing). Its `sku` is the category itself, which tells the plan's lines
    /// apart as their SKUs would.
    pub fn planned(rules: &Rules, category: &'a str, unit_price: i128) -> OrderLine<'a> {
        OrderLine {
            sku: category,
            sku_id: rules.skus.find_prefixed("plan-", category),
            category_id: rules.categories.find(category),
            unit_price,
            quantity: 1,
            promotional: false,
            attributes: Vec::new(),
        }
    }
}

/// A line's attributes by the program's declarations; a number that does not read, which
/// validation refuses, counts as missing.
fn attribute_values<'a>(
    rules: &Rules,
    given: &'a crate::format::keyed::Keyed<String>,
) -> Vec<AttributeValue<'a>> {
    rules
        .attributes
        .iter()
        .map(|(name, kind)| match (given.get(name), kind) {
            (None, _) => AttributeValue::Missing,
            (Some(text), crate::format::program::AttributeKind::Text) => AttributeValue::Text(text),
            (Some(text), crate::format::program::AttributeKind::Number) => {
                crate::format::json::decimal_of(text)
                    .map_or(AttributeValue::Missing, AttributeValue::Number)
            }
        })
        .collect()
}

fn used_minor(rules: &Rules, used: &crate::format::cart::UsedSoFar) -> Used {
    Used {
        uses: used.uses,
        customer_uses: used.customer_uses,
        spent: crate::money::exact::minor_of(used.spent, rules.units).unwrap_or(0),
    }
}
