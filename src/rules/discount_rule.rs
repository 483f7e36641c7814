//! A discount rule: its value (one of the discount mechanics), its scope, conditions, a lower
//! rate after inactivity, limits, stacking and combining classes; how one rule is compiled, asked
//! whether it applies to an order, and split over its lines. Each kind of value is priced by its
//! own module in `mechanics/`.

use super::mechanics::bundle::{self, Bundle};
use super::mechanics::buy_get::{self, BuyGet};
use super::mechanics::conditions::{self, campaign, Conditions};
use super::mechanics::delivery;
use super::mechanics::limits::{self, limit_reached, tighter, Limits};
use super::mechanics::percent;
use super::mechanics::promo_code::{same_code, PromoRule};
use super::mechanics::quantity_breaks::{self, QuantityBreaks};
use super::mechanics::spend_steps::{self, SpendSteps};
use super::mechanics::tiers::TierRule;
use super::order::{Candidate, Order, OrderLine, PromoResult, Rate, RuleEntries, Sheet, Split};
use super::values::{at, compile_scope, Amount, Context, Percent, Scope};
use crate::error::{Error, ErrorCode, Result};
use crate::format::names::LocalizedText;
use crate::format::program::{self as format, DiscountClass, Stacking};
use crate::format::trace::{Code, Entry};
use crate::format::validate;
use crate::money::Rounding;

#[derive(Debug, Clone)]
pub struct DiscountRule {
    pub id: String,
    pub name: LocalizedText,
    pub value: DiscountValue,
    pub scope: Scope,
    pub conditions: Conditions,
    pub inactivity: Option<Inactivity>,
    pub stacking: Stacking,
    pub limits: Option<Limits>,
    pub class: DiscountClass,
    /// The classes it applies together with, as bits of [`class_bit`].
    pub combines_with: u8,
}

/// What a rule takes off, by mechanic.
#[derive(Debug, Clone)]
pub enum DiscountValue {
    Percent(Percent),
    Fixed(Amount),
    PerUnit(Amount),
    TierPercent,
    SpendSteps(SpendSteps),
    BuyGet(BuyGet),
    QuantityBreaks(QuantityBreaks),
    Bundle(Bundle),
}

/// A lower percentage after the customer has not bought for a number of days.
#[derive(Debug, Clone, Copy)]
pub struct Inactivity {
    pub after_days: u32,
    pub percent: Percent,
}

impl DiscountRule {
    /// Whether two rules may apply to one order: each combines with the other's class.
    #[inline]
    pub fn combines(&self, other: &DiscountRule) -> bool {
        self.combines_with & class_bit(other.class) != 0
            && other.combines_with & class_bit(self.class) != 0
    }
}

pub const ALL_CLASSES: u8 = 0b111;

#[inline]
pub fn class_bit(class: DiscountClass) -> u8 {
    match class {
        DiscountClass::Product => 1,
        DiscountClass::Order => 2,
        DiscountClass::Shipping => 4,
    }
}

/// A rule's class: delivery for delivery values, products for a scope or a per-item offer, else
/// the order.
fn discount_class(value: &format::DiscountValue, scope: &format::Scope) -> DiscountClass {
    match value {
        format::DiscountValue::FreeShipping
        | format::DiscountValue::ShippingPercent { .. }
        | format::DiscountValue::ShippingAmount { .. } => DiscountClass::Shipping,
        format::DiscountValue::FixedPerUnit { .. }
        | format::DiscountValue::BuyGet { .. }
        | format::DiscountValue::Bundle { .. }
        | format::DiscountValue::QuantityBreaks { .. } => DiscountClass::Product,
        _ if *scope != format::Scope::default() => DiscountClass::Product,
        _ => DiscountClass::Order,
    }
}

