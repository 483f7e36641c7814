//! Returns: what a partial or whole return of an order pays back, from the order's own
//! allocation. Nothing is priced again at today's rules: the original quote is worked out again
//! from its inputs (it is deterministic), and each returned unit takes back its share of what was
//! paid on its line, of the points it was paid with and of the points and store credit the line
//! earned. A discount whose minimum the kept items no longer reach is reclaimed from the refund
//! or kept, as the program says. Returning everything pays back exactly what was paid; a second
//! return works from what the first left.

use crate::checkout::quote::{quote_with, validate_parts, Quote};
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::{Cart, MAX_QUANTITY};
use crate::format::customer::Customer;
use crate::format::program::{BrokenMinimums, PointsBack, Program};
use crate::format::trace::{Code, Entry, Kind};
use crate::money::exact::{decimal_of, minor_of};
use rust_decimal::Decimal;
use serde::Serialize;

/// A return: the order as it was quoted (its program, the customer as they stood, and its
/// cart) and the units coming back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RefundRequest {
    pub program: Program,
    #[serde(default)]
    pub customer: Customer,
    pub cart: Cart,
    /// The units returned now, by line (an index into the cart's lines).
    pub returns: Vec<Returned>,
    /// Units of the same order returned before.
    #[serde(default)]
    pub earlier: Vec<Returned>,
    /// What the earlier returns paid back in all. Without it, what they would have paid back as
    /// one return; pass it when an earlier return's reclaim took more than that return refunded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunded: Option<Decimal>,
    /// The points the customer holds now; what a clawback cannot take is a debt. Without it,
    /// the balance the order left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Returned {
    /// The cart line, by its index from 0.
    pub line: u32,
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Refund {
    pub currency: String,
    pub lines: Vec<RefundLine>,
    /// The money paid back now: the lines' refunds, less what is reclaimed, plus what is released.
    pub refund: Decimal,
    /// Taken out of the lines' refunds for discounts the kept items no longer qualify for.
    pub reclaimed: Decimal,
    /// An earlier return's reclaim paid back, now that the items it was taken on come back too.
    pub released: Decimal,
    /// The discounts whose minimum the kept items no longer reach.
    pub broken: Vec<BrokenDiscount>,
    /// Points the order was paid with, given back.
    pub points_given_back: u64,
    /// Points earned on the returned units, taken back.
    pub points_clawed_back: u64,
    /// What the clawback could not take from the balance and the points given back.
    pub points_debt: u64,
    /// Store credit earned on the returned units, taken back.
    pub store_credit_clawed_back: Decimal,
    pub trace: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RefundLine {
    pub line: usize,
    pub sku: String,
    pub returned: u32,
    /// Its share of the money paid on the line (after discounts and points).
    pub refund: Decimal,
    pub points_given_back: u64,
    pub points_clawed_back: u64,
    pub store_credit_clawed_back: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BrokenDiscount {
    pub rule: String,
    pub name: String,
    /// Why the kept items no longer qualify: the code a quote of them gives.
    pub reason: Code,
    pub policy: BrokenMinimums,
    /// The discount's share on the kept items.
    pub amount: Decimal,
}

/// The codes that say a quantity or an amount falls short of what a discount needs.
const SHORT_OF_A_MINIMUM: [Code; 7] = [
    Code::BelowMinSubtotal,
    Code::BelowFirstStep,
    Code::BelowQuantityBreak,
    Code::BelowBuyGet,
    Code::BelowBundle,
    Code::BundleNotCheaper,
    Code::BelowMinimumOrder,
];

/// What returning `returns` (after `earlier`) pays back and takes back.
pub fn refund(request: &RefundRequest) -> Result<Refund> {
    let order = Order::quoted(request)?;
    let bought: Vec<u64> = order
        .quote
        .lines
        .iter()
        .map(|l| u64::from(l.quantity))
        .collect();
    let nothing = vec![0; bought.len()];
    let before = returned_by_line(&request.earlier, &bought, "earlier", &nothing)?;
    let now = returned_by_line(&request.returns, &bought, "returns", &before)?;
    let after: Vec<u64> = before.iter().zip(&now).map(|(b, n)| b + n).collect();
    let paid_in_all: i128 = order.paid.iter().sum();
    let refunded = match request.refunded {
        Some(amount) => match minor_of(amount, order.units) {
            Some(minor) if (0..=paid_in_all).contains(&minor) => minor,
            _ => {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "refunded",
                    format!(
                        "earlier returns paid back 0 to {}",
                        decimal_of(paid_in_all, order.units)
                    ),
                ))
            }
        },
        None => order.cumulative(request, &before)?.refund.max(0),
    };
    let upto = order.cumulative(request, &after)?;
    let moved = order.moved(&before, &after);
    let lines_refund: i128 = moved.iter().map(|m| m.money).sum();
    let refund = (upto.refund - refunded).clamp(0, paid_in_all - refunded);
    let units = order.units;
    let mut result = Refund {
        currency: order.quote.currency.clone(),
        lines: Vec::new(),
        refund: decimal_of(refund, units),
        reclaimed: decimal_of((lines_refund - refund).max(0), units),
        released: decimal_of((refund - lines_refund).max(0), units),
        broken: upto.broken,
        points_given_back: 0,
        points_clawed_back: 0,
        points_debt: 0,
        store_credit_clawed_back: Decimal::ZERO,
        trace: Vec::new(),
    };
    let mut credit = 0;
    for (at, moved) in moved.iter().enumerate().filter(|(at, _)| now[*at] > 0) {
        let line = &order.quote.lines[at];
        result.points_given_back += moved.points_back;
        result.points_clawed_back += moved.points_earned;
        credit += moved.credit;
        result.lines.push(RefundLine {
            line: at,
            sku: line.sku.clone(),
            returned: u32::try_from(now[at]).unwrap_or(u32::MAX),
            refund: decimal_of(moved.money, units),
            points_given_back: moved.points_back,
            points_clawed_back: moved.points_earned,
            store_credit_clawed_back: decimal_of(moved.credit, units),
        });
    }
    result.store_credit_clawed_back = decimal_of(credit, units);
    let balance = request
        .balance
        .unwrap_or_else(|| order.quote.points.as_ref().map_or(0, |p| p.balance_after));
    result.points_debt = result
        .points_clawed_back
        .saturating_sub(balance.saturating_add(result.points_given_back));
    result.trace = trace(&result, order.points_back);
    Ok(result)
}

