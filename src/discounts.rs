//! Discount rules: eligibility, stacking, and exact allocation of each discount to lines.

use crate::cart::Cart;
use crate::customer::Customer;
use crate::money::{allocate, Money};
use crate::program::{DiscountRule, DiscountValue, Program, Stacking};
use crate::promo::{excludes, same_code, PromoCheck};
use crate::trace::{Entry, Kind};
use rust_decimal::Decimal;

/// Everything a rule may look at.
pub struct Context<'a> {
    pub program: &'a Program,
    pub customer: &'a Customer,
    pub cart: &'a Cart,
    pub money: Money,
    /// Each line's price × quantity.
    pub line_subtotals: &'a [Decimal],
    pub subtotal: Decimal,
    /// The customer's tier when the order is placed.
    pub tier: Option<usize>,
    pub promo: Option<&'a PromoCheck<'a>>,
}

/// One discount that applied, with its exact split over the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub rule: String,
    pub amount: Decimal,
    /// `(line index, amount)` for every line that received part of it.
    pub lines: Vec<(usize, Decimal)>,
}

pub struct Outcome {
    pub applied: Vec<Applied>,
    /// The total discount on each line.
    pub per_line: Vec<Decimal>,
    pub trace: Vec<Entry>,
}

/// How an eligible rule takes money off.
#[derive(Debug, Clone, Copy)]
enum Rate {
    Percent(Decimal),
    Fixed(Decimal),
    PerUnit(Decimal),
}

struct Candidate<'a> {
    rule: &'a DiscountRule,
    order: usize,
    rate: Rate,
    lines: Vec<usize>,
    entry: Entry,
}

pub fn apply(ctx: &Context) -> Outcome {
    let mut trace = Vec::new();
    let mut candidates = Vec::new();
    for (order, rule) in ctx.program.discounts.iter().enumerate() {
        match eligibility(ctx, rule) {
            Ok((rate, lines, entry)) => candidates.push(Candidate {
                rule,
                order,
                rate,
                lines,
                entry,
            }),
            Err(entry) => trace.push((order, entry)),
        }
    }
    candidates.sort_by(|a, b| {
        b.rule
            .priority
            .cmp(&a.rule.priority)
            .then(a.order.cmp(&b.order))
    });
    let survivors = settle_stacking(ctx, candidates, &mut trace);

    let mut remaining = ctx.line_subtotals.to_vec();
    let mut applied = Vec::new();
    for candidate in survivors {
        let split = split(ctx, &candidate, &remaining);
        let amount: Decimal = split.iter().map(|(_, part)| *part).sum();
        if amount.is_zero() {
            trace.push((
                candidate.order,
                Entry {
                    applied: false,
                    code: "nothing_left_to_discount",
                    ..candidate.entry
                },
            ));
            continue;
        }
        for (index, part) in &split {
            remaining[*index] -= *part;
        }
        trace.push((candidate.order, candidate.entry.amount(amount)));
        applied.push(Applied {
            rule: candidate.rule.id.clone(),
            amount,
            lines: split,
        });
    }
    trace.sort_by_key(|(order, _)| *order);
    let per_line = ctx
        .line_subtotals
        .iter()
        .zip(&remaining)
        .map(|(total, left)| *total - *left)
        .collect();
    Outcome {
        applied,
        per_line,
        trace: trace.into_iter().map(|(_, entry)| entry).collect(),
    }
}

/// Keeps the rules that may apply together, and writes why the others do not.
fn settle_stacking<'a>(
    ctx: &Context,
    candidates: Vec<Candidate<'a>>,
    trace: &mut Vec<(usize, Entry)>,
) -> Vec<Candidate<'a>> {
    if let Some(winner) = candidates
        .iter()
        .position(|c| c.rule.stacking == Stacking::Exclusive)
    {
        let winner_id = candidates[winner].rule.id.clone();
        let mut kept = Vec::new();
        for (index, candidate) in candidates.into_iter().enumerate() {
            if index == winner {
                kept.push(candidate);
            } else {
                trace.push((
                    candidate.order,
                    blocked(candidate.entry, "blocked_by_exclusive", &winner_id),
                ));
            }
        }
        return kept;
    }
    let best = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.rule.stacking == Stacking::BestOf)
        .map(|(index, c)| {
            (
                index,
                split(ctx, c, ctx.line_subtotals)
                    .iter()
                    .map(|(_, part)| *part)
                    .sum::<Decimal>(),
            )
        })
        .fold(
            None,
            |best: Option<(usize, Decimal)>, (index, amount)| match best {
                Some((_, top)) if top >= amount => best,
                _ => Some((index, amount)),
            },
        );
    let Some((winner, _)) = best else {
        return candidates;
    };
    let winner_id = candidates[winner].rule.id.clone();
    let mut kept = Vec::new();
    for (index, candidate) in candidates.into_iter().enumerate() {
        if candidate.rule.stacking == Stacking::BestOf && index != winner {
            trace.push((
                candidate.order,
                blocked(candidate.entry, "lost_to_better_offer", &winner_id),
            ));
        } else {
            kept.push(candidate);
        }
    }
    kept
}

fn blocked(entry: Entry, code: &'static str, by: &str) -> Entry {
    Entry {
        applied: false,
        code,
        ..entry
    }
    .param("by", by)
}

