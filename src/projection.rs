//! Projections: a customer's months under a program, from a plan of purchases, and the questions
//! customers ask the other way round (what must I spend to reach or keep a tier).

use crate::cart::{Cart, Line};
use crate::customer::{CreditRecord, Customer, PointLot, SpendRecord};
use crate::error::{Error, ErrorCode, Result};
use crate::money::checked_mul;
use crate::points;
use crate::program::{Downgrade, Period, Program, Window};
use crate::quote::{quote_valid, Quote};
use crate::tiers::{self, period_start, tier_for};
use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// The most months a projection covers.
pub const MAX_MONTHS: u32 = 60;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectionRequest {
    pub program: Program,
    #[serde(default)]
    pub customer: Customer,
    /// Any day of the first month.
    pub start: NaiveDate,
    pub months: u32,
    pub plan: Plan,
    #[serde(default)]
    pub redeem: Redeem,
}

/// What the customer buys: the same spend every month, or a list of dated orders.
/// `{"monthly": {"spend": [...]}}` or `{"orders": {"orders": [...]}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Plan {
    Monthly {
        /// What the customer spends in a month, split evenly over its orders.
        spend: Vec<CategorySpend>,
        /// The day of the month of the (first) order (1–28).
        #[serde(default = "mid_month")]
        day: u32,
        /// Purchase frequency: orders a month (1–28), a day apart from `day` on.
        #[serde(default = "one_order")]
        orders_per_month: u32,
    },
    Orders {
        orders: Vec<PlannedOrder>,
    },
}

// Only a stand-in while a request is read (see `json::Fields`).
impl Default for Plan {
    fn default() -> Self {
        Plan::Orders { orders: Vec::new() }
    }
}

pub(crate) fn mid_month() -> u32 {
    15
}

pub(crate) fn one_order() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CategorySpend {
    #[serde(default)]
    pub category: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedOrder {
    pub date: NaiveDate,
    pub lines: Vec<Line>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promo_code: Option<String>,
}

/// How the customer uses points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Redeem {
    /// Points are only collected.
    #[default]
    Never,
    /// Every order uses as many points as the program allows.
    Max,
}

impl Redeem {
    /// The points an order asks to use: for `Max`, the most a cart may ask, which the quote then
    /// caps at the balance and the program's share; none on a program without points.
    pub fn points(self, program: &Program) -> u64 {
        match self {
            Redeem::Max if program.points.is_some() => crate::validate::MAX_POINTS,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Projection {
    pub currency: String,
    pub months: Vec<Month>,
    pub totals: Totals,
    /// When the points left at the end expire, oldest first.
    pub expiry_schedule: Vec<Expiring>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Month {
    /// `YYYY-MM`.
    pub month: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    pub spend: Decimal,
    pub discount: Decimal,
    pub paid: Decimal,
    pub points_earned: u64,
    pub points_redeemed: u64,
    pub points_expired: u64,
    pub points_balance: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee_points_earned: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee_points_balance: Option<u64>,
    pub store_credit_earned: Decimal,
    pub store_credit_balance: Decimal,
    /// Discounts, store credit and the face value of points earned this month.
    pub benefit: Decimal,
    pub cumulative_spend: Decimal,
    pub cumulative_benefit: Decimal,
    /// Cumulative benefit ÷ cumulative spend, in %, to two decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_return: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Totals {
    pub spend: Decimal,
    pub discount: Decimal,
    pub points_earned: u64,
    pub points_redeemed: u64,
    pub points_redeemed_value: Decimal,
    pub points_expired: u64,
    pub store_credit_earned: Decimal,
    pub benefit: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_return: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_tier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Expiring {
    pub date: NaiveDate,
    pub points: u64,
}

impl ProjectionRequest {
    pub fn validate(&self) -> Result<()> {
        self.program.validate().map_err(|e| e.under("program"))?;
        self.customer
            .validate(&self.program)
            .map_err(|e| e.under("customer"))?;
        if !(1..=MAX_MONTHS).contains(&self.months) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "months",
                format!("a projection covers 1 to {MAX_MONTHS} months"),
            ));
        }
        let money = self.program.money();
        match &self.plan {
            Plan::Monthly {
                spend,
                day,
                orders_per_month,
            } => {
                if !(1..=28).contains(day) {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "plan.monthly.day",
                        "the order day is 1 to 28, so that every month has it",
                    ));
                }
                if !(1..=28).contains(orders_per_month) {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "plan.monthly.orders_per_month",
                        "a month holds 1 to 28 planned orders",
                    ));
                }
                for (index, item) in spend.iter().enumerate() {
                    crate::validate::non_negative_amount(
                        &money,
                        item.amount,
                        &format!("plan.monthly.spend[{index}].amount"),
                    )?;
                }
            }
            Plan::Orders { orders } => {
                for (index, order) in orders.iter().enumerate() {
                    let cart = Cart {
                        date: order.date,
                        lines: order.lines.clone(),
                        promo_code: order.promo_code.clone(),
                        redeem_points: 0,
                        events: Vec::new(),
                        partner_points: Vec::new(),
                    };
                    cart.validate(&self.program)
                        .map_err(|e| e.under(&format!("plan.orders.orders[{index}]")))?;
                }
            }
        }
        Ok(())
    }
}

