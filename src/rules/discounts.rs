//! The order's discounts, one stage of the pricer: every rule by priority asked whether it
//! applies, stacking settled, then each applied rule split over its lines from what earlier rules
//! left, within its budget and its promo code's, delivery charges after the lines.

use super::allocation::cap_parts;
use super::compiled::Rules;
use super::discount_rule::Lookups;
use super::mechanics::delivery;
use super::mechanics::limits::tighter;
use super::order::{Applied, PromoResult, Sheet};
use super::stacking;
use crate::format::trace::{Code, Entry};
use crate::money::exact::decimal_of;

/// Applies the discount rules, by priority: each rule's eligibility, then stacking, then each
/// rule's split over its lines within its budget and its code's; returns their trace entries in
/// the program's order.
pub(crate) fn apply(
    sheet: &mut Sheet,
    rules: &Rules,
    promo: Option<&(PromoResult, Option<Entry>)>,
) -> Vec<Entry> {
    let lookups = Lookups {
        promo_codes: &rules.promo_codes,
        tiers: &rules.tiers,
    };
    let mut entries: Vec<(usize, Entry)> = Vec::new();
    let mut candidates = std::mem::take(&mut sheet.scratch.candidates);
    let mut scope_lines = std::mem::take(&mut sheet.scratch.scope_lines);
    candidates.clear();
    scope_lines.clear();
    for &index in &rules.by_priority {
        let promo = promo.map(|(result, _)| result);
        match rules.discounts[index].eligibility(index, sheet, &lookups, promo, &mut scope_lines) {
            Ok(candidate) => candidates.push(candidate),
            Err(entry) => entries.extend(entry.map(|e| (index, e))),
        }
    }
    stacking::settle(sheet, rules, &mut candidates, &scope_lines, &mut entries);
    let order = sheet.order;
    let out = &mut *sheet.out;
    let scratch = &mut sheet.scratch;
    out.applied.clear();
    out.shares.clear();
    let remaining = &mut scratch.remaining;
    remaining.clear();
    remaining.extend_from_slice(&out.line_subtotals);
    // Delivery charges follow the lines: the same split and caps apply to them.
    remaining.extend_from_slice(&order.shipping);
    // What is left of each code's budget as its rules apply one after another.
    let mut code_budgets: Vec<(usize, i128)> = Vec::new();
    // The rules applied so far, which a rule of a class they do not combine with gives way to.
    let mut applied_rules: Vec<usize> = Vec::new();
    for candidate in candidates.drain(..) {
        let rule = &rules.discounts[candidate.rule];
        if let Some(by) = stacking::gives_way_to(&rules.discounts, &applied_rules, rule) {
            entries.extend(candidate.entry.map(|entry| {
                let entry = Entry {
                    applied: false,
                    code: Code::DoesNotCombine,
                    ..entry
                };
                (candidate.rule, entry.param("by", &rules.discounts[by].id))
            }));
            continue;
        }
        let start = out.shares.len();
        rules.discounts[candidate.rule].split(
            candidate.rate,
            &order.lines,
            &scope_lines[candidate.lines.clone()],
            remaining,
            rules.rounding,
            &mut out.shares,
            &mut scratch.split,
        );
        let mut amount: i128 = out.shares[start..].iter().map(|(_, part)| part).sum();
        // A budget caps what a rule (and the code it needs) gives: the parts shrink to it.
        let rule_left =
            order.rule_budget_left(rules.discounts[candidate.rule].limits, candidate.rule);
        // A code's budget as the rules before this one in the order have left it.
        let code_left = candidate.code.and_then(|code| {
            let before = order.code_budget_left(rules.promo_codes[code].limits, code)?;
            Some(match code_budgets.iter().find(|(at, _)| *at == code) {
                Some((_, left)) => *left,
                None => before,
            })
        });
        if let Some(left) = tighter(rule_left, code_left) {
            amount = cap_parts(&mut out.shares, start, left, &mut scratch.split);
        }
        if let Some(code) = candidate.code.filter(|_| code_left.is_some()) {
            let left = code_left.unwrap_or(0) - amount;
            match code_budgets.iter_mut().find(|(at, _)| *at == code) {
                Some(entry) => entry.1 = left,
                None => code_budgets.push((code, left)),
            }
        }
        if amount == 0 {
            entries.extend(candidate.entry.map(|entry| {
                (
                    candidate.rule,
                    Entry {
                        applied: false,
                        code: Code::NothingLeftToDiscount,
                        ..entry
                    },
                )
            }));
            continue;
        }
        for (line, part) in &out.shares[start..] {
            remaining[*line] -= part;
        }
        let limits = rules.discounts[candidate.rule].limits;
        let used = order.rule_used(candidate.rule);
        entries.extend(candidate.entry.map(|entry| {
            let mut entry = entry.amount(decimal_of(amount, rules.units));
            // What the limits leave after this order, for the host to show or record.
            if let Some(max) = limits.and_then(|l| l.uses) {
                entry = entry.param("uses_left", max.saturating_sub(used.uses + 1));
            }
            if let Some(left) = rule_left {
                entry = entry.param("budget_left", decimal_of(left - amount, rules.units));
            }
            (candidate.rule, entry)
        }));
        out.applied.push(Applied {
            rule: candidate.rule,
            amount,
            shares: start..out.shares.len(),
        });
        applied_rules.push(candidate.rule);
    }
    out.line_discounts.clear();
    out.line_discounts.extend(
        out.line_subtotals
            .iter()
            .zip(remaining.iter())
            .map(|(total, left)| total - left),
    );
    // A rule short of its minimum subtotal that would give way on reaching it, to a rule applied
    // before it by priority whose class it does not combine with, says so instead of asking for
    // more in the cart.
    let rank = |rule: usize| rules.by_priority.iter().position(|&at| at == rule);
    for (index, entry) in &mut entries {
        if entry.code != Code::BelowMinSubtotal {
            continue;
        }
        let rule = &rules.discounts[*index];
        let by = applied_rules
            .iter()
            .find(|&&at| rank(at) < rank(*index) && !rules.discounts[at].combines(rule));
        if let Some(&by) = by {
            entry.code = Code::DoesNotCombine;
            entry.params.insert("by", rules.discounts[by].id.clone());
        }
    }
    delivery::settle(order, out, remaining);
    scratch.candidates = candidates;
    scratch.scope_lines = scope_lines;
    entries.sort_by_key(|(index, _)| *index);
    entries.into_iter().map(|(_, entry)| entry).collect()
}