/// The rule's amount on each of its lines, given what is left of every line.
fn split(ctx: &Context, candidate: &Candidate, remaining: &[Decimal]) -> Vec<(usize, Decimal)> {
    let money = &ctx.money;
    let weights: Vec<Decimal> = candidate.lines.iter().map(|&i| remaining[i]).collect();
    let base: Decimal = weights.iter().copied().sum();
    let parts = match candidate.rate {
        Rate::Percent(percent) => allocate(
            money,
            money.round(base * percent / Decimal::ONE_HUNDRED).min(base),
            &weights,
        ),
        Rate::Fixed(amount) => allocate(money, amount.min(base), &weights),
        Rate::PerUnit(amount) => candidate
            .lines
            .iter()
            .map(|&i| {
                money.round((amount * Decimal::from(ctx.cart.lines[i].quantity)).min(remaining[i]))
            })
            .collect(),
    };
    candidate
        .lines
        .iter()
        .copied()
        .zip(parts)
        .filter(|(_, part)| !part.is_zero())
        .collect()
}

/// The rule's rate and lines when it is eligible; otherwise the trace entry saying why not.
fn eligibility(ctx: &Context, rule: &DiscountRule) -> Result<(Rate, Vec<usize>, Entry), Entry> {
    let no = |code: &'static str| Entry::new(Kind::Discount, &rule.id, false, code);
    let conditions = &rule.conditions;
    let date = ctx.cart.date;
    if let Some(from) = conditions.valid_from.filter(|from| date < *from) {
        return Err(no("not_yet_valid").param("valid_from", from));
    }
    if let Some(until) = conditions.valid_until.filter(|until| date > *until) {
        return Err(no("expired").param("valid_until", until));
    }
    if let Some(required) = conditions.first_purchase_made {
        if required != ctx.customer.first_purchase_made {
            return Err(no(if required {
                "needs_first_purchase"
            } else {
                "first_purchase_only"
            }));
        }
    }
    if !conditions.tiers.is_empty() {
        let tier = ctx.tier.map(|i| ctx.program.tiers[i].id.as_str());
        if !tier.is_some_and(|tier| conditions.tiers.iter().any(|t| t == tier)) {
            return Err(no("tier_not_eligible")
                .param("tiers", conditions.tiers.join(", "))
                .param("tier", tier.unwrap_or("")));
        }
    }
    if conditions.members_only && !ctx.customer.is_member(date) {
        return Err(no("members_only"));
    }
    let promo = match &conditions.promo_code {
        None => None,
        Some(code) => match ctx.promo {
            Some(check) if check.accepted && same_code(&check.code, code) => check.definition,
            Some(check) if same_code(&check.code, code) => {
                return Err(no("promo_code_refused")
                    .param("code", code)
                    .param("reason", check.entry.code))
            }
            _ => return Err(no("promo_code_missing").param("code", code)),
        },
    };
    if let Some(min) = conditions.min_subtotal.filter(|min| ctx.subtotal < *min) {
        return Err(no("below_min_subtotal")
            .param("min_subtotal", min)
            .param("subtotal", ctx.subtotal)
            .param("remaining", min - ctx.subtotal));
    }
    let lines: Vec<usize> = ctx
        .cart
        .lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            rule.scope
                .contains(&line.category, &line.sku, line.promotional)
        })
        .filter(|(_, line)| !promo.is_some_and(|promo| excludes(promo, line)))
        .map(|(index, _)| index)
        .collect();
    if lines.is_empty() {
        return Err(no("no_lines_in_scope"));
    }
    let applied = Entry::new(Kind::Discount, &rule.id, true, "applied");
    let (rate, entry) = match &rule.value {
        DiscountValue::Percent { percent } => {
            (Rate::Percent(*percent), applied.param("percent", percent))
        }
        DiscountValue::Fixed { amount } => (Rate::Fixed(*amount), applied.param("amount", amount)),
        DiscountValue::FixedPerUnit { amount } => (
            Rate::PerUnit(*amount),
            applied.param("amount_per_unit", amount),
        ),
        DiscountValue::TierPercent => {
            let tier = ctx.tier.map(|i| &ctx.program.tiers[i]);
            match tier.and_then(|tier| {
                tier.discount_percent
                    .filter(|p| !p.is_zero())
                    .map(|p| (tier, p))
            }) {
                Some((tier, percent)) => (
                    Rate::Percent(percent),
                    applied.param("percent", percent).param("tier", &tier.id),
                ),
                None => {
                    return Err(no("tier_has_no_discount")
                        .param("tier", tier.map(|t| t.id.as_str()).unwrap_or("")))
                }
            }
        }
        DiscountValue::SpendSteps {
            steps,
            include_current_order,
        } => {
            let lifetime: Decimal = ctx.customer.spend.iter().map(|record| record.amount).sum();
            let cumulative = if *include_current_order {
                lifetime + ctx.subtotal
            } else {
                lifetime
            };
            match steps.iter().rev().find(|step| step.from <= cumulative) {
                Some(step) => (
                    Rate::Percent(step.percent),
                    applied
                        .param("percent", step.percent)
                        .param("cumulative_spend", cumulative)
                        .param("step_from", step.from),
                ),
                None => {
                    let first = &steps[0];
                    return Err(no("below_first_step")
                        .param("cumulative_spend", cumulative)
                        .param("step_from", first.from)
                        .param("remaining", first.from - cumulative));
                }
            }
        }
    };
    let (rate, entry) = match (rate, &rule.inactivity, ctx.customer.last_purchase) {
        (Rate::Percent(_), Some(inactivity), Some(last))
            if (date - last).num_days() > i64::from(inactivity.after_days) =>
        {
            (
                Rate::Percent(inactivity.percent),
                entry
                    .param("percent", inactivity.percent)
                    .param("inactive_days", (date - last).num_days())
                    .param("after_days", inactivity.after_days),
            )
        }
        _ => (rate, entry),
    };
    Ok((rate, lines, entry))
}
