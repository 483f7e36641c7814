//! Cashback and store credit: a percentage of the order back as store credit, in some
//! categories or all, within a monthly cap, with the credit non-purchase events give. Trace:
//! `earned` or `capped`, with the base, the event credit and what the cap leaves.

use crate::error::Result;
use crate::format::program as format;
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate::overflow;
use crate::rules::allocation::apply_share;
use crate::rules::order::{CashbackResult, Sheet};
use crate::rules::values::{Amount, Context, Percent};

#[derive(Debug, Clone)]
pub struct CashbackRule {
    pub percent: Percent,
    /// Empty means every category.
    pub categories: Vec<u32>,
    pub cap_per_month: Option<Amount>,
}

/// Compiles the program's `cashback`.
pub(crate) fn compile(
    cashback: Option<&format::Cashback>,
    context: &mut Context,
) -> Result<Option<CashbackRule>> {
    Ok(match cashback {
        None => None,
        Some(format::Cashback {
            percent: p,
            categories: in_categories,
            cap_per_month,
        }) => Some(CashbackRule {
            percent: context.check.percent(*p, &|| "cashback.percent".into())?,
            categories: context.categories.all(in_categories),
            cap_per_month: match cap_per_month {
                Some(cap) => Some(
                    context
                        .check
                        .amount(*cap, &|| "cashback.cap_per_month".into())?,
                ),
                None => None,
            },
        }),
    })
}

/// Store credit the order earns: a percentage of what the lines in its categories come to after
/// discounts, with the credit events give, within what the monthly cap leaves.
#[inline]
pub(crate) fn price(
    sheet: &mut Sheet,
    rule: Option<&CashbackRule>,
    event_credit: i128,
) -> Result<()> {
    let order = sheet.order;
    if rule.is_none() && event_credit == 0 {
        sheet.out.cashback = None;
        return Ok(());
    }
    let out = &*sheet.out;
    let base: i128 = order
        .lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            rule.is_some_and(|r| {
                r.categories.is_empty()
                    || line.category_id.is_some_and(|c| r.categories.contains(&c))
            })
        })
        .map(|(at, _)| out.line_subtotals[at] - out.line_discounts[at])
        .sum();
    let from_spend = match rule {
        Some(r) => apply_share(r.percent.share, base, sheet.rounding)?,
        None => 0,
    };
    let wanted = from_spend
        .checked_add(event_credit)
        .ok_or_else(|| overflow("cart.events"))?;
    let cap_left = rule
        .and_then(|r| r.cap_per_month)
        .map(|cap| (cap.minor - sheet.standing.credit_this_month).max(0));
    let earned = cap_left.map_or(wanted, |left| wanted.min(left));
    sheet.note(|s| {
        let code = if earned < wanted {
            Code::Capped
        } else {
            Code::Earned
        };
        let percent = rule.map_or(rust_decimal::Decimal::ZERO, |r| r.percent.text);
        let entry = Entry::new(Kind::Cashback, "cashback", earned != 0, code)
            .amount(s.money(earned))
            .param("percent", percent)
            .param("base", s.money(base))
            .param("event_credit", s.money(event_credit));
        match cap_left {
            Some(left) => entry.param("cap_remaining", s.money(left)),
            None => entry,
        }
    });
    sheet.out.cashback = Some(CashbackResult {
        earned,
        cap_remaining: cap_left.map(|left| left - earned),
    });
    Ok(())
}
