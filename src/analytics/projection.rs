//! Projections: a customer's months under a program, from a plan of purchases, and the questions
//! customers ask the other way round (what must I spend to reach or keep a tier).

use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::{Cart, Line};
use crate::format::customer::Customer;
use crate::format::program::{Downgrade, Period, Program, Window};
use crate::money::exact::decimal_of;
use crate::rules::calendar::{Calendar, Day};
use crate::rules::figures::Figures;
use crate::rules::ledger::run_months;
use crate::rules::periods::{self, period_start};
use crate::rules::{Ledger, Order, Rules};
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

/// What the customer buys: the same spend every month, the same basket of cart lines, or a list
/// of dated orders. `{"monthly": {"spend": [...]}}`, `{"basket": {"lines": [...]}}` or
/// `{"orders": {"orders": [...]}}`.
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
        /// Purchase frequency: orders in each monthly cycle (1–28). The first falls on `day`, the
        /// others every 28 ÷ n days after it, so twice a month from the 20th is the 20th and
        /// 14 days later, early in the next month. A cycle's orders that fall after the
        /// projection's last month are not in it.
        #[serde(default = "one_order")]
        orders_per_month: u32,
    },
    /// The same order of real cart lines (items, unit prices, quantities, attributes), placed
    /// `orders_per_month` times a month on the days a monthly plan's orders fall: each is priced
    /// as a quote of that cart, so what is earned per unit or by attribute counts.
    Basket(Basket),
    Orders {
        orders: Vec<PlannedOrder>,
    },
}

/// A customer's typical order and how often it is placed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Basket {
    /// The lines of one order, as a cart holds them (at least one).
    pub lines: Vec<Line>,
    /// The day of the month of the (first) order (1–28).
    #[serde(default = "mid_month")]
    pub day: u32,
    /// Orders in each monthly cycle (1–28), as in a monthly plan.
    #[serde(default = "one_order")]
    pub orders_per_month: u32,
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
    /// The orders use this share, in %, of the points they could use (`{"share": "60"}`): what
    /// customers are expected to redeem; the rest may expire unused (breakage).
    Share(Decimal),
}

impl Redeem {
    /// The points an order asks to use: for `Max` and `Share`, the most a cart may ask, which
    /// the pricer then caps at the balance and the program's share; none on a program without
    /// points.
    pub fn points(self, program: &Program) -> u64 {
        match self {
            Redeem::Max | Redeem::Share(_) if program.points.is_some() => {
                crate::format::validate::MAX_POINTS
            }
            _ => 0,
        }
    }

    /// The share of what they could use that the orders use; `None` for all of it.
    pub fn share(self) -> Option<crate::money::exact::Fraction> {
        match self {
            Redeem::Share(percent) => crate::money::exact::Fraction::percent(percent),
            _ => None,
        }
    }

    /// Refuses a share outside 0 to 100 %, at `path`.
    pub fn validate(self, path: &str) -> Result<()> {
        match self {
            Redeem::Share(percent) => {
                crate::format::validate::percent(percent, &format!("{path}.share"))
            }
            _ => Ok(()),
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
    /// Of the balance, the points still pending at the month's end, on a program whose points
    /// wait before they can be spent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_pending: Option<u64>,
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

/// A projection's inputs, borrowed: a request's, or those of a caller that holds them apart (a
/// comparison's variants, a tier preview), which then projects without copying its program.
#[derive(Debug, Clone, Copy)]
pub struct Projecting<'a> {
    pub program: &'a Program,
    pub customer: &'a Customer,
    /// Any day of the first month.
    pub start: NaiveDate,
    pub months: u32,
    pub plan: &'a Plan,
    pub redeem: Redeem,
}

impl ProjectionRequest {
    pub fn parts(&self) -> Projecting<'_> {
        Projecting {
            program: &self.program,
            customer: &self.customer,
            start: self.start,
            months: self.months,
            plan: &self.plan,
            redeem: self.redeem,
        }
    }

    /// Validates the request; the program comes back compiled.
    pub fn validate(&self) -> Result<Rules> {
        self.parts().validate()
    }
}

impl Projecting<'_> {
    /// Validates the inputs; the program comes back compiled.
    pub fn validate(&self) -> Result<Rules> {
        let rules = Rules::new(self.program).map_err(|e| e.under("program"))?;
        self.customer
            .validate(self.program)
            .map_err(|e| e.under("customer"))?;
        self.redeem.validate("redeem")?;
        if !(1..=MAX_MONTHS).contains(&self.months) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "months",
                format!("a projection covers 1 to {MAX_MONTHS} months"),
            ));
        }
        let money = self.program.money();
        match self.plan {
            Plan::Monthly {
                spend,
                day,
                orders_per_month,
            } => {
                validate_cycle(*day, *orders_per_month).map_err(|e| e.under("plan.monthly"))?;
                for (index, item) in spend.iter().enumerate() {
                    crate::format::validate::non_negative_amount(
                        &money,
                        item.amount,
                        &format!("plan.monthly.spend[{index}].amount"),
                    )?;
                }
            }
            Plan::Basket(basket) => basket
                .validate(self.program)
                .map_err(|e| e.under("plan.basket"))?,
            Plan::Orders { orders } => {
                for (index, order) in orders.iter().enumerate() {
                    let cart = Cart {
                        shipping: Vec::new(),
                        date: order.date,
                        lines: order.lines.clone(),
                        promo_code: order.promo_code.clone(),
                        redeem_points: 0,
                        events: Vec::new(),
                        partner_points: Vec::new(),
                        usage: Default::default(),
                    };
                    cart.validate(self.program)
                        .map_err(|e| e.under(&format!("plan.orders.orders[{index}]")))?;
                }
            }
        }
        Ok(rules)
    }
}