/// Compiles the program's discount rule at `index`.
pub(crate) fn compile(
    rule: &format::DiscountRule,
    index: usize,
    context: &mut Context,
) -> Result<DiscountRule> {
    let format::DiscountRule {
        id,
        name,
        value,
        scope,
        conditions,
        inactivity,
        stacking,
        priority: _, // in `by_priority`
        limits,
        combines_with,
    } = rule;
    let path = |field: &str| format!("discounts[{index}].{field}");
    if let LocalizedText::Plain(text) = name {
        at(validate::not_empty(text, ""), &|| path("name"))?;
    }
    let class = discount_class(value, scope);
    delivery::check_rule(class, inactivity.is_some(), scope, &path)?;
    let check = context.check;
    let value = match value {
        format::DiscountValue::Percent { percent: p }
        | format::DiscountValue::ShippingPercent { percent: p } => {
            DiscountValue::Percent(check.percent(*p, &|| path("value.percent"))?)
        }
        format::DiscountValue::FreeShipping => DiscountValue::Percent(delivery::free()),
        format::DiscountValue::ShippingAmount { amount }
        | format::DiscountValue::Fixed { amount } => {
            DiscountValue::Fixed(check.amount(*amount, &|| path("value.amount"))?)
        }
        format::DiscountValue::FixedPerUnit { amount } => {
            DiscountValue::PerUnit(check.amount(*amount, &|| path("value.amount"))?)
        }
        format::DiscountValue::TierPercent => {
            if context.program.tiers.is_empty() {
                return Err(Error::new(
                    ErrorCode::UnknownReference,
                    path("value.type"),
                    "tier_percent needs tiers",
                ));
            }
            DiscountValue::TierPercent
        }
        format::DiscountValue::BuyGet {
            buy,
            get,
            percent,
            max_applications,
            pick,
        } => DiscountValue::BuyGet(buy_get::compile(
            *buy,
            *get,
            *percent,
            *max_applications,
            *pick,
            &check,
            &path,
        )?),
        format::DiscountValue::Bundle {
            items,
            price,
            max_applications,
        } => DiscountValue::Bundle(bundle::compile(
            items,
            *price,
            *max_applications,
            &check,
            (&mut context.categories, &mut context.skus),
            &path,
        )?),
        format::DiscountValue::QuantityBreaks { breaks, counted } => DiscountValue::QuantityBreaks(
            quantity_breaks::compile(breaks, *counted, &check, &path)?,
        ),
        format::DiscountValue::SpendSteps {
            steps,
            include_current_order,
        } => DiscountValue::SpendSteps(spend_steps::compile(
            steps,
            *include_current_order,
            &check,
            &path,
        )?),
    };
    let conditions = conditions::compile(conditions, context, &|field| {
        path(&format!("conditions.{field}"))
    })?;
    let inactivity = match inactivity {
        Some(format::Inactivity {
            after_days,
            percent: p,
        }) => {
            let percent = check.percent(*p, &|| path("inactivity.percent"))?;
            if *after_days == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    path("inactivity.after_days"),
                    "must be at least one day",
                ));
            }
            Some(Inactivity {
                after_days: *after_days,
                percent,
            })
        }
        None => None,
    };
    Ok(DiscountRule {
        limits: limits::compile(limits.as_ref(), &check, &|| path("limits"))?,
        id: id.clone(),
        name: name.clone(),
        value,
        scope: compile_scope(scope, context, &|| path("scope"))?,
        conditions,
        inactivity,
        stacking: *stacking,
        class,
        combines_with: match combines_with {
            Some(classes) => classes.iter().fold(0, |mask, c| mask | class_bit(*c)),
            None => ALL_CLASSES,
        },
    })
}

/// What the budgets of a rule and of the code it needs leave, as the host's records give them;
/// `None` without a budget.
pub(crate) fn budget_left(
    discounts: &[DiscountRule],
    promo_codes: &[PromoRule],
    order: &Order,
    rule: usize,
    code: Option<usize>,
) -> Option<i128> {
    tighter(
        order.rule_budget_left(discounts[rule].limits, rule),
        code.and_then(|code| order.code_budget_left(promo_codes[code].limits, code)),
    )
}

/// What the program's rules and codes a rule's eligibility looks up.
pub(crate) struct Lookups<'r> {
    pub(crate) promo_codes: &'r [PromoRule],
    pub(crate) tiers: &'r [TierRule],
}