/// The order as quoted, and its amounts in minor units by line.
struct Order {
    quote: Quote,
    units: u32,
    /// Money paid on each line.
    paid: Vec<i128>,
    /// What each line came to after discounts: its money and its points' value.
    value: Vec<i128>,
    /// The value of the points the order was paid with, and how many they were.
    points_value: i128,
    points_redeemed: u64,
    /// Each line's share of the points paid with, the points earned and the store credit earned.
    redeemed: Vec<i128>,
    earned: Vec<i128>,
    credit: Vec<i128>,
    points_back: PointsBack,
    broken_minimums: BrokenMinimums,
}

/// What one line's returned units move, in minor units and points.
struct Moved {
    money: i128,
    points_back: u64,
    points_earned: u64,
    credit: i128,
}

/// What returns up to some state have refunded in all, reclaims counted, and the discounts
/// broken in that state.
struct Cumulative {
    refund: i128,
    broken: Vec<BrokenDiscount>,
}

impl Order {
    fn quoted(request: &RefundRequest) -> Result<Order> {
        let quote = priced(request, &request.cart)?;
        let units = quote.minor_units;
        let minor = |amount: Decimal| minor_of(amount, units).unwrap_or(0);
        let paid: Vec<i128> = quote.lines.iter().map(|l| minor(l.total)).collect();
        let value: Vec<i128> = quote
            .lines
            .iter()
            .map(|l| minor(l.subtotal) - minor(l.discount))
            .collect();
        let points_value: Vec<i128> = quote.lines.iter().map(|l| minor(l.points_value)).collect();
        let points = quote.points.as_ref();
        let points_redeemed = points.map_or(0, |p| p.redeemed);
        let earned = i128::from(points.map_or(0, |p| p.earned));
        let credit = quote.cashback.as_ref().map_or(0, |c| minor(c.earned));
        let returns = request.program.returns.unwrap_or_default();
        Ok(Order {
            units,
            redeemed: proportional(i128::from(points_redeemed), &points_value),
            earned: proportional(earned, &value),
            credit: proportional(credit, &value),
            points_value: points_value.iter().sum(),
            points_redeemed,
            paid,
            value,
            points_back: returns.redeemed_points,
            broken_minimums: returns.broken_minimums,
            quote,
        })
    }

    /// What each line's units `before`..`after` move. With points given back first, the value
    /// returned over the whole order comes back as points until all are back, then as money.
    fn moved(&self, before: &[u64], after: &[u64]) -> Vec<Moved> {
        let quantity = |at: usize| u64::from(self.quote.lines[at].quantity);
        let mut value_so_far: i128 = (0..before.len())
            .map(|at| share_between(self.value[at], 0, before[at], quantity(at)))
            .sum();
        (0..before.len())
            .map(|at| {
                let share = |amount| share_between(amount, before[at], after[at], quantity(at));
                let whole_points = |amount: i128| u64::try_from(amount).unwrap_or(0);
                let (money, points_back) = match self.points_back {
                    PointsBack::InProportion => (share(self.paid[at]), share(self.redeemed[at])),
                    PointsBack::First => {
                        let from = value_so_far;
                        value_so_far += share(self.value[at]);
                        (
                            self.money_first(value_so_far) - self.money_first(from),
                            self.points_first(value_so_far) - self.points_first(from),
                        )
                    }
                };
                Moved {
                    money,
                    points_back: whole_points(points_back),
                    points_earned: whole_points(share(self.earned[at])),
                    credit: share(self.credit[at]),
                }
            })
            .collect()
    }

    /// Money back when `value` has been returned, points first.
    fn money_first(&self, value: i128) -> i128 {
        value - value.min(self.points_value)
    }

