//! The one pricer: an order, for a customer standing where the ledger says, under compiled rules.
//! Discounts and their exact split over lines, the promo code, points earned and redeemed,
//! cashback, the tier the order reaches, and (when asked) the trace that explains each figure.

use super::allocation::{allocate_into, apply_share, cap_parts};
use super::compiled::{
    AttributeValue, Conditions, DiscountRule, DiscountValue, EarnRule, Multiplier, Percent,
    PromoRule, Rules,
};
use super::mechanics::conditions::{campaign, is_dated};
use super::mechanics::earn::{self, Earning};
use super::mechanics::included_tax;
use super::mechanics::limits::{limit_reached, tighter};
use super::mechanics::promo_code::{self, same_code};
use super::mechanics::{cashback, chances, events};
use super::mechanics::{commitment, tiers};
use super::mechanics::{multipliers, redemption};
pub use super::order::{
    Applied, CashbackResult, CommitmentResult, Order, OrderLine, Outcome, Placement, PointsResult,
    PromoResult, Standing, TaxShare, Used,
};
use super::order::{Candidate, Rate, Sheet, Split};
use crate::error::Result;
use crate::format::cart::Cart;
use crate::format::program::{DiscountClass, Qualifier, Stacking};
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate::overflow;
use crate::money::exact::{decimal_of, Fraction};
use chrono::NaiveDate;

impl Order<'_> {
    /// What a rule's budget leaves, as the host's records give it; `None` without a budget.
    fn rule_budget_left(&self, rules: &Rules, rule: usize) -> Option<i128> {
        let budget = rules.discounts[rule].limits?.budget?;
        Some(budget - self.rule_used(rule).spent)
    }

    /// The same for a promo code's budget.
    fn code_budget_left(&self, rules: &Rules, code: usize) -> Option<i128> {
        let budget = rules.promo_codes[code].limits?.budget?;
        Some(budget - self.code_used(code).spent)
    }
}

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

/// Prices one order; with `trace`, every rule's entry is written too.
pub fn price(rules: &Rules, order: &Order, standing: &Standing, trace: bool) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    price_into(rules, order, standing, trace, &mut outcome)?;
    Ok(outcome)
}

/// The same, into an outcome whose buffers are reused from one order to the next.
pub fn price_into(
    rules: &Rules,
    order: &Order,
    standing: &Standing,
    trace: bool,
    out: &mut Outcome,
) -> Result<()> {
    run(rules, order, standing, trace, true, out)
}

/// Prices again an order whose outcome is in `out`, for a customer whose [`OrderKey`] is the same
/// as when it was priced: the order stage (discounts, points earned, cashback) stands, and only
/// the account stage (redemption against the balance, the tier reached) is worked out anew.
/// What a customer's repeated monthly order costs after its first month, without a trace.
pub fn reprice_into(
    rules: &Rules,
    order: &Order,
    standing: &Standing,
    out: &mut Outcome,
) -> Result<()> {
    run(rules, order, standing, false, false, out)
}

fn run(
    rules: &Rules,
    order: &Order,
    standing: &Standing,
    trace: bool,
    order_stage: bool,
    out: &mut Outcome,
) -> Result<()> {
    let scratch = std::mem::take(&mut out.scratch);
    let mut pricing = Pricing {
        rules,
        sheet: Sheet {
            order,
            standing,
            trace: if trace { Some(Vec::new()) } else { None },
            out,
            scratch,
            redemption_at: 0,
            units: rules.units,
            rounding: rules.rounding,
            delivery_counts: rules.shipping.counts_toward_minimums,
        },
    };
    let result = if order_stage {
        pricing.order_stage()
    } else {
        Ok(())
    };
    let result = result.and_then(|()| pricing.account_stage());
    pricing.sheet.out.scratch = pricing.sheet.scratch;
    result
}

/// Everything besides the order itself that the order stage reads: a customer's order priced
/// for the same key gives the same discounts, points earned and cashback. The standing is taken
/// apart without `..`, so a new field of it must be placed here (or said to be unread) before
/// the crate compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderKey {
    tier: Option<usize>,
    member: bool,
    first_purchase_made: bool,
    employee: bool,
    lifetime_spend: i128,
    credit_this_month: i128,
    date: Option<NaiveDate>,
    last_purchase: Option<NaiveDate>,
    birth_date: Option<NaiveDate>,
}