impl Basket {
    /// Refuses an empty basket, a line a cart would refuse, or a day or frequency not every month
    /// has; the paths are the basket's own (`lines[1].quantity`).
    pub fn validate(&self, program: &Program) -> Result<()> {
        validate_cycle(self.day, self.orders_per_month)?;
        if self.lines.is_empty() {
            return Err(Error::new(
                ErrorCode::Empty,
                "lines",
                "a basket holds at least one line",
            ));
        }
        Cart {
            lines: self.lines.clone(),
            ..Cart::default()
        }
        .validate(program)
    }
}

/// Refuses an order day or a number of orders a month that not every month has.
fn validate_cycle(day: u32, orders_per_month: u32) -> Result<()> {
    if !(1..=28).contains(&day) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "day",
            "the order day is 1 to 28, so that every month has it",
        ));
    }
    if !(1..=28).contains(&orders_per_month) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "orders_per_month",
            "a month holds 1 to 28 planned orders",
        ));
    }
    Ok(())
}

/// Projects the customer's months. Validates first.
pub fn project(request: &ProjectionRequest) -> Result<Projection> {
    let rules = request.validate()?;
    project_with(&rules, request)
}

/// Projects the customer's months under rules already compiled, for a request already validated.
pub fn project_with(rules: &Rules, request: &ProjectionRequest) -> Result<Projection> {
    project_parts(rules, request.parts())
}

/// The same for inputs held apart.
pub fn project_parts(rules: &Rules, request: Projecting) -> Result<Projection> {
    let program = request.program;
    let money = |minor: i128| decimal_of(minor, rules.units);
    let first = period_start(Period::Month, request.start);
    let calendar = Calendar::new(rules, first, request.months)?;
    let mut ledger = Ledger::start(rules, request.customer, &calendar.starts[0]);
    let employee_account = rules
        .points
        .as_ref()
        .is_some_and(|p| p.employee_earn.is_some())
        && request.customer.employee_id.is_some();
    let pending_days = rules.points.as_ref().is_some_and(|p| p.pending_days > 0);
    let (carts, schedule) = planned_carts(request);
    let redeem_points = request.redeem.points(program);
    let mut orders: Vec<Order> = carts
        .iter()
        .map(|cart| Order {
            redeem_points,
            redeem_share: request.redeem.share(),
            ..Order::of(rules, cart)
        })
        .collect();
    let mut months = Vec::with_capacity(request.months as usize);
    let mut totals = Figures::default();
    let schedule: Vec<(Day, usize)> = schedule
        .into_iter()
        .map(|(date, which)| (Day::of(rules, date), which))
        .collect();
    run_months(
        rules,
        &mut ledger,
        &calendar,
        &schedule,
        &mut orders,
        |start, row, ledger| {
            totals.add(row)?;
            months.push(Month {
                month: crate::rules::periods::month_name(start),
                tier: ledger.tier().map(|t| rules.tiers[t].id.clone()),
                spend: money(row.spend),
                discount: money(row.discount),
                paid: money(row.paid),
                points_earned: row.points_earned,
                points_redeemed: row.points_redeemed,
                points_expired: row.points_expired,
                points_balance: ledger.points_held(),
                points_pending: pending_days.then(|| {
                    let last_day = crate::rules::periods::next_month_start(start)
                        .pred_opt()
                        .unwrap_or(start);
                    ledger.pending(last_day)
                }),
                employee_points_earned: employee_account.then_some(row.employee_points_earned),
                employee_points_balance: employee_account.then(|| ledger.employee_points_held()),
                store_credit_earned: money(row.store_credit_earned),
                store_credit_balance: money(ledger.store_credit()),
                benefit: money(row.benefit),
                cumulative_spend: money(totals.spend),
                cumulative_benefit: money(totals.benefit),
                effective_return: crate::money::exact::share_percent(totals.benefit, totals.spend),
            });
            Ok(())
        },
    )?;
    let end = first
        .checked_add_months(Months::new(request.months))
        .unwrap_or(first);
    Ok(Projection {
        currency: rules.currency.clone(),
        months,
        totals: Totals {
            spend: money(totals.spend),
            discount: money(totals.discount),
            points_earned: totals.points_earned,
            points_redeemed: totals.points_redeemed,
            points_redeemed_value: money(totals.points_redeemed_value),
            points_expired: totals.points_expired,
            store_credit_earned: money(totals.store_credit_earned),
            benefit: money(totals.benefit),
            effective_return: crate::money::exact::share_percent(totals.benefit, totals.spend),
            final_tier: ledger.tier().map(|t| rules.tiers[t].id.clone()),
        },
        expiry_schedule: ledger
            .expiry_schedule(end)
            .into_iter()
            .map(|(date, points)| Expiring { date, points })
            .collect(),
    })
}

