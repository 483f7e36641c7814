//! Buy X get Y: for every `buy + get` units in scope, `get` of them at `percent` off (100: free),
//! up to a number of times; the cheapest `get` of each set of units counted dearest first, so
//! that one more unit never costs more than its price, or the dearest units outright. Rounded on
//! each line. Trace: `applied` with the free units, or `below_buy_get` with the units missing.

use super::limits::most_applications;
use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::Code;
use crate::money::exact::Fraction;
use crate::money::Rounding;
use crate::rules::allocation::apply_share;
use crate::rules::order::{by_unit_price, units_in, OrderLine, Rate, RuleEntries, Verdict};
use crate::rules::values::{Check, Percent};

/// Buy `buy`, get `get` at `percent` off, up to `max` times (u64::MAX: no limit).
#[derive(Debug, Clone, Copy)]
pub struct BuyGet {
    pub buy: u64,
    pub get: u64,
    pub percent: Percent,
    pub max: u64,
    pub dearest_first: bool,
}

/// Compiles a `buy_get` value: both counts at least one, the percentage and the limit checked.
pub(crate) fn compile(
    buy: u32,
    get: u32,
    percent: rust_decimal::Decimal,
    max_applications: Option<u32>,
    pick: format::Pick,
    check: &Check,
    path: &impl Fn(&str) -> String,
) -> Result<BuyGet> {
    for (field, value) in [("buy", buy), ("get", get)] {
        if value == 0 {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                path(&format!("value.{field}")),
                "a buy-X-get-Y offer counts at least one unit",
            ));
        }
    }
    let max = most_applications(max_applications, &|| path("value.max_applications"))?;
    Ok(BuyGet {
        buy: u64::from(buy),
        get: u64::from(get),
        percent: check.percent(percent, &|| path("value.percent"))?,
        max,
        dearest_first: pick == format::Pick::MostExpensive,
    })
}

impl BuyGet {
    /// Whether the units in scope make at least one set; `rule`: the rule's index.
    #[inline]
    pub(crate) fn eligible(
        &self,
        rule: usize,
        lines: &[OrderLine],
        in_scope: &[usize],
        entries: RuleEntries,
    ) -> Verdict {
        let units = units_in(lines, in_scope, None);
        let applications = (units / (self.buy + self.get)).min(self.max);
        if applications == 0 {
            return Err(entries.refused(Code::BelowBuyGet, |e| {
                e.param("quantity", self.buy + self.get - units)
                    .param("get", self.get)
            }));
        }
        let entry = entries.applied(|e| {
            e.param("free_units", applications * self.get)
                .param("percent", self.percent.text)
        });
        Ok((Rate::BuyGet(rule), entry))
    }

    /// What the offer takes off each line in scope (by position), from what is left of it.
    pub(crate) fn split(
        &self,
        lines: &[OrderLine],
        in_scope: &[usize],
        remaining: &[i128],
        rounding: Rounding,
        parts: &mut Vec<i128>,
        by_price: &mut Vec<(i128, usize)>,
    ) {
        let BuyGet {
            buy,
            get,
            percent,
            max,
            dearest_first,
        } = *self;
        let group = buy + get;
        let units = units_in(lines, in_scope, None);
        let applications = (units / group).min(max);
        // How many of the first `x` units, dearest first, the offer gives: the cheapest
        // `get` of each set of `buy + get` (so that one more unit never costs more than its
        // price), or the dearest units outright.
        let given = |x: u64| -> u64 {
            if dearest_first {
                x.min(applications * get)
            } else {
                let x = x.min(applications * group);
                (x / group) * get + (x % group).saturating_sub(buy)
            }
        };
        // The lines in scope by unit price, dearest first, ties in cart order.
        by_unit_price(lines, in_scope, true, by_price);
        parts.clear();
        parts.resize(in_scope.len(), 0);
        let mut counted = 0;
        for &(_, position) in by_price.iter() {
            let at = in_scope[position];
            let quantity = u64::from(lines[at].quantity);
            let taken = given(counted + quantity) - given(counted);
            counted += quantity;
            // Those units at what is left of their line (after any rule before), at the
            // percentage.
            let share = Fraction::new(u128::from(taken), u128::from(quantity.max(1)))
                .and_then(|units| units.times(percent.share));
            parts[position] = share
                .and_then(|share| apply_share(share, remaining[at], rounding).ok())
                .map_or(0, |part| part.min(remaining[at]));
        }
    }
}