/// The running state of one customer through the months.
struct State {
    customer: Customer,
    store_credit: Decimal,
}

/// Projects the customer's months. Validates first.
pub fn project(request: &ProjectionRequest) -> Result<Projection> {
    request.validate()?;
    let program = &request.program;
    let money = program.money();
    let first = period_start(Period::Month, request.start);
    let mut state = State {
        store_credit: request.customer.store_credit.unwrap_or(Decimal::ZERO),
        customer: request.customer.clone(),
    };
    if state.customer.tier.is_none() && !program.tiers.is_empty() {
        let before = first.pred_opt().unwrap_or(first);
        state.customer.tier =
            tier_for(program, tiers::qualifying(program, &state.customer, before))
                .map(|i| program.tiers[i].id.clone());
    }
    if let Some(rules) = &program.points {
        state.customer.points = points::spend_oldest_first(&state.customer.points, rules, first, 0);
    }
    let mut months = Vec::with_capacity(request.months as usize);
    let (mut cumulative_spend, mut cumulative_benefit) = (Decimal::ZERO, Decimal::ZERO);
    let mut totals = Totals {
        spend: money.zero(),
        discount: money.zero(),
        points_earned: 0,
        points_redeemed: 0,
        points_redeemed_value: money.zero(),
        points_expired: 0,
        store_credit_earned: money.zero(),
        benefit: money.zero(),
        effective_return: None,
        final_tier: None,
    };
    for index in 0..request.months {
        let start = first
            .checked_add_months(Months::new(index))
            .ok_or_else(|| crate::validate::overflow("months"))?;
        let next = start
            .checked_add_months(Months::new(1))
            .ok_or_else(|| crate::validate::overflow("months"))?;
        review_tier(program, &mut state.customer, start);
        let mut row = MonthTally::default();
        for cart in orders_in(request, start, next) {
            let cart = Cart {
                redeem_points: request.redeem.points(program),
                ..cart
            };
            let quote = quote_valid(program, &state.customer, &cart)?;
            apply(program, &mut state, &cart, &quote, &mut row);
        }
        let expired = expire(program, &mut state.customer, next);
        let balance = |lots: &[PointLot]| lots.iter().map(|lot| lot.points).sum::<u64>();
        let points_value = program
            .points
            .as_ref()
            .map_or(Decimal::ZERO, |rules| rules.value_per_point);
        let points_benefit = row
            .earned
            .checked_add(row.employee_earned.unwrap_or(0))
            .and_then(|points| checked_mul(points_value, Decimal::from(points)))
            .ok_or_else(|| crate::validate::overflow("plan"))?;
        let benefit = money.round(row.discount + row.credit + points_benefit);
        cumulative_spend += row.spend;
        cumulative_benefit += benefit;
        totals.spend += row.spend;
        totals.discount += row.discount;
        totals.points_earned += row.earned;
        totals.points_redeemed += row.redeemed;
        totals.points_redeemed_value += row.redeemed_value;
        totals.points_expired += expired;
        totals.store_credit_earned += row.credit;
        totals.benefit += benefit;
        months.push(Month {
            month: format!("{:04}-{:02}", start.year(), start.month()),
            tier: state.customer.tier.clone(),
            spend: money.round(row.spend),
            discount: money.round(row.discount),
            paid: money.round(row.paid),
            points_earned: row.earned,
            points_redeemed: row.redeemed,
            points_expired: expired,
            points_balance: balance(&state.customer.points),
            employee_points_earned: row.employee_earned,
            employee_points_balance: row
                .employee_earned
                .map(|_| balance(&state.customer.employee_points)),
            store_credit_earned: money.round(row.credit),
            store_credit_balance: money.round(state.store_credit),
            benefit,
            cumulative_spend: money.round(cumulative_spend),
            cumulative_benefit: money.round(cumulative_benefit),
            effective_return: crate::margin::share_percent(cumulative_benefit, cumulative_spend),
        });
    }
    for amount in [
        &mut totals.spend,
        &mut totals.discount,
        &mut totals.points_redeemed_value,
        &mut totals.store_credit_earned,
        &mut totals.benefit,
    ] {
        *amount = money.round(*amount);
    }
    totals.effective_return = crate::margin::share_percent(totals.benefit, totals.spend);
    totals.final_tier = state.customer.tier.clone();
    let end = first
        .checked_add_months(Months::new(request.months))
        .unwrap_or(first);
    let expiry_schedule = expiry_schedule(program, &state.customer.points, end);
    Ok(Projection {
        currency: program.currency.clone(),
        months,
        totals,
        expiry_schedule,
    })
}