/// Which parts of the standing and the date a program's order stage reads, worked out once.
#[derive(Debug, Clone, Copy)]
pub struct Reads {
    date: bool,
    lifetime_spend: bool,
    credit: bool,
    last_purchase: bool,
}

impl Reads {
    pub fn of(rules: &Rules) -> Reads {
        let inactivity = rules.discounts.iter().any(|d| d.inactivity.is_some());
        Reads {
            // Validity windows, and the days since the last purchase.
            date: inactivity
                || rules.discounts.iter().any(|d| is_dated(&d.conditions))
                || rules
                    .points
                    .iter()
                    .flat_map(|p| &p.multipliers)
                    .any(|m| is_dated(&m.conditions))
                || rules
                    .promo_codes
                    .iter()
                    .any(|p| p.valid_from.is_some() || p.valid_until.is_some()),
            lifetime_spend: rules
                .discounts
                .iter()
                .any(|d| matches!(d.value, DiscountValue::SpendSteps { .. })),
            credit: rules
                .cashback
                .as_ref()
                .is_some_and(|c| c.cap_per_month.is_some()),
            last_purchase: inactivity,
        }
    }

    /// The key of an order on `date` for a customer standing so.
    pub fn key(&self, date: NaiveDate, standing: &Standing) -> OrderKey {
        let Standing {
            tier,
            qualifying: _, // the account stage: where the order leaves the customer
            lifetime_spend,
            first_purchase_made,
            member,
            last_purchase,
            balance: _, // the account stage: redemption
            credit_this_month,
            store_credit: _, // written out, never priced
            period_spend: _, // the account stage: commitments
            employee,
            birth_date,
            could_redeem: _, // the account stage: redemption
            redeemed: _,
        } = *standing;
        OrderKey {
            tier,
            member,
            first_purchase_made,
            employee,
            lifetime_spend: if self.lifetime_spend {
                lifetime_spend
            } else {
                0
            },
            credit_this_month: if self.credit { credit_this_month } else { 0 },
            date: self.date.then_some(date),
            last_purchase: if self.last_purchase {
                last_purchase
            } else {
                None
            },
            birth_date,
        }
    }
}

/// The pricer at work: the compiled rules, and the sheet of the order being priced.
struct Pricing<'r, 'o> {
    rules: &'r Rules,
    sheet: Sheet<'r, 'o>,
}

impl Pricing<'_, '_> {
    /// Writes a trace entry, built only when the trace is on.
    fn note(&mut self, entry: impl FnOnce(&Self) -> Entry) {
        if self.sheet.trace.is_some() {
            let entry = entry(self);
            if let Some(trace) = &mut self.sheet.trace {
                trace.push(entry);
            }
        }
    }

    /// The order stage: what the order comes to for the customer's tier and standing, before
    /// their points are spent: discounts, points earned and cashback.
    fn order_stage(&mut self) -> Result<()> {
        let out = &mut *self.sheet.out;
        out.line_subtotals.clear();
        for line in &self.sheet.order.lines {
            // Within the cart's validated limits: 10^18 minor units at most.
            out.line_subtotals
                .push(line.unit_price * i128::from(line.quantity));
        }
        out.subtotal = out.line_subtotals.iter().sum();
        let promo = promo_code::check(&self.sheet, &self.rules.promo_codes);
        let discount_trace = self.discounts(promo.as_ref());
        out_set_totals(self.sheet.out);
        if let Some(trace) = &mut self.sheet.trace {
            if let Some((_, entry)) = &promo {
                trace.extend(entry.clone());
            }
            trace.extend(discount_trace);
            self.sheet.redemption_at = trace.len();
        }
        self.sheet.out.promo = promo.map(|(result, _)| result);
        self.included_tax()?;
        self.sheet.out.order_points = self.earned_points()?;
        let event_credit = events::event_credit(&self.sheet, &self.rules.events)?;
        cashback::price(&mut self.sheet, self.rules.cashback.as_ref(), event_credit)
    }

