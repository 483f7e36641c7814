//! Returns: what a partial or whole return of an order pays back, from the order's own
//! allocation. Nothing is priced again at today's rules: the original quote is worked out again
//! from its inputs (it is deterministic), and each returned unit takes back its share of what was
//! paid on its line and of the points the line earned. Returning everything pays back exactly
//! what was paid; a second return works from what the first left.

use crate::cart::{Cart, MAX_QUANTITY};
use crate::customer::Customer;
use crate::error::{Error, ErrorCode, Result};
use crate::exact::{decimal_of, minor_of};
use crate::program::Program;
use crate::quote::{quote, Request};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RefundRequest {
    /// The order as it was quoted: its program, the customer as they stood, and its cart.
    pub program: Program,
    #[serde(default)]
    pub customer: Customer,
    pub cart: Cart,
    /// The units returned now, by line (an index into the cart's lines).
    pub returns: Vec<Returned>,
    /// Units of the same order returned before.
    #[serde(default)]
    pub earlier: Vec<Returned>,
    /// The points the customer holds now; what a clawback cannot take is a debt. Without it,
    /// the balance the order left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Returned {
    pub line: u32,
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Refund {
    pub currency: String,
    pub lines: Vec<RefundLine>,
    /// What is paid back now, in all.
    pub refund: Decimal,
    /// Points earned on the returned units, taken back.
    pub points_clawed_back: u64,
    /// What the clawback could not take from the balance.
    pub points_debt: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RefundLine {
    pub line: usize,
    pub sku: String,
    pub returned: u32,
    /// Its share of what was paid on the line (after discounts and points).
    pub refund: Decimal,
    pub points_clawed_back: u64,
}

/// What returning `returns` (after `earlier`) pays back and takes back.
pub fn refund(request: &RefundRequest) -> Result<Refund> {
    let original = quote(&Request {
        program: request.program.clone(),
        customer: request.customer.clone(),
        cart: request.cart.clone(),
        locale: None,
    })?;
    let units = original.minor_units;
    let lines = &original.lines;
    let bought: Vec<u64> = lines.iter().map(|l| u64::from(l.quantity)).collect();
    let earlier = returned_by_line(&request.earlier, &bought, "earlier", &vec![0; bought.len()])?;
    let now = returned_by_line(&request.returns, &bought, "returns", &earlier)?;
    let minor = |amount: Decimal| minor_of(amount, units).unwrap_or(0);
    let earned = original.points.as_ref().map_or(0, |p| p.earned);
    // The order's points over its lines, in proportion to what each line came to after discounts.
    let weights: Vec<i128> = lines
        .iter()
        .map(|line| minor(line.subtotal) - minor(line.discount))
        .collect();
    let line_points = proportional(i128::from(earned), &weights);
    let mut result = Refund {
        currency: original.currency.clone(),
        lines: Vec::new(),
        refund: Decimal::ZERO,
        points_clawed_back: 0,
        points_debt: 0,
    };
    let mut total = 0i128;
    for (at, line) in lines.iter().enumerate() {
        if now[at] == 0 {
            continue;
        }
        let quantity = u64::from(line.quantity);
        let (before, after) = (earlier[at], earlier[at] + now[at]);
        let paid = share_between(minor(line.total), before, after, quantity);
        let points = share_between(line_points[at], before, after, quantity);
        total += paid;
        let points = u64::try_from(points).unwrap_or(0);
        result.points_clawed_back += points;
        result.lines.push(RefundLine {
            line: at,
            sku: line.sku.clone(),
            returned: u32::try_from(now[at]).unwrap_or(u32::MAX),
            refund: decimal_of(paid, units),
            points_clawed_back: points,
        });
    }
    result.refund = decimal_of(total, units);
    let balance = request
        .balance
        .unwrap_or_else(|| original.points.as_ref().map_or(0, |p| p.balance_after));
    result.points_debt = result.points_clawed_back.saturating_sub(balance);
    Ok(result)
}

/// Units returned per line, checked against what was bought and what `before` already returned.
fn returned_by_line(
    returns: &[Returned],
    bought: &[u64],
    field: &str,
    before: &[u64],
) -> Result<Vec<u64>> {
    let mut by_line = vec![0u64; bought.len()];
    for (at, returned) in returns.iter().enumerate() {
        let path = |name: &str| format!("{field}[{at}].{name}");
        let line = returned.line as usize;
        if line >= bought.len() {
            return Err(Error::new(
                ErrorCode::UnknownReference,
                path("line"),
                format!("the order has no line {}", returned.line),
            ));
        }
        if returned.quantity == 0 || returned.quantity > MAX_QUANTITY {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                path("quantity"),
                format!("a quantity is 1 to {MAX_QUANTITY}"),
            ));
        }
        by_line[line] += u64::from(returned.quantity);
        if before[line] + by_line[line] > bought[line] {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                path("quantity"),
                format!(
                    "line {line} had {} units and {} are already returned",
                    bought[line], before[line]
                ),
            ));
        }
    }
    Ok(by_line)
}

/// What units `before`..`after` of `quantity` take of `amount`: the cumulative share rounded
/// down, and all of what is left when the last unit goes back, so that the parts of every return
/// add up to `amount` exactly and never more.
fn share_between(amount: i128, before: u64, after: u64, quantity: u64) -> i128 {
    let upto = |units: u64| {
        if units >= quantity {
            amount
        } else {
            amount * i128::from(units) / i128::from(quantity.max(1))
        }
    };
    upto(after) - upto(before)
}

/// `total` over `weights` in proportion, in whole units adding up to `total` (largest remainder,
/// ties to the earlier).
fn proportional(total: i128, weights: &[i128]) -> Vec<i128> {
    let sum: i128 = weights.iter().map(|w| (*w).max(0)).sum();
    if sum == 0 || total <= 0 {
        return vec![0; weights.len()];
    }
    let mut parts: Vec<i128> = weights.iter().map(|w| total * w.max(&0) / sum).collect();
    let mut order: Vec<(i128, usize)> = weights
        .iter()
        .enumerate()
        .map(|(at, w)| (-(total * w.max(&0) % sum), at))
        .collect();
    order.sort_unstable();
    let left = total - parts.iter().sum::<i128>();
    for &(_, at) in order.iter().take(usize::try_from(left).unwrap_or(0)) {
        parts[at] += 1;
    }
    parts
}