#[derive(Default)]
struct MonthTally {
    spend: Decimal,
    discount: Decimal,
    paid: Decimal,
    earned: u64,
    employee_earned: Option<u64>,
    redeemed: u64,
    redeemed_value: Decimal,
    credit: Decimal,
}

/// The carts the plan places in the month starting on `start`.
fn orders_in(request: &ProjectionRequest, start: NaiveDate, next: NaiveDate) -> Vec<Cart> {
    let cart = |date, lines, promo_code| Cart {
        date,
        lines,
        promo_code,
        redeem_points: 0,
        events: Vec::new(),
        partner_points: Vec::new(),
    };
    match &request.plan {
        Plan::Monthly {
            spend,
            day,
            orders_per_month,
        } => {
            let money = request.program.money();
            let orders = *orders_per_month as usize;
            // Each category's monthly amount, split evenly over the orders to the minor unit.
            let shares: Vec<Vec<Decimal>> = spend
                .iter()
                .map(|item| split_evenly(&money, item.amount, orders))
                .collect();
            let mut carts: Vec<Cart> = (0..orders)
                .filter_map(|order| {
                    let lines: Vec<Line> = spend
                        .iter()
                        .zip(&shares)
                        .filter(|(_, parts)| !parts[order].is_zero())
                        .map(|(item, parts)| Line {
                            sku: format!("plan-{}", item.category),
                            category: item.category.clone(),
                            unit_price: parts[order],
                            quantity: 1,
                            unit_cost: None,
                            promotional: false,
                        })
                        .collect();
                    // Spread over the month from `day` on, within days 1–28.
                    let offset = (*day as usize - 1 + order * 28 / orders) % 28;
                    let date = start
                        .checked_add_days(Days::new(offset as u64))
                        .unwrap_or(start);
                    (!lines.is_empty()).then(|| cart(date, lines, None))
                })
                .collect();
            carts.sort_by_key(|cart| cart.date);
            carts
        }
        Plan::Orders { orders } => {
            let mut carts: Vec<Cart> = orders
                .iter()
                .filter(|order| order.date >= start && order.date < next)
                .map(|order| cart(order.date, order.lines.clone(), order.promo_code.clone()))
                .collect();
            carts.sort_by_key(|cart| cart.date);
            carts
        }
    }
}

/// `amount` in `parts` equal shares to the minor unit; the first shares take the leftover units.
fn split_evenly(money: &crate::money::Money, amount: Decimal, parts: usize) -> Vec<Decimal> {
    let count = Decimal::from(parts as u64);
    let share = money.floor(amount / count);
    let mut leftover = amount - share * count;
    (0..parts)
        .map(|_| {
            let extra = if leftover > Decimal::ZERO {
                money.unit()
            } else {
                Decimal::ZERO
            };
            leftover -= extra;
            money.round(share + extra)
        })
        .collect()
}