    /// Points back when `value` has been returned, points first (rounded down until all are).
    fn points_first(&self, value: i128) -> i128 {
        let points = i128::from(self.points_redeemed);
        if value >= self.points_value {
            points
        } else {
            points * value / self.points_value.max(1)
        }
    }

    /// What returning `returned` units refunds in all: the money of every returned unit, less
    /// (under `reclaim`) the share on the kept units of each discount they no longer qualify for.
    fn cumulative(&self, request: &RefundRequest, returned: &[u64]) -> Result<Cumulative> {
        let nothing = vec![0; returned.len()];
        let money: i128 = self.moved(&nothing, returned).iter().map(|m| m.money).sum();
        let kept: Vec<u64> = self
            .quote
            .lines
            .iter()
            .zip(returned)
            .map(|(line, r)| u64::from(line.quantity) - r)
            .collect();
        if returned.iter().all(|r| *r == 0) || kept.iter().all(|k| *k == 0) {
            return Ok(Cumulative {
                refund: money,
                broken: Vec::new(),
            });
        }
        let mut cart = request.cart.clone();
        for (line, kept) in cart.lines.iter_mut().zip(&kept) {
            line.quantity = u32::try_from(*kept).unwrap_or(0);
        }
        cart.lines.retain(|line| line.quantity > 0);
        let kept_quote = priced(request, &cart)?;
        let mut broken = Vec::new();
        let mut reclaimed = 0;
        for discount in &self.quote.discounts {
            let Some(reason) = short_of_a_minimum(&kept_quote, &discount.rule) else {
                continue;
            };
            let on_kept: i128 = self
                .quote
                .lines
                .iter()
                .zip(&kept)
                .map(|(line, kept)| {
                    let share = line.discounts.iter().find(|s| s.rule == discount.rule);
                    let amount = share.map_or(0, |s| minor_of(s.amount, self.units).unwrap_or(0));
                    amount * i128::from(*kept) / i128::from(line.quantity.max(1))
                })
                .sum();
            if self.broken_minimums == BrokenMinimums::Reclaim {
                reclaimed += on_kept;
            }
            broken.push(BrokenDiscount {
                rule: discount.rule.clone(),
                name: discount.name.clone(),
                reason,
                policy: self.broken_minimums,
                amount: decimal_of(on_kept, self.units),
            });
        }
        Ok(Cumulative {
            refund: money - reclaimed,
            broken,
        })
    }
}

/// The order (or what is kept of it) priced as it was.
fn priced(request: &RefundRequest, cart: &Cart) -> Result<Quote> {
    let rules = validate_parts(&request.program, &request.customer, cart)?;
    quote_with(&rules, &request.customer, cart, "")
}

/// Why `rule`, applied to the order, does not apply to the kept items, when it is that they
/// fall short of a minimum (its own, or its promo code's minimum order).
fn short_of_a_minimum(kept: &Quote, rule: &str) -> Option<Code> {
    if kept.discounts.iter().any(|d| d.rule == rule) {
        return None;
    }
    let entry = kept
        .trace
        .iter()
        .find(|e| e.kind == Kind::Discount && e.rule == rule)?;
    let code = match (entry.code, &kept.promo_code) {
        (Code::PromoCodeRefused, Some(code)) => code.reason,
        (code, _) => code,
    };
    SHORT_OF_A_MINIMUM.contains(&code).then_some(code)
}

/// The refund's explanation: each line paid back, each broken discount, and the points and
/// store credit moved.
fn trace(refund: &Refund, points_back: PointsBack) -> Vec<Entry> {
    let mut trace: Vec<Entry> = refund
        .lines
        .iter()
        .map(|line| {
            Entry::new(Kind::Return, &line.sku, true, Code::Refunded)
                .amount(line.refund)
                .param("line", line.line)
                .param("sku", &line.sku)
                .param("units", line.returned)
        })
        .collect();
    for broken in &refund.broken {
        let reclaim = broken.policy == BrokenMinimums::Reclaim;
        let code = if reclaim { Code::Reclaimed } else { Code::Kept };
        trace.push(
            Entry::new(Kind::Return, &broken.rule, reclaim, code)
                .amount(broken.amount)
                .param("reason", broken.reason.as_str()),
        );
    }
    if !refund.released.is_zero() {
        trace
            .push(Entry::new(Kind::Return, "refund", true, Code::Released).amount(refund.released));
    }
    if refund.points_given_back > 0 {
        let how = match points_back {
            PointsBack::InProportion => "in_proportion",
            PointsBack::First => "first",
        };
        trace.push(
            Entry::new(Kind::Redemption, "points", true, Code::GivenBack)
                .param("points", refund.points_given_back)
                .param("how", how),
        );
    }
    if refund.points_clawed_back > 0 {
        trace.push(
            Entry::new(Kind::Points, "points", true, Code::ClawedBack)
                .amount(refund.points_clawed_back)
                .param("debt", refund.points_debt),
        );
    }
    if !refund.store_credit_clawed_back.is_zero() {
        trace.push(
            Entry::new(Kind::Cashback, "cashback", true, Code::ClawedBack)
                .amount(refund.store_credit_clawed_back),
        );
    }
    trace
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