    /// Included tax: see [`included_tax`].
    fn included_tax(&mut self) -> Result<()> {
        let out = &mut *self.sheet.out;
        out.line_tax.clear();
        out.tax.clear();
        let Some(tax) = &self.rules.tax else {
            return Ok(());
        };
        included_tax::price(&mut self.sheet, tax)
    }

    /// What the budgets of a rule and of the code it needs leave, as the host's records give
    /// them; `None` without a budget.
    fn budget_left(&self, rule: usize, code: Option<usize>) -> Option<i128> {
        let order = self.sheet.order;
        tighter(
            order.rule_budget_left(self.rules, rule),
            code.and_then(|code| order.code_budget_left(self.rules, code)),
        )
    }

    /// The account stage: the customer's points spent on the order, and where it leaves them
    /// among the tiers.
    fn account_stage(&mut self) -> Result<()> {
        let earned = redemption::price(&mut self.sheet, self.rules.points.as_ref());
        self.sheet.out.payable = self.sheet.out.after_discounts - self.sheet.out.points_value
            + self.sheet.out.shipping_total;
        // This order's own points are pending, when the program has pending days; they count
        // only where the program says pending points do.
        let pending_left_out = self
            .rules
            .points
            .as_ref()
            .is_some_and(|p| p.pending_days > 0 && !p.pending_count_toward_tiers);
        let contribution = match self.rules.tiering.qualifies_on {
            Qualifier::Spend => self.sheet.out.after_discounts,
            Qualifier::Points if pending_left_out => 0,
            Qualifier::Points => i128::from(earned),
        };
        self.tier(contribution);
        chances::note(&mut self.sheet, &self.rules.chances);
        self.sheet.out.trace = self.sheet.trace.take().unwrap_or_default();
        Ok(())
    }

