//! Usage limits: how many times a rule or promo code may be used, in all and by one customer,
//! and the budget it may give away, as the host's records say it has been used so far. Trace:
//! `usage_limit_reached` with the limit, and `uses_left` / `budget_left` on an applied rule.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::rules::order::{Order, Used};
use crate::rules::values::Check;

/// Usage limits in integers: uses, and a budget in minor units.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    pub uses: Option<u64>,
    pub uses_per_customer: Option<u64>,
    pub budget: Option<i128>,
}

/// Limits compiled: each at least one use, a budget a positive amount.
pub(crate) fn compile(
    limits: Option<&format::UsageLimits>,
    check: &Check,
    path: &dyn Fn() -> String,
) -> Result<Option<Limits>> {
    let Some(format::UsageLimits {
        uses,
        uses_per_customer,
        budget,
    }) = limits
    else {
        return Ok(None);
    };
    for (field, value) in [("uses", uses), ("uses_per_customer", uses_per_customer)] {
        if *value == Some(0) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                format!("{}.{field}", path()),
                "a limit allows at least one use; leave it out for none",
            ));
        }
    }
    let budget = match budget {
        Some(budget) => Some(
            check
                .amount(*budget, &|| format!("{}.budget", path()))?
                .minor,
        ),
        None => None,
    };
    Ok(Some(Limits {
        uses: *uses,
        uses_per_customer: *uses_per_customer,
        budget,
    }))
}

/// An offer's `max_applications` as a count (u64::MAX: no limit); zero is refused.
pub(crate) fn most_applications(max: Option<u32>, path: &dyn Fn() -> String) -> Result<u64> {
    match max {
        Some(0) => Err(Error::new(
            ErrorCode::OutOfRange,
            path(),
            "an offer applies at least once; leave the field out for no limit",
        )),
        max => Ok(max.map_or(u64::MAX, u64::from)),
    }
}

/// The limit an order would go past (`uses`, `uses_per_customer` or `budget`), if any.
#[inline]
pub(crate) fn limit_reached(limits: &Limits, used: Used) -> Option<&'static str> {
    if limits.uses.is_some_and(|max| used.uses >= max) {
        Some("uses")
    } else if limits
        .uses_per_customer
        .is_some_and(|max| used.customer_uses >= max)
    {
        Some("uses_per_customer")
    } else if limits.budget.is_some_and(|budget| used.spent >= budget) {
        Some("budget")
    } else {
        None
    }
}

/// The tighter of two budgets left, either of which may be absent.
#[inline]
pub(crate) fn tighter(a: Option<i128>, b: Option<i128>) -> Option<i128> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[inline]
pub(crate) fn used_of(usage: &[(usize, Used)], index: usize) -> Used {
    usage
        .iter()
        .find(|(at, _)| *at == index)
        .map_or(Used::default(), |(_, used)| *used)
}

impl Order<'_> {
    /// A limited promo code's uses and spend so far, by its index.
    #[inline]
    pub(crate) fn code_used(&self, promo: usize) -> Used {
        used_of(&self.code_usage, promo)
    }

    /// A limited discount rule's uses and spend so far, by its index.
    #[inline]
    pub(crate) fn rule_used(&self, rule: usize) -> Used {
        used_of(&self.rule_usage, rule)
    }
}

impl Order<'_> {
    /// What a rule's budget (its `limits`) leaves, as the host's records give it; `None` without
    /// a budget.
    #[inline]
    pub(crate) fn rule_budget_left(&self, limits: Option<Limits>, rule: usize) -> Option<i128> {
        Some(limits?.budget? - self.rule_used(rule).spent)
    }

    /// The same for a promo code's budget.
    #[inline]
    pub(crate) fn code_budget_left(&self, limits: Option<Limits>, code: usize) -> Option<i128> {
        Some(limits?.budget? - self.code_used(code).spent)
    }
}
