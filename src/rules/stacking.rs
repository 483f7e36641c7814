//! How discount rules stack: combining classes (a rule gives way to an earlier one of a class
//! it does not combine with), an exclusive rule that blocks every other, and best-of rules of
//! which only the one that takes the most applies. Trace: `does_not_combine`,
//! `blocked_by_exclusive`, `lost_to_better_offer` with what it would have taken.

use super::allocation::cap_parts;
use super::compiled::Rules;
use super::discount_rule::{budget_left, DiscountRule};
use super::order::{Candidate, Sheet, Split};
use crate::format::program::Stacking;
use crate::format::trace::{Code, Entry};
use crate::money::exact::decimal_of;

/// The earlier applied rule that `rule` gives way to, its class not combining with theirs.
#[inline]
pub(crate) fn gives_way_to(
    discounts: &[DiscountRule],
    applied: &[usize],
    rule: &DiscountRule,
) -> Option<usize> {
    applied
        .iter()
        .copied()
        .find(|&earlier| !discounts[earlier].combines(rule))
}

/// Keeps the rules that may apply together and notes why the others do not. An exclusive rule
/// (the first by priority) blocks every other; among best-of rules the one that takes the
/// most at its place in the order, after every rule before it, applies.
#[inline]
pub(crate) fn settle(
    sheet: &Sheet,
    rules: &Rules,
    candidates: &mut Vec<Candidate>,
    scope_lines: &[usize],
    entries: &mut Vec<(usize, Entry)>,
) {
    let blocked = |entry: Entry, code: Code, by: usize| {
        Entry {
            applied: false,
            code,
            ..entry
        }
        .param("by", &rules.discounts[by].id)
    };
    let stacking = |c: &Candidate| rules.discounts[c.rule].stacking;
    let mut drop_all_but = |candidates: &mut Vec<Candidate>,
                            keep: &dyn Fn(usize, &Candidate) -> bool,
                            why: &dyn Fn(usize, Entry) -> Entry| {
        let mut index = 0;
        candidates.retain_mut(|candidate| {
            let kept = keep(index, candidate);
            if !kept {
                entries.extend(
                    candidate
                        .entry
                        .take()
                        .map(|entry| (candidate.rule, why(index, entry))),
                );
            }
            index += 1;
            kept
        });
    };
    if let Some(winner) = candidates
        .iter()
        .position(|c| stacking(c) == Stacking::Exclusive)
    {
        let winner_rule = candidates[winner].rule;
        drop_all_but(candidates, &|index, _| index == winner, &|_, entry| {
            blocked(entry, Code::BlockedByExclusive, winner_rule)
        });
        return;
    }
    let best_of: Vec<usize> = (0..candidates.len())
        .filter(|&i| stacking(&candidates[i]) == Stacking::BestOf)
        .collect();
    if best_of.len() < 2 {
        return;
    }
    // What each best-of rule takes when it alone of its kind applies, in its place.
    let mut split_buffers = Split::default();
    let takes: Vec<i128> = best_of
        .iter()
        .map(|&contender| {
            let mut remaining = sheet.out.line_subtotals.clone();
            remaining.extend_from_slice(&sheet.order.shipping);
            let mut shares = Vec::new();
            let mut taken = 0;
            for (index, candidate) in candidates.iter().enumerate() {
                if stacking(candidate) == Stacking::BestOf && index != contender {
                    continue;
                }
                shares.clear();
                rules.discounts[candidate.rule].split(
                    candidate.rate,
                    &sheet.order.lines,
                    &scope_lines[candidate.lines.clone()],
                    &remaining,
                    rules.rounding,
                    &mut shares,
                    &mut split_buffers,
                );
                // A budget caps what a rule takes here as when it applies.
                if let Some(left) = budget_left(
                    &rules.discounts,
                    &rules.promo_codes,
                    sheet.order,
                    candidate.rule,
                    candidate.code,
                ) {
                    cap_parts(&mut shares, 0, left, &mut split_buffers);
                }
                for (line, part) in &shares {
                    remaining[*line] -= part;
                }
                if index == contender {
                    taken = shares.iter().map(|(_, part)| part).sum();
                    break;
                }
            }
            taken
        })
        .collect();
    // The largest; on a tie, the first by priority.
    let (winner_at, _) =
        takes.iter().enumerate().fold(
            (0, -1),
            |best, (at, &take)| if take > best.1 { (at, take) } else { best },
        );
    let winner = best_of[winner_at];
    let winner_rule = candidates[winner].rule;
    let lost = |index: usize| best_of.iter().position(|&b| b == index && b != winner);
    drop_all_but(
        candidates,
        &|index, _| lost(index).is_none(),
        &|index, entry| {
            let would_take = lost(index).map_or(0, |at| takes[at]);
            blocked(entry, Code::LostToBetterOffer, winner_rule)
                .param("would_take", decimal_of(would_take, rules.units))
        },
    );
}
