//! Delivery: the cart's delivery charges, and discounts off them (free delivery, a percentage or
//! an amount off delivery), which apply to the charges alone, after the lines; whether delivery
//! counts toward minimums and earns points is the program's `shipping` (see `Sheet` and `earn`).
//! Trace: a delivery discount's entry says `delivery`, or `no_shipping` on a cart without it.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program::{self as format, DiscountClass};
use crate::format::trace::Entry;
use crate::money::exact::Fraction;
use crate::rules::order::{Order, Outcome};
use crate::rules::values::Percent;
use rust_decimal::Decimal;

/// Free delivery: all of it off.
pub(crate) fn free() -> Percent {
    Percent {
        share: Fraction::ONE,
        text: Decimal::ONE_HUNDRED,
    }
}

/// A delivery discount has no scope and no lower rate after inactivity.
pub(crate) fn check_rule(
    class: DiscountClass,
    has_inactivity: bool,
    scope: &format::Scope,
    path: &impl Fn(&str) -> String,
) -> Result<()> {
    if class == DiscountClass::Shipping && has_inactivity {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path("inactivity"),
            "a delivery discount has no lower rate after inactivity",
        ));
    }
    if class == DiscountClass::Shipping && *scope != format::Scope::default() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path("scope"),
            "a delivery discount applies to the cart's delivery: give it no scope",
        ));
    }
    Ok(())
}

/// A delivery discount's lines: the delivery charges, which stand after the order's lines.
#[inline]
pub(crate) fn scope_lines(order: &Order, scope_lines: &mut Vec<usize>) {
    let items = order.lines.len();
    scope_lines.extend(items..items + order.shipping.len());
}

/// A delivery discount's entry says it is off delivery, whatever its value.
#[inline]
pub(crate) fn say(entry: Entry) -> Entry {
    entry.param("delivery", true)
}

/// What the discounts took off each delivery charge, and the delivery left to pay, from what is
/// left of every line and charge (charges after the lines).
#[inline]
pub(crate) fn settle(order: &Order, out: &mut Outcome, remaining: &[i128]) {
    let delivery_left = &remaining[out.line_subtotals.len()..];
    out.shipping_discounts.clear();
    out.shipping_discounts.extend(
        order
            .shipping
            .iter()
            .zip(delivery_left)
            .map(|(price, left)| price - left),
    );
    out.shipping_total = delivery_left.iter().sum();
}