/// Books one quoted order into the customer's state and the month's tally.
fn apply(program: &Program, state: &mut State, cart: &Cart, quote: &Quote, row: &mut MonthTally) {
    let customer = &mut state.customer;
    row.spend += quote.subtotal;
    row.discount += quote.discount_total;
    row.paid += quote.payable;
    customer.spend.push(SpendRecord {
        date: Some(cart.date),
        from: None,
        to: None,
        amount: quote.after_discounts,
    });
    if let (Some(rules), Some(outcome)) = (&program.points, &quote.points) {
        if outcome.redeemed > 0 {
            // Lots that expired earlier this month stay until the month's end counts them.
            let (usable, expired): (Vec<PointLot>, Vec<PointLot>) = customer
                .points
                .drain(..)
                .partition(|lot| points::expiry(lot, rules).is_none_or(|end| cart.date < end));
            customer.points =
                points::spend_oldest_first(&usable, rules, cart.date, outcome.redeemed);
            customer.points.extend(expired);
        }
        if outcome.earned > 0 {
            customer.points.push(PointLot {
                points: outcome.earned,
                earned: cart.date,
                expires: None,
            });
        }
        row.earned += outcome.earned;
        row.redeemed += outcome.redeemed;
        row.redeemed_value += outcome.redeemed_value;
        if let Some(employee) = outcome.employee_earned {
            row.employee_earned = Some(row.employee_earned.unwrap_or(0) + employee);
            if employee > 0 {
                customer.employee_points.push(PointLot {
                    points: employee,
                    earned: cart.date,
                    expires: None,
                });
            }
        }
    }
    if let Some(cashback) = &quote.cashback {
        row.credit += cashback.earned;
        state.store_credit += cashback.earned;
        customer.credit_history.push(CreditRecord {
            date: cart.date,
            amount: cashback.earned,
        });
    }
    if let Some(tier) = quote.tier.as_ref().and_then(|t| t.after.clone()) {
        customer.tier = Some(tier);
    }
    customer.last_purchase = Some(cart.date);
    customer.first_purchase_made = true;
}

/// Applies the program's recalculation on the first day of a month: monthly upgrades, downgrades
/// (at once or at the yearly review), and a contract tier's minimum commitment.
pub fn review_tier(program: &Program, customer: &mut Customer, month_start: NaiveDate) {
    let current = customer
        .tier
        .as_deref()
        .and_then(|id| program.tier_index(id));
    let next = reviewed_tier(program, customer, current, month_start);
    if next != current {
        customer.tier = next.map(|i| program.tiers[i].id.clone());
    }
}

/// The tier index the recalculation on `month_start` gives a customer now at `current`.
pub fn reviewed_tier(
    program: &Program,
    customer: &Customer,
    current: Option<usize>,
    month_start: NaiveDate,
) -> Option<usize> {
    if program.tiers.is_empty() {
        return current;
    }
    let Some(previous_day) = month_start.pred_opt() else {
        return current;
    };
    let earned = tier_for(program, tiers::qualifying(program, customer, previous_day));
    let rules = &program.tier_rules;
    let downgrade_now =
        rules.downgrade == Downgrade::Immediate || month_start.month() == rules.review_month;
    let mut next = tiers::reviewed(current, earned, downgrade_now);
    if let Some(index) = next {
        if let Some(commitment) = &program.tiers[index].min_commitment {
            let period = period_start(commitment.period, previous_day);
            if period_start(commitment.period, month_start) == month_start
                && tiers::spend_between(customer, period, previous_day) < commitment.amount
            {
                next = index.checked_sub(1);
            }
        }
    }
    next
}

/// Drops the lots that can no longer be used on `next`; returns how many of the customer's own
/// points expired (the employee's lots expire alike, and are reported in their balance).
fn expire(program: &Program, customer: &mut Customer, next: NaiveDate) -> u64 {
    let Some(rules) = &program.points else {
        return 0;
    };
    let usable = |lot: &PointLot| points::expiry(lot, rules).is_none_or(|end| next < end);
    customer.employee_points.retain(usable);
    let before: u64 = customer.points.iter().map(|lot| lot.points).sum();
    customer.points.retain(usable);
    before - customer.points.iter().map(|lot| lot.points).sum::<u64>()
}