impl DiscountRule {
    /// The rule's rate and lines when it is eligible (its lines appended to `scope_lines`);
    /// otherwise its trace entry saying why not. `index`: the rule's index in the program.
    pub(crate) fn eligibility(
        &self,
        index: usize,
        sheet: &Sheet,
        lookups: &Lookups,
        promo: Option<&PromoResult>,
        scope_lines: &mut Vec<usize>,
    ) -> std::result::Result<Candidate, Option<Entry>> {
        let rule = self;
        let standing = sheet.standing;
        let entries = RuleEntries {
            id: &rule.id,
            tracing: sheet.trace.is_some(),
        };
        let conditions = &rule.conditions;
        let date = sheet.order.date;
        let subtotal = sheet.toward_minimums(sheet.out.subtotal);
        if let Some(code) = conditions.unmet(standing, date) {
            let tier = standing.tier.map_or("", |t| lookups.tiers[t].id.as_str());
            return Err(entries.refused(code, |e| conditions.unmet_entry(e, tier)));
        }
        if let Some(limit) = rule
            .limits
            .and_then(|limits| limit_reached(&limits, sheet.order.rule_used(index)))
        {
            return Err(entries.refused(Code::UsageLimitReached, |e| e.param("limit", limit)));
        }
        let promo_rule: Option<&PromoRule> = match conditions.promo_code {
            None => None,
            Some(code_index) => {
                let code = &lookups.promo_codes[code_index];
                match promo {
                    Some(check) if same_code(&check.code, &code.code) && check.accepted => {
                        Some(code)
                    }
                    Some(check) if same_code(&check.code, &code.code) => {
                        return Err(entries.refused(Code::PromoCodeRefused, |e| {
                            e.param("code", &code.code)
                                .param("reason", check.reason.as_str())
                        }))
                    }
                    _ => {
                        return Err(entries
                            .refused(Code::PromoCodeMissing, |e| e.param("code", &code.code)))
                    }
                }
            }
        };
        if let Some(min) = conditions.min_subtotal.filter(|min| subtotal < min.minor) {
            return Err(entries.refused(Code::BelowMinSubtotal, |e| {
                e.param("min_subtotal", min.text)
                    .param("subtotal", sheet.money(subtotal))
                    .param("remaining", sheet.money(min.minor - subtotal))
            }));
        }
        let first_line = scope_lines.len();
        if rule.class == DiscountClass::Shipping {
            delivery::scope_lines(sheet.order, scope_lines);
        } else {
            scope_lines.extend(
                sheet
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
            return Err(entries.refused(code, |e| e));
        }
        let in_scope = &scope_lines[lines.clone()];
        let order_lines = &sheet.order.lines;
        let (rate, entry) = match &rule.value {
            DiscountValue::Percent(p) => percent::percent(p, entries),
            DiscountValue::Fixed(amount) => percent::fixed(amount, entries),
            DiscountValue::PerUnit(amount) => percent::per_unit(amount, entries),
            DiscountValue::TierPercent => {
                percent::tier_percent(standing.tier.map(|t| &lookups.tiers[t]), entries)
            }
            DiscountValue::BuyGet(offer) => offer.eligible(index, order_lines, in_scope, entries),
            DiscountValue::Bundle(set) => set.eligible(index, order_lines, in_scope, entries),
            DiscountValue::QuantityBreaks(breaks) => {
                breaks.eligible(index, order_lines, in_scope, entries)
            }
            DiscountValue::SpendSteps(steps) => steps.eligible(sheet, entries),
        }?;
        // A lower rate after inactivity replaces a single percentage; quantity breaks and the
        // other values keep theirs.
        let breaks = matches!(rule.value, DiscountValue::QuantityBreaks(_));
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
            DiscountClass::Shipping => delivery::say(campaign(conditions, entry)),
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
}

impl DiscountRule {
    /// What the rule takes off each line in scope at `rate` (its eligibility's), given what is
    /// left of every line, appended to `shares` (zero parts left out).
    #[allow(clippy::too_many_arguments)] // the order's parts a split reads, and its buffers
    pub(crate) fn split(
        &self,
        rate: Rate,
        lines: &[OrderLine],
        in_scope: &[usize],
        remaining: &[i128],
        rounding: Rounding,
        shares: &mut Vec<(usize, i128)>,
        buffers: &mut Split,
    ) {
        buffers.weights.clear();
        buffers
            .weights
            .extend(in_scope.iter().map(|&i| remaining[i]));
        let Split {
            weights,
            parts,
            remainders,
        } = buffers;
        match (rate, &self.value) {
            (Rate::Share(share), _) => {
                percent::split_share(share, weights, rounding, parts, remainders)
            }
            (Rate::Fixed(amount), _) => percent::split_fixed(amount, weights, parts, remainders),
            (Rate::PerUnit(amount), _) => {
                percent::split_per_unit(amount, lines, in_scope, remaining, parts)
            }
            (Rate::BuyGet(_), DiscountValue::BuyGet(offer)) => {
                offer.split(lines, in_scope, remaining, rounding, parts, remainders)
            }
            (Rate::Bundle(_), DiscountValue::Bundle(set)) => {
                set.split(lines, in_scope, remaining, rounding, buffers)
            }
            (Rate::BreaksPerSku(_), DiscountValue::QuantityBreaks(breaks)) => {
                breaks.split_per_sku(lines, in_scope, remaining, rounding, parts)
            }
            // A rate names its own rule's value.
            _ => {
                parts.clear();
                parts.resize(in_scope.len(), 0);
            }
        }
        shares.extend(
            in_scope
                .iter()
                .copied()
                .zip(buffers.parts.iter().copied())
                .filter(|(_, part)| *part != 0),
        );
    }
}