    /// Applies the discount rules; returns their trace entries in the program's order.
    fn discounts(&mut self, promo: Option<&(PromoResult, Option<Entry>)>) -> Vec<Entry> {
        let rules = self.rules;
        let mut entries: Vec<(usize, Entry)> = Vec::new();
        let mut candidates = std::mem::take(&mut self.sheet.scratch.candidates);
        let mut scope_lines = std::mem::take(&mut self.sheet.scratch.scope_lines);
        candidates.clear();
        scope_lines.clear();
        for &index in &rules.by_priority {
            match self.eligibility(index, promo.map(|(result, _)| result), &mut scope_lines) {
                Ok(candidate) => candidates.push(candidate),
                Err(entry) => entries.extend(entry.map(|e| (index, e))),
            }
        }
        self.settle_stacking(&mut candidates, &scope_lines, &mut entries);
        let out = &mut *self.sheet.out;
        let scratch = &mut self.sheet.scratch;
        out.applied.clear();
        out.shares.clear();
        let remaining = &mut scratch.remaining;
        remaining.clear();
        remaining.extend_from_slice(&out.line_subtotals);
        // Delivery charges follow the lines: the same split and caps apply to them.
        remaining.extend_from_slice(&self.sheet.order.shipping);
        // What is left of each code's budget as its rules apply one after another.
        let mut code_budgets: Vec<(usize, i128)> = Vec::new();
        // The rules applied so far, which a rule of a class they do not combine with gives way to.
        let mut applied_rules: Vec<usize> = Vec::new();
        for candidate in candidates.drain(..) {
            let rule = &rules.discounts[candidate.rule];
            if let Some(&by) = applied_rules
                .iter()
                .find(|&&earlier| !rules.discounts[earlier].combines(rule))
            {
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
            split(
                rules,
                &self.sheet.order.lines,
                &candidate,
                &scope_lines,
                remaining,
                &mut out.shares,
                &mut scratch.split,
            );
            let mut amount: i128 = out.shares[start..].iter().map(|(_, part)| part).sum();
            // A budget caps what a rule (and the code it needs) gives: the parts shrink to it.
            let rule_left = self.sheet.order.rule_budget_left(rules, candidate.rule);
            // A code's budget as the rules before this one in the order have left it.
            let code_left = candidate.code.and_then(|code| {
                let before = self.sheet.order.code_budget_left(rules, code)?;
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
            let used = self.sheet.order.rule_used(candidate.rule);
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
        let delivery_left = &remaining[out.line_subtotals.len()..];
        out.shipping_discounts.clear();
        out.shipping_discounts.extend(
            self.sheet
                .order
                .shipping
                .iter()
                .zip(delivery_left)
                .map(|(price, left)| price - left),
        );
        out.shipping_total = delivery_left.iter().sum();
        scratch.candidates = candidates;
        scratch.scope_lines = scope_lines;
        entries.sort_by_key(|(index, _)| *index);
        entries.into_iter().map(|(_, entry)| entry).collect()
    }

    /// Keeps the rules that may apply together and notes why the others do not. An exclusive rule
    /// (the first by priority) blocks every other; among best-of rules the one that takes the
    /// most at its place in the order, after every rule before it, applies.
    fn settle_stacking(
        &self,
        candidates: &mut Vec<Candidate>,
        scope_lines: &[usize],
        entries: &mut Vec<(usize, Entry)>,
    ) {
        let rules = self.rules;
        let blocked = |entry: Entry, code: Code, by: usize| {
            Entry {
                applied: false,
                code,
                ..entry
            }
            .param("by", &rules.discounts[by].id)
        };
        let stacking = |c: &Candidate| rules.discounts[c.rule].stacking;
        let mut drop_all_but =
            |candidates: &mut Vec<Candidate>,
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
                let mut remaining = self.sheet.out.line_subtotals.clone();
                remaining.extend_from_slice(&self.sheet.order.shipping);
                let mut shares = Vec::new();
                let mut taken = 0;
                for (index, candidate) in candidates.iter().enumerate() {
                    if stacking(candidate) == Stacking::BestOf && index != contender {
                        continue;
                    }
                    shares.clear();
                    split(
                        rules,
                        &self.sheet.order.lines,
                        candidate,
                        scope_lines,
                        &remaining,
                        &mut shares,
                        &mut split_buffers,
                    );
                    // A budget caps what a rule takes here as when it applies.
                    if let Some(left) = self.budget_left(candidate.rule, candidate.code) {
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

    /// An unmet condition's entry with the figures that explain it.
    fn unmet_entry(&self, conditions: &Conditions, entry: Entry) -> Entry {
        let tier = self.sheet.standing.tier;
        conditions.unmet_entry(entry, tier.map_or("", |t| self.rules.tiers[t].id.as_str()))
    }

    /// The rule's rate and lines when it is eligible; otherwise its trace entry saying why not.
    fn eligibility(
        &self,
        index: usize,
        promo: Option<&PromoResult>,
        scope_lines: &mut Vec<usize>,
    ) -> std::result::Result<Candidate, Option<Entry>> {
        let rules = self.rules;
        let rule: &DiscountRule = &rules.discounts[index];
        let standing = self.sheet.standing;
        let tracing = self.sheet.trace.is_some();
        let no = |code: Code| Entry::new(Kind::Discount, &rule.id, false, code);
        let refuse = |entry: &dyn Fn() -> Entry| Err(tracing.then(entry));
        let conditions = &rule.conditions;
        let date = self.sheet.order.date;
        let subtotal = self.sheet.toward_minimums(self.sheet.out.subtotal);
        if let Some(code) = conditions.unmet(self.sheet.standing, self.sheet.order.date) {
            return refuse(&|| self.unmet_entry(conditions, no(code)));
        }
        if let Some(limit) = rule
            .limits
            .and_then(|limits| limit_reached(&limits, self.sheet.order.rule_used(index)))
        {
            return refuse(&|| no(Code::UsageLimitReached).param("limit", limit));
        }
        let promo_rule: Option<&PromoRule> = match conditions.promo_code {
            None => None,
            Some(code_index) => {
                let code = &rules.promo_codes[code_index];
                match promo {
                    Some(check) if same_code(&check.code, &code.code) && check.accepted => {
                        Some(code)
                    }
                    Some(check) if same_code(&check.code, &code.code) => {
                        return refuse(&|| {
                            no(Code::PromoCodeRefused)
                                .param("code", &code.code)
                                .param("reason", check.reason.as_str())
                        })
                    }
                    _ => return refuse(&|| no(Code::PromoCodeMissing).param("code", &code.code)),
                }
            }
        };
        if let Some(min) = conditions.min_subtotal.filter(|min| subtotal < min.minor) {
            return refuse(&|| {
                no(Code::BelowMinSubtotal)
                    .param("min_subtotal", min.text)
                    .param("subtotal", self.sheet.money(subtotal))
                    .param("remaining", self.sheet.money(min.minor - subtotal))
            });
        }
        let first_line = scope_lines.len();
        if rule.class == DiscountClass::Shipping {
            // Delivery charges stand after the lines.
            let items = self.sheet.order.lines.len();
            scope_lines.extend(items..items + self.sheet.order.shipping.len());
        } else {
            scope_lines.extend(
                self.sheet
                    .order
                    .lines
                    .iter()
                    .enumerate()
                    .filter(|(_, line)| {
                        line.in_scope(&rule.scope)
                            && !promo_rule
                                .is_some_and(|p| p.excludes(line.category_id, line.promotional))
                    })
                    .map(|(at, _)| at),
            );
        }
        let lines = first_line..scope_lines.len();
        if lines.is_empty() {
            let code = match rule.class {
                DiscountClass::Shipping => Code::NoShipping,
                _ => Code::NoLinesInScope,
            };
            return refuse(&|| no(code));
        }
        let applied = || Entry::new(Kind::Discount, &rule.id, true, Code::Applied);
        let percent_entry = |p: &Percent| tracing.then(|| applied().param("percent", p.text));
        let (rate, entry) = match &rule.value {
            DiscountValue::Percent(p) => (Rate::Share(p.share), percent_entry(p)),
            DiscountValue::Fixed(amount) => (
                Rate::Fixed(amount.minor),
                tracing.then(|| applied().param("amount", amount.text)),
            ),
            DiscountValue::PerUnit(amount) => (
                Rate::PerUnit(amount.minor),
                tracing.then(|| applied().param("amount_per_unit", amount.text)),
            ),
            DiscountValue::TierPercent => {
                let tier = standing.tier.map(|t| &rules.tiers[t]);
                match tier.and_then(|t| t.discount.filter(|p| !p.share.is_zero()).map(|p| (t, p))) {
                    Some((tier, p)) => (
                        Rate::Share(p.share),
                        tracing.then(|| applied().param("percent", p.text).param("tier", &tier.id)),
                    ),
                    None => {
                        return refuse(&|| {
                            no(Code::TierHasNoDiscount)
                                .param("tier", tier.map_or("", |t| t.id.as_str()))
                        })
                    }
                }
            }
            DiscountValue::BuyGet {
                buy,
                get,
                percent,
                max,
                dearest_first: _, // which units, in `split`
            } => {
                let units = units_in(&self.sheet.order.lines, &scope_lines[lines.clone()], None);
                let applications = (units / (buy + get)).min(*max);
                if applications == 0 {
                    return refuse(&|| {
                        no(Code::BelowBuyGet)
                            .param("quantity", buy + get - units)
                            .param("get", get)
                    });
                }
                let entry = tracing.then(|| {
                    applied()
                        .param("free_units", applications * get)
                        .param("percent", percent.text)
                });
                (Rate::BuyGet(index), entry)
            }
            DiscountValue::Bundle { parts, price, max } => {
                let in_scope = &scope_lines[lines.clone()];
                let (sets, missing) = bundle_sets(&self.sheet.order.lines, in_scope, parts, *max);
                if sets == 0 {
                    return refuse(&|| no(Code::BelowBundle).param("quantity", missing));
                }
                let entry =
                    tracing.then(|| applied().param("sets", sets).param("set_price", price.text));
                (Rate::Bundle(index), entry)
            }
            DiscountValue::QuantityBreaks { breaks, per_sku } => {
                let in_scope = &scope_lines[lines.clone()];
                let lines_of_order = &self.sheet.order.lines;
                let most = in_scope
                    .iter()
                    .map(|&at| {
                        units_in(
                            lines_of_order,
                            in_scope,
                            per_sku.then_some(lines_of_order[at].sku),
                        )
                    })
                    .max()
                    .unwrap_or(0);
                let Some((from, percent)) = breaks.iter().rev().find(|(from, _)| *from <= most)
                else {
                    let (first, percent) = breaks[0];
                    return refuse(&|| {
                        no(Code::BelowQuantityBreak)
                            .param("quantity", first - most)
                            .param("percent", percent.text)
                    });
                };
                let rate = if *per_sku {
                    Rate::BreaksPerSku(index)
                } else {
                    Rate::Share(percent.share)
                };
                let entry = tracing.then(|| {
                    applied()
                        .param("percent", percent.text)
                        .param("from_quantity", from)
                });
                (rate, entry)
            }
            DiscountValue::SpendSteps {
                steps,
                include_current_order,
            } => {
                // Spend is the items': delivery never counts as spend.
                let cumulative = if *include_current_order {
                    standing.lifetime_spend + self.sheet.out.subtotal
                } else {
                    standing.lifetime_spend
                };
                match steps
                    .iter()
                    .rev()
                    .find(|step| step.from.minor <= cumulative)
                {
                    Some(step) => (
                        Rate::Share(step.percent.share),
                        tracing.then(|| {
                            applied()
                                .param("percent", step.percent.text)
                                .param("cumulative_spend", self.sheet.money(cumulative))
                                .param("step_from", step.from.text)
                        }),
                    ),
                    None => {
                        let first = &steps[0];
                        return refuse(&|| {
                            no(Code::BelowFirstStep)
                                .param("cumulative_spend", self.sheet.money(cumulative))
                                .param("step_from", first.from.text)
                                .param("remaining", self.sheet.money(first.from.minor - cumulative))
                        });
                    }
                }
            }
        };
        // A lower rate after inactivity replaces a single percentage; quantity breaks and the
        // other values keep theirs.
        let breaks = matches!(rule.value, DiscountValue::QuantityBreaks { .. });
        let inactive_days = match (rule.inactivity, standing.last_purchase) {
            (Some(inactivity), Some(last)) if matches!(rate, Rate::Share(_)) && !breaks => {
                let days = (date - last).num_days();
                (days > i64::from(inactivity.after_days)).then_some((inactivity, days))
            }
            _ => None,
        };
        let (rate, entry) = match inactive_days {
            Some((inactivity, days)) => (
                Rate::Share(inactivity.percent.share),
                entry.map(|entry| {
                    entry
                        .param("percent", inactivity.percent.text)
                        .param("inactive_days", days)
                        .param("after_days", inactivity.after_days)
                }),
            ),
            None => (rate, entry),
        };
        let entry = entry.map(|entry| match rule.class {
            // Off delivery: said as such, whatever the value.
            DiscountClass::Shipping => campaign(conditions, entry).param("delivery", true),
            _ => campaign(conditions, entry),
        });
        Ok(Candidate {
            rule: index,
            rate,
            lines,
            entry,
            code: conditions.promo_code,
        })
    }

    /// The points the order earns: the customer's (with events and partner transfers) and the
    /// employee's; `None` on a program without points.
    fn earned_points(&mut self) -> Result<Option<(u64, Option<u64>)>> {
        let rules = self.rules;
        let Some(points_rule) = &rules.points else {
            return Ok(None);
        };
        let standing = self.sheet.standing;
        let slot = standing.tier.unwrap_or(rules.tiers.len());
        let multiplier = rules.multipliers[slot][usize::from(standing.member)];
        let tier_id = standing.tier.map_or("", |t| rules.tiers[t].id.as_str());
        let applying = multipliers::applying(
            &mut self.sheet,
            &points_rule.multipliers,
            &rules.promo_codes,
            tier_id,
        );
        let earn = |sheet: &mut Sheet, rule: &EarnRule, kind: Kind| {
            let earning = Earning {
                rule,
                multipliers: &points_rule.multipliers,
                add_multipliers: points_rule.add_multipliers,
                round_each_step: points_rule.round_each_step,
                status: match rule.apply_tier_multiplier {
                    true => multiplier,
                    false => Multiplier::ONE,
                },
            };
            let tax = rules.tax.as_ref();
            earn::earn(
                sheet,
                &earning,
                kind,
                applying,
                tax,
                rules.shipping.earns_points,
            )
        };
        let earned = earn(&mut self.sheet, &points_rule.earn, Kind::Points)?;
        let events = events::event_points(&mut self.sheet, &rules.events)?;
        let partners = events::partner_points(&mut self.sheet, &rules.partners)?;
        let earned = events
            .checked_add(partners)
            .and_then(|extra| earned.checked_add(extra))
            .ok_or_else(|| overflow("cart.events"))?;
        let employee_earned = match &points_rule.employee_earn {
            Some(rule) if standing.employee => {
                Some(earn(&mut self.sheet, rule, Kind::EmployeePoints)?)
            }
            _ => None,
        };
        Ok(Some((earned, employee_earned)))
    }

    /// Where the order leaves the customer among the tiers, and a contract tier's commitment.
    fn tier(&mut self, contribution: i128) {
        let rules = self.rules;
        self.sheet.out.commitment = None;
        let Some(after) = tiers::place(&mut self.sheet, &rules.tiering, &rules.tiers, contribution)
        else {
            return;
        };
        if let Some(rule) = after.map(|t| &rules.tiers[t]) {
            commitment::price(&mut self.sheet, &rule.id, rule.commitment.as_ref());
        }
    }
}

fn out_set_totals(out: &mut Outcome) {
    out.discount_total = out.line_discounts.iter().sum();
    out.after_discounts = out.subtotal - out.discount_total;
}

/// The rule's amount on each of its lines, given what is left of every line, appended to
/// `shares` (zero parts left out).
fn split(
    rules: &Rules,
    lines: &[OrderLine],
    candidate: &Candidate,
    scope_lines: &[usize],
    remaining: &[i128],
    shares: &mut Vec<(usize, i128)>,
    buffers: &mut Split,
) {
    let in_scope = &scope_lines[candidate.lines.clone()];
    let Split {
        weights,
        parts,
        remainders,
    } = buffers;
    weights.clear();
    weights.extend(in_scope.iter().map(|&i| remaining[i]));
    let base: i128 = weights.iter().sum();
    match candidate.rate {
        Rate::Share(share) => {
            // A share of at most 100 % of an amount within the cart's limits cannot overflow.
            let total = apply_share(share, base, rules.rounding)
                .unwrap_or(base)
                .min(base);
            allocate_into(total, weights, parts, remainders);
        }
        Rate::Fixed(amount) => allocate_into(amount.min(base), weights, parts, remainders),
        Rate::BuyGet(rule) => {
            let DiscountValue::BuyGet {
                buy,
                get,
                percent,
                max,
                dearest_first,
            } = rules.discounts[rule].value
            else {
                parts.clear();
                parts.resize(in_scope.len(), 0);
                return;
            };
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
            by_unit_price(lines, in_scope, true, remainders);
            parts.clear();
            parts.resize(in_scope.len(), 0);
            let mut counted = 0;
            for &(_, position) in remainders.iter() {
                let at = in_scope[position];
                let quantity = u64::from(lines[at].quantity);
                let taken = given(counted + quantity) - given(counted);
                counted += quantity;
                // Those units at what is left of their line (after any rule before), at the
                // percentage.
                let share = Fraction::new(u128::from(taken), u128::from(quantity.max(1)))
                    .and_then(|units| units.times(percent.share));
                parts[position] = share
                    .and_then(|share| apply_share(share, remaining[at], rules.rounding).ok())
                    .map_or(0, |part| part.min(remaining[at]));
            }
        }
        Rate::Bundle(rule) => {
            let DiscountValue::Bundle {
                parts: set,
                price,
                max,
            } = &rules.discounts[rule].value
            else {
                parts.clear();
                parts.resize(in_scope.len(), 0);
                return;
            };
            let (sets, _) = bundle_sets(lines, in_scope, set, *max);
            // Each part's units, the cheapest first (ties in cart order), at what is left of
            // their line; the sets' worth above their price is the discount, split over them.
            let mut by_price = Vec::with_capacity(in_scope.len());
            by_unit_price(lines, in_scope, false, &mut by_price);
            let mut wanted: Vec<u64> = set.iter().map(|part| part.quantity * sets).collect();
            weights.clear();
            weights.resize(in_scope.len(), 0);
            for (_, position) in by_price {
                let at = in_scope[position];
                let line = &lines[at];
                let Some(part) = set
                    .iter()
                    .position(|part| part.takes(line.category_id, line.sku_id))
                else {
                    continue;
                };
                let quantity = u64::from(line.quantity);
                let taken = wanted[part].min(quantity);
                wanted[part] -= taken;
                weights[position] = Fraction::new(u128::from(taken), u128::from(quantity.max(1)))
                    .and_then(|share| apply_share(share, remaining[at], rules.rounding).ok())
                    .unwrap_or(0);
            }
            let worth: i128 = weights.iter().sum();
            let discount = (worth - price.minor.saturating_mul(i128::from(sets))).max(0);
            allocate_into(discount, weights, parts, remainders);
        }
        Rate::BreaksPerSku(rule) => {
            // Each line at the break its SKU's units reach, rounded on the line.
            let breaks = match &rules.discounts[rule].value {
                DiscountValue::QuantityBreaks { breaks, .. } => &breaks[..],
                _ => &[],
            };
            parts.clear();
            parts.extend(in_scope.iter().map(|&at| {
                let units = units_in(lines, in_scope, Some(lines[at].sku));
                breaks
                    .iter()
                    .rev()
                    .find(|(from, _)| *from <= units)
                    .and_then(|(_, percent)| {
                        apply_share(percent.share, remaining[at], rules.rounding).ok()
                    })
                    .map_or(0, |part| part.min(remaining[at]))
            }));
        }
        Rate::PerUnit(amount) => {
            parts.clear();
            parts.extend(in_scope.iter().map(|&i| {
                amount
                    .saturating_mul(i128::from(lines[i].quantity))
                    .min(remaining[i])
            }));
        }
    }
    shares.extend(
        in_scope
            .iter()
            .copied()
            .zip(parts.iter().copied())
            .filter(|(_, part)| *part != 0),
    );
}

/// The lines in scope as `(unit price, position in scope)`, by unit price (the dearest or the
/// cheapest first), ties in cart order.
fn by_unit_price(
    lines: &[OrderLine],
    in_scope: &[usize],
    dearest_first: bool,
    out: &mut Vec<(i128, usize)>,
) {
    out.clear();
    out.extend(in_scope.iter().enumerate().map(|(position, &at)| {
        let price = lines[at].unit_price;
        (if dearest_first { -price } else { price }, position)
    }));
    out.sort_unstable();
}

/// How many whole sets the lines in scope make (at most `max`), and, when none, how many more
/// units one set needs. A line counts for the first part it matches.
fn bundle_sets(
    lines: &[OrderLine],
    in_scope: &[usize],
    set: &[super::compiled::BundlePart],
    max: u64,
) -> (u64, u64) {
    let mut units = vec![0u64; set.len()];
    for &at in in_scope {
        let line = &lines[at];
        if let Some(part) = set
            .iter()
            .position(|part| part.takes(line.category_id, line.sku_id))
        {
            units[part] += u64::from(line.quantity);
        }
    }
    let sets = set
        .iter()
        .zip(&units)
        .map(|(part, units)| units / part.quantity)
        .min()
        .unwrap_or(0)
        .min(max);
    let missing = set
        .iter()
        .zip(&units)
        .map(|(part, units)| part.quantity.saturating_sub(*units))
        .sum();
    (sets, missing)
}

/// The units of the lines in scope: all of them, or those of one SKU.
fn units_in(lines: &[OrderLine], in_scope: &[usize], sku: Option<&str>) -> u64 {
    in_scope
        .iter()
        .filter(|&&at| sku.is_none_or(|sku| lines[at].sku == sku))
        .map(|&at| u64::from(lines[at].quantity))
        .sum()
}