fn expiry_schedule(program: &Program, lots: &[PointLot], from: NaiveDate) -> Vec<Expiring> {
    let Some(rules) = &program.points else {
        return Vec::new();
    };
    let mut schedule: Vec<Expiring> = Vec::new();
    let mut dated: Vec<(NaiveDate, u64)> = lots
        .iter()
        .filter_map(|lot| points::expiry(lot, rules).map(|d| (d, lot.points)))
        .filter(|(d, _)| *d >= from)
        .collect();
    dated.sort();
    for (date, points) in dated {
        match schedule.last_mut() {
            Some(last) if last.date == date => last.points += points,
            _ => schedule.push(Expiring { date, points }),
        }
    }
    schedule
}

/// What it takes to reach a tier, or to keep one at the next review.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Target {
    pub tier: String,
    /// Qualifying spend (or points) still needed.
    pub remaining: Decimal,
    /// The last day that counts, when the window has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
    /// When the tier would take effect, or the review that decides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<NaiveDate>,
}

/// "How much must I spend, and by when, to reach tier `tier_id`?"
pub fn to_reach(
    program: &Program,
    customer: &Customer,
    tier_id: &str,
    as_of: NaiveDate,
) -> Option<Target> {
    let tier = program.tier(tier_id)?;
    let have = tiers::qualifying(program, customer, as_of);
    let by = window_end(program.tier_rules.window, as_of);
    let effective = match program.tier_rules.upgrade {
        crate::program::Upgrade::Immediate => None,
        crate::program::Upgrade::Monthly => Some(tiers::next_month_start(as_of)),
    };
    Some(Target {
        tier: tier.id.clone(),
        remaining: (tier.threshold - have).max(Decimal::ZERO),
        by,
        effective,
    })
}

/// "What must I spend to keep my tier at the next review?"
pub fn to_keep(program: &Program, customer: &Customer, as_of: NaiveDate) -> Option<Target> {
    let index = tiers::standing(program, customer, as_of).tier?;
    let tier = &program.tiers[index];
    let review = match program.tier_rules.downgrade {
        Downgrade::Immediate => tiers::next_month_start(as_of),
        Downgrade::YearlyReview => {
            let this_year =
                NaiveDate::from_ymd_opt(as_of.year(), program.tier_rules.review_month, 1)?;
            if this_year > as_of {
                this_year
            } else {
                this_year.checked_add_months(Months::new(12))?
            }
        }
    };
    let last_day = review.pred_opt()?;
    let window_from = tiers::window_start(program.tier_rules.window, last_day);
    let already = match program.tier_rules.qualifies_on {
        crate::program::Qualifier::Spend => tiers::spend_between(customer, window_from, as_of),
        crate::program::Qualifier::Points => tiers::qualifying(program, customer, as_of),
    };
    Some(Target {
        tier: tier.id.clone(),
        remaining: (tier.threshold - already).max(Decimal::ZERO),
        by: Some(last_day),
        effective: Some(review),
    })
}

/// The last day of the window that holds `as_of`, for windows that end.
fn window_end(window: Window, as_of: NaiveDate) -> Option<NaiveDate> {
    let period = match window {
        Window::CalendarYear => Period::Year,
        Window::CalendarQuarter => Period::Quarter,
        Window::Lifetime | Window::RollingMonths { .. } => return None,
    };
    let months = if period == Period::Year { 12 } else { 3 };
    period_start(period, as_of)
        .checked_add_months(Months::new(months))?
        .pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Money, Rounding};

    #[test]
    fn monthly_spend_splits_evenly_to_the_minor_unit() {
        let usd = Money {
            minor_units: 2,
            rounding: Rounding::HalfUp,
        };
        let parts = split_evenly(&usd, "100.00".parse().unwrap(), 3);
        assert_eq!(
            parts.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            ["33.34", "33.33", "33.33"]
        );
        let jpy = Money {
            minor_units: 0,
            rounding: Rounding::HalfUp,
        };
        let parts = split_evenly(&jpy, "10".parse().unwrap(), 4);
        assert_eq!(
            parts.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            ["3", "3", "2", "2"]
        );
    }
}
