//! The quote: one order priced exactly under a program, with every figure traced to a rule.

use crate::cart::Cart;
use crate::customer::Customer;
use crate::discounts::{self, Context};
use crate::error::Result;
use crate::margin::{self, Margin};
use crate::money::{allocate, checked_mul, Money};
use crate::points::{self, Earned, Redemption};
use crate::program::{EarnBase, EarnRule, Period, Program, Qualifier};
use crate::promo;
use crate::tiers::{self, percent_of};
use crate::trace::{Entry, Kind};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything one quote needs, as the `loyalty quote` command and the bindings take it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub program: Program,
    #[serde(default)]
    pub customer: Customer,
    pub cart: Cart,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    pub program: String,
    pub currency: String,
    pub minor_units: u32,
    pub lines: Vec<QuoteLine>,
    pub subtotal: Decimal,
    pub discount_total: Decimal,
    pub after_discounts: Decimal,
    pub points_value: Decimal,
    pub payable: Decimal,
    pub discounts: Vec<DiscountLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promo_code: Option<PromoOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<PointsOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cashback: Option<CashbackOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<Margin>,
    pub trace: Vec<Entry>,
    /// SHA-256 of (program, customer, cart); see [`crate::fingerprint`]. Absent inside projections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteLine {
    pub sku: String,
    pub category: String,
    pub quantity: u32,
    pub unit_price: Decimal,
    pub subtotal: Decimal,
    pub discount: Decimal,
    pub points_value: Decimal,
    pub total: Decimal,
    pub discounts: Vec<LineShare>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineShare {
    pub rule: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiscountLine {
    pub rule: String,
    pub name: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PromoOutcome {
    pub code: String,
    pub accepted: bool,
    pub reason: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PointsOutcome {
    pub balance_before: u64,
    pub earned: u64,
    /// The employee's personal account on a B2B program with dual accrual.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee_earned: Option<u64>,
    pub requested: u64,
    pub redeemed: u64,
    pub redeem_cap: u64,
    pub redeem_cap_amount: Decimal,
    pub redeemed_value: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited_by: Option<&'static str>,
    pub balance_after: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_expiry: Option<Expiry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Expiry {
    pub date: NaiveDate,
    pub points: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CashbackOutcome {
    pub earned: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_remaining: Option<Decimal>,
    pub store_credit_after: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TierOutcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_upgrade: Option<PendingUpgrade>,
    pub qualifying_before: Decimal,
    pub qualifying_after: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<NextTier>,
    pub perks: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment: Option<CommitmentStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PendingUpgrade {
    pub tier: String,
    pub effective: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextTier {
    pub tier: String,
    pub name: String,
    pub threshold: Decimal,
    pub remaining: Decimal,
    pub percent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommitmentStatus {
    pub period: Period,
    pub required: Decimal,
    pub spent: Decimal,
    pub remaining: Decimal,
    pub met: bool,
}

/// Validates a request's three parts, naming the bad field under `program`, `customer` or `cart`.
pub fn validate(request: &Request) -> Result<()> {
    request.program.validate().map_err(|e| e.under("program"))?;
    request
        .customer
        .validate(&request.program)
        .map_err(|e| e.under("customer"))?;
    request
        .cart
        .validate(&request.program)
        .map_err(|e| e.under("cart"))
}

/// Validates and prices one order, with the fingerprint of its inputs.
pub fn quote(request: &Request) -> Result<Quote> {
    validate(request)?;
    let mut quote = quote_valid(&request.program, &request.customer, &request.cart)?;
    let digest = crate::fingerprint::program_digest(&request.program);
    quote.fingerprint = Some(crate::fingerprint::fingerprint(
        &digest,
        &request.customer,
        &request.cart,
    ));
    Ok(quote)
}

/// Prices one order of inputs already validated.
pub fn quote_valid(program: &Program, customer: &Customer, cart: &Cart) -> Result<Quote> {
    let money = program.money();
    let line_subtotals: Vec<Decimal> = cart
        .lines
        .iter()
        .map(|line| money.round(line.unit_price * Decimal::from(line.quantity)))
        .collect();
    let subtotal = money.round(line_subtotals.iter().copied().sum());
    let standing = tiers::standing(program, customer, cart.date);
    let tier_at_order = standing.tier;
    let promo_check = promo::check(program, cart, &money);
    let outcome = discounts::apply(&Context {
        program,
        customer,
        cart,
        money,
        line_subtotals: &line_subtotals,
        subtotal,
        tier: tier_at_order,
        promo: promo_check.as_ref(),
    });
    let mut trace = Vec::new();
    trace.extend(promo_check.as_ref().map(|check| check.entry.clone()));
    trace.extend(outcome.trace);

    let discount_total = money.round(outcome.per_line.iter().copied().sum());
    let after_discounts = subtotal - discount_total;
    let line_nets: Vec<Decimal> = line_subtotals
        .iter()
        .zip(&outcome.per_line)
        .map(|(s, d)| *s - *d)
        .collect();

    let (points, redemption, points_earned) = match &program.points {
        None => (None, None, 0),
        Some(rules) => {
            let balance = points::balance(&customer.points, rules, cart.date);
            let redemption =
                points::redeem(rules, &money, cart.redeem_points, balance, after_discounts);
            trace.push(redemption_entry(&redemption, rules.min_redeem));
            let multiplier = earn_multiplier(program, customer, cart.date, tier_at_order);
            let earned = earn_for(
                &rules.earn,
                cart,
                &line_subtotals,
                &line_nets,
                multiplier,
                Kind::Points,
                &mut trace,
            )?;
            let event_points = event_points(program, cart, &mut trace)?
                .checked_add(partner_points(program, cart, &mut trace)?)
                .ok_or_else(|| crate::validate::overflow("cart.partner_points"))?;
            let earned = earned
                .checked_add(event_points)
                .ok_or_else(|| crate::validate::overflow("cart.events"))?;
            let employee_earned = match &rules.employee_earn {
                Some(rule) if customer.employee_id.is_some() => Some(earn_for(
                    rule,
                    cart,
                    &line_subtotals,
                    &line_nets,
                    multiplier,
                    Kind::EmployeePoints,
                    &mut trace,
                )?),
                _ => None,
            };
            // After this order's redemption, which uses the oldest points first.
            let lots_left =
                points::spend_oldest_first(&customer.points, rules, cart.date, redemption.redeemed);
            let next_expiry = points::next_expiry(&lots_left, rules, cart.date)
                .map(|(date, points)| Expiry { date, points });
            let outcome = PointsOutcome {
                balance_before: balance,
                earned,
                employee_earned,
                requested: redemption.requested,
                redeemed: redemption.redeemed,
                redeem_cap: redemption.cap,
                redeem_cap_amount: redemption.cap_amount,
                redeemed_value: redemption.value,
                limited_by: redemption.limited_by,
                balance_after: balance - redemption.redeemed + earned,
                next_expiry,
            };
            (Some(outcome), Some(redemption), earned)
        }
    };
    let points_value = redemption.as_ref().map_or(money.zero(), |r| r.value);
    let points_split = allocate(&money, points_value, &line_nets);
    let payable = after_discounts - points_value;

    let cashback = cashback(program, customer, cart, &line_nets, &money, &mut trace);

    let contribution = match program.tier_rules.qualifies_on {
        Qualifier::Spend => after_discounts,
        Qualifier::Points => Decimal::from(points_earned),
    };
    let tier = tier_outcome(
        program,
        customer,
        standing,
        cart.date,
        contribution,
        after_discounts,
        &mut trace,
    );
    for reward in &program.chance_rewards {
        let expected = money.round(reward.chance * reward.cost);
        trace.push(
            Entry::new(Kind::Chance, &reward.id, true, "chance_to_win")
                .param("chance", reward.chance)
                .param("expected_cost", expected),
        );
    }

    let mut lines = Vec::with_capacity(cart.lines.len());
    for (index, line) in cart.lines.iter().enumerate() {
        let shares = outcome
            .applied
            .iter()
            .filter_map(|applied| {
                applied
                    .lines
                    .iter()
                    .find(|(i, _)| *i == index)
                    .map(|(_, amount)| LineShare {
                        rule: applied.rule.clone(),
                        amount: *amount,
                    })
            })
            .collect();
        lines.push(QuoteLine {
            sku: line.sku.clone(),
            category: line.category.clone(),
            quantity: line.quantity,
            unit_price: line.unit_price,
            subtotal: line_subtotals[index],
            discount: money.round(outcome.per_line[index]),
            points_value: points_split[index],
            total: money.round(line_nets[index] - points_split[index]),
            discounts: shares,
        });
    }
    let discounts = outcome
        .applied
        .iter()
        .map(|applied| DiscountLine {
            rule: applied.rule.clone(),
            name: program
                .discounts
                .iter()
                .find(|d| d.id == applied.rule)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            amount: applied.amount,
        })
        .collect();
    let margin = margin::of_order(
        &money,
        cart,
        subtotal,
        discount_total,
        points_value,
        cashback.as_ref().map(|c| c.earned),
    );
    let promo_code = promo_check.map(|check| PromoOutcome {
        code: check.code,
        accepted: check.accepted,
        reason: check.entry.code,
    });
    Ok(Quote {
        program: program.id.clone(),
        currency: program.currency.clone(),
        minor_units: money.minor_units,
        lines,
        subtotal,
        discount_total,
        after_discounts,
        points_value,
        payable,
        discounts,
        promo_code,
        points,
        cashback,
        tier,
        margin,
        trace,
        fingerprint: None,
    })
}

fn redemption_entry(redemption: &Redemption, min_redeem: u64) -> Entry {
    let entry = Entry::new(
        Kind::Redemption,
        "points",
        redemption.redeemed > 0,
        if redemption.redeemed > 0 {
            "redeemed"
        } else {
            "not_redeemed"
        },
    )
    .param("requested", redemption.requested)
    .param("min", min_redeem)
    .param("cap", redemption.cap)
    .param("cap_amount", redemption.cap_amount);
    let entry = match redemption.limited_by {
        Some(reason) => entry.param("limited_by", reason),
        None => entry,
    };
    if redemption.redeemed > 0 {
        entry
            .amount(redemption.value)
            .param("points", redemption.redeemed)
    } else {
        entry
    }
}

/// The tier's and the membership's multipliers together.
fn earn_multiplier(
    program: &Program,
    customer: &Customer,
    date: NaiveDate,
    tier: Option<usize>,
) -> Decimal {
    let tier = tier
        .and_then(|i| program.tiers[i].earn_multiplier)
        .unwrap_or(Decimal::ONE);
    let membership = program
        .membership
        .as_ref()
        .filter(|_| customer.is_member(date))
        .and_then(|m| m.earn_multiplier)
        .unwrap_or(Decimal::ONE);
    tier * membership
}

fn earn_for(
    rule: &EarnRule,
    cart: &Cart,
    gross: &[Decimal],
    net: &[Decimal],
    multiplier: Decimal,
    kind: Kind,
    trace: &mut Vec<Entry>,
) -> Result<u64> {
    let bases = match rule.base {
        EarnBase::AfterDiscounts => net,
        EarnBase::BeforeDiscounts => gross,
    };
    let multiplier = if rule.apply_tier_multiplier {
        multiplier
    } else {
        Decimal::ONE
    };
    let (groups, total) = points::earn(rule, &cart.lines, bases, multiplier)?;
    let rule_name = if kind == Kind::EmployeePoints {
        "employee_earn"
    } else {
        "earn"
    };
    for Earned {
        categories,
        base,
        points,
    } in groups
    {
        trace.push(
            Entry::new(kind, rule_name, points > 0, "earned")
                .amount(points)
                .param("base", base)
                .param("categories", categories.join(", "))
                .param("multiplier", multiplier.normalize()),
        );
    }
    Ok(total)
}

/// Partner points moved in at the coalition's exchange rates, rounded down to whole points.
fn partner_points(program: &Program, cart: &Cart, trace: &mut Vec<Entry>) -> Result<u64> {
    let mut total: u64 = 0;
    for (index, transfer) in cart.partner_points.iter().enumerate() {
        let Some(partner) = program.coalition.iter().find(|p| p.id == transfer.partner) else {
            continue;
        };
        let overflow =
            || crate::validate::overflow(&format!("cart.partner_points[{index}].points"));
        let points = checked_mul(Decimal::from(transfer.points), partner.exchange_rate)
            .and_then(|points| points.floor().to_u64())
            .ok_or_else(overflow)?;
        total = total.checked_add(points).ok_or_else(overflow)?;
        trace.push(
            Entry::new(Kind::Coalition, &partner.id, points > 0, "transferred")
                .amount(points)
                .param("partner_points", transfer.points)
                .param("exchange_rate", partner.exchange_rate),
        );
    }
    Ok(total)
}

fn event_points(program: &Program, cart: &Cart, trace: &mut Vec<Entry>) -> Result<u64> {
    let mut total: u64 = 0;
    for occurrence in &cart.events {
        let Some(event) = program.events.iter().find(|e| e.id == occurrence.id) else {
            continue;
        };
        let points = event
            .points
            .checked_mul(u64::from(occurrence.count))
            .ok_or_else(|| crate::validate::overflow("cart.events"))?;
        if points > 0 {
            total = total
                .checked_add(points)
                .ok_or_else(|| crate::validate::overflow("cart.events"))?;
            trace.push(
                Entry::new(Kind::Event, &event.id, true, "event_points")
                    .amount(points)
                    .param("count", occurrence.count),
            );
        }
    }
    Ok(total)
}

fn cashback(
    program: &Program,
    customer: &Customer,
    cart: &Cart,
    line_nets: &[Decimal],
    money: &Money,
    trace: &mut Vec<Entry>,
) -> Option<CashbackOutcome> {
    let event_credit: Decimal = cart
        .events
        .iter()
        .filter_map(|occurrence| {
            let event = program.events.iter().find(|e| e.id == occurrence.id)?;
            Some(event.credit? * Decimal::from(occurrence.count))
        })
        .sum();
    let rules = program.cashback.as_ref();
    if rules.is_none() && event_credit.is_zero() {
        return None;
    }
    let base: Decimal = cart
        .lines
        .iter()
        .zip(line_nets)
        .filter(|(line, _)| {
            rules.is_some_and(|r| r.categories.is_empty() || r.categories.contains(&line.category))
        })
        .map(|(_, net)| *net)
        .sum();
    let percent = rules.map_or(Decimal::ZERO, |r| r.percent);
    let from_spend = money.round(base * percent / Decimal::ONE_HUNDRED);
    let wanted = from_spend + event_credit;
    let month = tiers::period_start(Period::Month, cart.date);
    let earned_this_month: Decimal = customer
        .credit_history
        .iter()
        .filter(|record| record.date >= month && record.date <= cart.date)
        .map(|record| record.amount)
        .sum();
    let cap_left = rules
        .and_then(|r| r.cap_per_month)
        .map(|cap| money.round((cap - earned_this_month).max(Decimal::ZERO)));
    let earned = money.round(cap_left.map_or(wanted, |left| wanted.min(left)));
    let mut entry = Entry::new(
        Kind::Cashback,
        "cashback",
        !earned.is_zero(),
        if earned < wanted { "capped" } else { "earned" },
    )
    .amount(earned)
    .param("percent", percent)
    .param("base", money.round(base))
    .param("event_credit", money.round(event_credit));
    if let Some(left) = cap_left {
        entry = entry.param("cap_remaining", left);
    }
    trace.push(entry);
    Some(CashbackOutcome {
        earned,
        cap_remaining: cap_left.map(|left| left - earned),
        store_credit_after: money.round(customer.store_credit.unwrap_or(Decimal::ZERO) + earned),
    })
}

fn tier_outcome(
    program: &Program,
    customer: &Customer,
    standing: tiers::Standing,
    date: NaiveDate,
    contribution: Decimal,
    order_amount: Decimal,
    trace: &mut Vec<Entry>,
) -> Option<TierOutcome> {
    if program.tiers.is_empty() {
        return None;
    }
    let money = program.money();
    // Spend is money, in minor units; points are whole numbers already.
    let in_units = |value: Decimal| match program.tier_rules.qualifies_on {
        Qualifier::Spend => money.round(value),
        Qualifier::Points => value,
    };
    let mut placement = tiers::place(program, standing, date, contribution);
    placement.qualifying_before = in_units(placement.qualifying_before);
    placement.qualifying_after = in_units(placement.qualifying_after);
    let id = |index: Option<usize>| index.map(|i| program.tiers[i].id.clone());
    let after = placement.after;
    let next_index = after.map_or(0, |i| i + 1);
    let next = program.tiers.get(next_index).map(|tier| NextTier {
        tier: tier.id.clone(),
        name: tier.name.clone(),
        threshold: tier.threshold,
        remaining: in_units((tier.threshold - placement.qualifying_after).max(Decimal::ZERO)),
        percent: percent_of(placement.qualifying_after, tier.threshold),
    });
    let code = match (placement.before, after, placement.pending) {
        (_, _, Some(_)) => "upgrade_at_recalculation",
        (before, after, None) if after > before => "upgraded",
        _ => "unchanged",
    };
    let mut entry = Entry::new(
        Kind::Tier,
        &id(after).unwrap_or_default(),
        code != "unchanged",
        code,
    )
    .param("qualifying", placement.qualifying_after)
    .param("before", id(placement.before).unwrap_or_default());
    if let Some(next) = &next {
        entry = entry
            .param("next", &next.tier)
            .param("remaining", next.remaining);
    }
    trace.push(entry);
    let commitment = after
        .and_then(|i| program.tiers[i].min_commitment.as_ref())
        .map(|c| {
            let start = tiers::period_start(c.period, date);
            let spent = tiers::spend_between(customer, start, date) + order_amount;
            let remaining = money.round((c.amount - spent).max(Decimal::ZERO));
            trace.push(
                Entry::new(
                    Kind::Commitment,
                    &id(after).unwrap_or_default(),
                    remaining.is_zero(),
                    if remaining.is_zero() {
                        "commitment_met"
                    } else {
                        "commitment_open"
                    },
                )
                .param("required", c.amount)
                .param("spent", spent)
                .param("remaining", remaining),
            );
            CommitmentStatus {
                period: c.period,
                required: c.amount,
                spent,
                remaining,
                met: remaining.is_zero(),
            }
        });
    Some(TierOutcome {
        before: id(placement.before),
        after: id(after),
        pending_upgrade: placement.pending.map(|(i, effective)| PendingUpgrade {
            tier: program.tiers[i].id.clone(),
            effective,
        }),
        qualifying_before: placement.qualifying_before,
        qualifying_after: placement.qualifying_after,
        next,
        perks: after
            .map(|i| program.tiers[i].perks.clone())
            .unwrap_or_default(),
        commitment,
    })
}