/// The plan as carts and a schedule: `(date, cart index)` in date order. A monthly plan has one
/// cart for each order of its cycle, placed again every month.
fn planned_carts(request: Projecting) -> (Vec<Cart>, Vec<(NaiveDate, usize)>) {
    let cart = |date, lines, promo_code| Cart {
        shipping: Vec::new(),
        date,
        lines,
        promo_code,
        redeem_points: 0,
        events: Vec::new(),
        partner_points: Vec::new(),
        usage: Default::default(),
    };
    let (carts, mut schedule) = match request.plan {
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
            let first = period_start(Period::Month, request.start);
            let carts: Vec<Cart> = (0..orders)
                .map(|order| {
                    let lines = spend
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
                            attributes: Default::default(),
                        })
                        .collect();
                    cart(first, lines, None)
                })
                .collect();
            let mut schedule = cycle_days(request, *day, *orders_per_month);
            schedule.retain(|(_, order)| !carts[*order].lines.is_empty());
            (carts, schedule)
        }
        Plan::Basket(basket) => {
            let first = period_start(Period::Month, request.start);
            let carts = vec![cart(first, basket.lines.clone(), None)];
            // One cart, placed on every day of the cycle.
            let mut schedule = cycle_days(request, basket.day, basket.orders_per_month);
            for (_, order) in &mut schedule {
                *order = 0;
            }
            (carts, schedule)
        }
        Plan::Orders { orders } => {
            let carts: Vec<Cart> = orders
                .iter()
                .map(|order| cart(order.date, order.lines.clone(), order.promo_code.clone()))
                .collect();
            let schedule = carts
                .iter()
                .enumerate()
                .map(|(at, c)| (c.date, at))
                .collect();
            (carts, schedule)
        }
    };
    // Stable: orders on the same day keep the plan's order.
    schedule.sort_by_key(|(date, _)| *date);
    (carts, schedule)
}

/// The days of a monthly cycle's orders over the projection, each with its place in the cycle:
/// the first on `day`, the others every 28 ÷ n days after it; the last ones may fall early in the
/// next month.
pub(crate) fn cycle_days(
    request: Projecting,
    day: u32,
    orders_per_month: u32,
) -> Vec<(NaiveDate, usize)> {
    let first = period_start(Period::Month, request.start);
    let orders = orders_per_month.max(1) as usize;
    let mut days = Vec::with_capacity(request.months as usize * orders);
    for month in 0..request.months {
        let Some(start) = first.checked_add_months(Months::new(month)) else {
            break;
        };
        for order in 0..orders {
            let offset = (day as usize).saturating_sub(1) + order * (28 / orders);
            if let Some(date) = start.checked_add_days(Days::new(offset as u64)) {
                days.push((date, order));
            }
        }
    }
    days
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

/// "How much must I spend, and by when, to reach tier `tier` (an index)?"
pub fn to_reach(rules: &Rules, ledger: &Ledger, tier: usize, as_of: NaiveDate) -> Target {
    let rule = &rules.tiers[tier];
    Target {
        tier: rule.id.clone(),
        remaining: rules.remaining_to(rule, ledger.qualifying(rules, as_of)),
        by: window_end(rules.tiering.window, as_of),
        effective: match rules.tiering.upgrade {
            crate::format::program::Upgrade::Immediate => None,
            crate::format::program::Upgrade::Monthly => Some(periods::next_month_start(as_of)),
        },
    }
}

/// "What must I spend to keep my tier at the next review?"
pub fn to_keep(rules: &Rules, ledger: &Ledger, as_of: NaiveDate) -> Option<Target> {
    let rule = &rules.tiers[ledger.tier_on(rules, as_of)?];
    let tiering = &rules.tiering;
    let review = match tiering.downgrade {
        Downgrade::Immediate => periods::next_month_start(as_of),
        Downgrade::YearlyReview => {
            let this_year = NaiveDate::from_ymd_opt(as_of.year(), tiering.review_month, 1)?;
            if this_year > as_of {
                this_year
            } else {
                this_year.checked_add_months(Months::new(12))?
            }
        }
    };
    let last_day = review.pred_opt()?;
    let already = match tiering.qualifies_on {
        crate::format::program::Qualifier::Spend => {
            ledger.spend_between(periods::window_start(tiering.window, last_day), as_of)
        }
        crate::format::program::Qualifier::Points => ledger.qualifying(rules, as_of),
    };
    Some(Target {
        tier: rule.id.clone(),
        remaining: rules.remaining_to(rule, already),
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
