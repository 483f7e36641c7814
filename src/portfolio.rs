//! Portfolio forecasts: many customers' months at once, each spending a fixed amount a month,
//! summed into the seller's figures per month (spend, discounts, points, tiers).
//!
//! Programs whose rules need only the tier and the amount of an order (see [`LeanProgram::compile`])
//! run on a fast path: integer minor units, the calendar worked out once for every customer, and
//! no quote or trace per order. Any other program, or a customer whose figures would overflow,
//! goes through [`crate::projection::project`]. Both paths give the same numbers (tested).

use crate::customer::Customer;
use crate::error::{Error, ErrorCode, Result};
use crate::lean::{to_minor, LeanOrder, LeanProgram};
use crate::points;
use crate::program::{Downgrade, Program, Upgrade};
use crate::projection::{project, CategorySpend, Plan, ProjectionRequest, Redeem, MAX_MONTHS};
use crate::tiers::{self, period_start, window_start};
use crate::validate;
use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The most customers one forecast takes.
pub const MAX_CUSTOMERS: usize = 1_000_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PortfolioRequest {
    pub program: Program,
    /// Any day of the first month.
    pub start: NaiveDate,
    pub months: u32,
    /// The day of the month of each customer's monthly order (1–28).
    #[serde(default = "crate::projection::mid_month")]
    pub day: u32,
    #[serde(default)]
    pub redeem: Redeem,
    pub customers: Vec<PortfolioCustomer>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PortfolioCustomer {
    #[serde(default)]
    pub customer: Customer,
    /// What this customer spends each month, by category, in one order.
    pub monthly: Vec<CategorySpend>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Portfolio {
    pub currency: String,
    pub customers: u64,
    /// Customers computed on the fast path; the others went through full projections.
    pub fast_path_customers: u64,
    pub months: Vec<PortfolioMonth>,
    pub totals: PortfolioFigures,
    /// Points still held at the end, and their face value.
    pub points_outstanding: u64,
    pub points_outstanding_value: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PortfolioMonth {
    /// `YYYY-MM`.
    pub month: String,
    #[serde(flatten)]
    pub figures: PortfolioFigures,
    /// Customers in each tier at the month's end (`none` for no tier).
    pub tiers: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PortfolioFigures {
    pub spend: Decimal,
    pub discount: Decimal,
    pub paid: Decimal,
    pub points_earned: u64,
    pub points_redeemed: u64,
    pub points_redeemed_value: Decimal,
    pub points_expired: u64,
    /// Discounts and the face value of points earned.
    pub benefit: Decimal,
}

/// One month's sums in minor units, before they become decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Sums {
    spend: i128,
    discount: i128,
    paid: i128,
    earned: u64,
    redeemed: u64,
    redeemed_value: i128,
    expired: u64,
    benefit: i128,
}

impl Sums {
    fn add(&mut self, other: &Sums) {
        self.spend += other.spend;
        self.discount += other.discount;
        self.paid += other.paid;
        self.earned += other.earned;
        self.redeemed += other.redeemed;
        self.redeemed_value += other.redeemed_value;
        self.expired += other.expired;
        self.benefit += other.benefit;
    }
}

/// What the forecast adds up, customer by customer.
struct Tally {
    months: Vec<Sums>,
    /// `tiers[month][tier]`, the last index standing for no tier.
    tiers: Vec<Vec<u64>>,
    outstanding: u64,
    fast: u64,
}

impl PortfolioRequest {
    pub fn validate(&self) -> Result<()> {
        self.program.validate().map_err(|e| e.under("program"))?;
        if !(1..=MAX_MONTHS).contains(&self.months) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "months",
                format!("a forecast covers 1 to {MAX_MONTHS} months"),
            ));
        }
        if !(1..=28).contains(&self.day) {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "day",
                "the order day is 1 to 28, so that every month has it",
            ));
        }
        if self.customers.len() > MAX_CUSTOMERS {
            return Err(Error::new(
                ErrorCode::TooLarge,
                "customers",
                format!("a forecast takes at most {MAX_CUSTOMERS} customers"),
            ));
        }
        let money = self.program.money();
        // Paths are written only for an error: a portfolio may hold a million customers.
        for (index, entry) in self.customers.iter().enumerate() {
            entry
                .customer
                .validate_in(&self.program, &money)
                .map_err(|e| e.under(&format!("customers[{index}].customer")))?;
            for (item, spend) in entry.monthly.iter().enumerate() {
                validate::non_negative_amount(&money, spend.amount, "")
                    .map_err(|e| e.under(&format!("customers[{index}].monthly[{item}].amount")))?;
            }
        }
        Ok(())
    }
}

/// Forecasts every customer's months and sums them. Validates first.
pub fn forecast(request: &PortfolioRequest) -> Result<Portfolio> {
    request.validate()?;
    let program = &request.program;
    let tiers = program.tiers.len();
    let mut tally = Tally {
        months: vec![Sums::default(); request.months as usize],
        tiers: vec![vec![0; tiers + 1]; request.months as usize],
        outstanding: 0,
        fast: 0,
    };
    let calendar = Calendar::new(request)?;
    let lean = LeanProgram::compile(program);
    let mut scratch = Scratch {
        rows: vec![Sums::default(); calendar.months.len()],
        tiers: vec![0; calendar.months.len()],
        ..Scratch::default()
    };
    let mut slow: Option<ProjectionRequest> = None;
    for entry in &request.customers {
        let outstanding = lean
            .as_ref()
            .and_then(|lean| run(lean, &calendar, entry, request.redeem, &mut scratch));
        match outstanding {
            Some(outstanding) => {
                for (index, row) in scratch.rows.iter().enumerate() {
                    tally.months[index].add(row);
                    tally.tiers[index][scratch.tiers[index]] += 1;
                }
                tally.outstanding += outstanding;
                tally.fast += 1;
            }
            None => {
                // One request for every slow-path customer, so the program is cloned once.
                let one = slow.get_or_insert_with(|| ProjectionRequest {
                    program: program.clone(),
                    customer: Customer::default(),
                    start: request.start,
                    months: request.months,
                    plan: Plan::Orders { orders: Vec::new() },
                    redeem: request.redeem,
                });
                one.customer = entry.customer.clone();
                one.plan = Plan::Monthly {
                    spend: entry.monthly.clone(),
                    day: request.day,
                    orders_per_month: 1,
                };
                project_one(one, &mut tally)?
            }
        }
    }
    Ok(finish(request, &calendar, tally))
}

/// The slow path: a full projection, summed into the tally.
fn project_one(request: &ProjectionRequest, tally: &mut Tally) -> Result<()> {
    let program = &request.program;
    let minor = |amount: Decimal| to_minor(amount, program.money().minor_units);
    let projection = project(request)?;
    for (index, month) in projection.months.iter().enumerate() {
        tally.months[index].add(&Sums {
            spend: minor(month.spend),
            discount: minor(month.discount),
            paid: minor(month.paid),
            earned: month.points_earned,
            redeemed: month.points_redeemed,
            // What the points paid: the order's amount after discounts less what was paid.
            redeemed_value: minor(month.spend - month.discount - month.paid),
            expired: month.points_expired,
            benefit: minor(month.benefit),
        });
        let tier = month
            .tier
            .as_deref()
            .and_then(|id| program.tier_index(id))
            .unwrap_or(program.tiers.len());
        tally.tiers[index][tier] += 1;
    }
    tally.outstanding += projection.months.last().map_or(0, |m| m.points_balance);
    Ok(())
}

fn finish(request: &PortfolioRequest, calendar: &Calendar, tally: Tally) -> Portfolio {
    let program = &request.program;
    let units = program.money().minor_units;
    let money = |minor: i128| Decimal::from_i128_with_scale(minor, units);
    let figures = |sums: &Sums| PortfolioFigures {
        spend: money(sums.spend),
        discount: money(sums.discount),
        paid: money(sums.paid),
        points_earned: sums.earned,
        points_redeemed: sums.redeemed,
        points_redeemed_value: money(sums.redeemed_value),
        points_expired: sums.expired,
        benefit: money(sums.benefit),
    };
    let mut totals = Sums::default();
    let months = tally
        .months
        .iter()
        .zip(&tally.tiers)
        .zip(&calendar.months)
        .map(|((sums, counts), month)| {
            totals.add(sums);
            let tiers = tiers::counts_by_id(program, counts);
            PortfolioMonth {
                month: format!("{:04}-{:02}", month.start.year(), month.start.month()),
                figures: figures(sums),
                tiers,
            }
        })
        .collect();
    let value_per_point = program
        .points
        .as_ref()
        .map_or(Decimal::ZERO, |p| p.value_per_point);
    Portfolio {
        currency: program.currency.clone(),
        customers: request.customers.len() as u64,
        fast_path_customers: tally.fast,
        months,
        totals: figures(&totals),
        points_outstanding: tally.outstanding,
        points_outstanding_value: program
            .money()
            .floor(value_per_point * Decimal::from(tally.outstanding)),
    }
}

/// The dates every customer shares, worked out once.
struct Calendar {
    months: Vec<CalendarMonth>,
    /// The first day of the first month.
    first: NaiveDate,
}

struct CalendarMonth {
    start: NaiveDate,
    /// The first day of the next month, when the month's expired points are counted.
    next: NaiveDate,
    order: NaiveDate,
    /// When points earned by the order stop counting.
    points_expire: NaiveDate,
    is_review_month: bool,
    /// The day before `start`, as of which the month's review counts.
    review_on: NaiveDate,
    /// Where the qualifying windows start for the review (as of `review_on`) and for the order
    /// (as of `order`), and the first planned order each window holds.
    review_from: NaiveDate,
    review_first_order: usize,
    order_from: NaiveDate,
    order_first_order: usize,
}

impl Calendar {
    fn new(request: &PortfolioRequest) -> Result<Calendar> {
        let rules = &request.program.tier_rules;
        let expiry_months = request
            .program
            .points
            .as_ref()
            .and_then(|p| p.expiry_months);
        let first = period_start(crate::program::Period::Month, request.start);
        let overflow = || validate::overflow("months");
        let mut months: Vec<CalendarMonth> = Vec::with_capacity(request.months as usize);
        for index in 0..request.months {
            let start = first
                .checked_add_months(Months::new(index))
                .ok_or_else(overflow)?;
            let next = start
                .checked_add_months(Months::new(1))
                .ok_or_else(overflow)?;
            let order = start
                .checked_add_days(Days::new(u64::from(request.day - 1)))
                .ok_or_else(overflow)?;
            let review_on = start.pred_opt().ok_or_else(overflow)?;
            let review_from = window_start(rules.window, review_on);
            let order_from = window_start(rules.window, order);
            let first_order =
                |from: NaiveDate| months.iter().take_while(|m| m.order < from).count();
            let (review_first_order, order_first_order) =
                (first_order(review_from), first_order(order_from));
            let points_expire = expiry_months
                .and_then(|m| order.checked_add_months(Months::new(m)))
                .unwrap_or(NaiveDate::MAX);
            months.push(CalendarMonth {
                start,
                next,
                order,
                points_expire,
                is_review_month: start.month() == rules.review_month,
                review_on,
                review_from,
                review_first_order,
                order_from,
                order_first_order,
            });
        }
        Ok(Calendar { months, first })
    }
}

/// One customer's months into `scratch.rows` and `scratch.tiers`; returns the points left at
/// the end, or `None` if a figure would overflow.
fn run(
    lean: &LeanProgram,
    calendar: &Calendar,
    entry: &PortfolioCustomer,
    redeem: Redeem,
    scratch: &mut Scratch,
) -> Option<u64> {
    let customer = &entry.customer;
    let none = lean.tier_ids.len();
    let units = lean.minor_units;
    let subtotal = entry
        .monthly
        .iter()
        .try_fold(0i128, |sum, s| sum.checked_add(to_minor(s.amount, units)))?;
    scratch.orders.clear();
    scratch.orders.resize(none + 1, None);
    // Spend recorded before the forecast, in each month's qualifying windows: for the review and
    // for the order. Usually there is none, and the decimals are skipped.
    let history = &mut scratch.history;
    history.clear();
    history.extend(calendar.months.iter().map(|month| {
        if customer.spend.is_empty() {
            return (0, 0);
        }
        let between = |from, to| to_minor(tiers::spend_between(customer, from, to), units);
        (
            between(month.review_from, month.review_on),
            between(month.order_from, month.order),
        )
    }));
    // The planned orders' qualifying spend: `spent[k]` sums the orders before month k.
    let spent = &mut scratch.spent;
    spent.clear();
    spent.push(0i128);
    let mut tier = match &customer.tier {
        Some(id) => lean.tier_ids.iter().position(|t| t == id),
        None => lean.tier_for(history[0].0),
    };
    let lots = &mut scratch.lots;
    lots.clear();
    match &lean.points {
        Some(p) => {
            // The lots usable on the first day, in order of expiry.
            for lot in &customer.points {
                let expires = points::expiry(lot, &p.rules).unwrap_or(NaiveDate::MAX);
                if lot.earned <= calendar.first && calendar.first < expires {
                    lots.add(Lot {
                        points: lot.points,
                        expires,
                    });
                }
            }
        }
        // Without a points program the lots are only carried, never spent or expired.
        None => {
            for lot in &customer.points {
                lots.add(Lot {
                    points: lot.points,
                    expires: NaiveDate::MAX,
                });
            }
        }
    }
    for (index, month) in calendar.months.iter().enumerate() {
        let mut row = Sums::default();
        if !lean.thresholds.is_empty() {
            let qualifying = history[index].0 + spent[index] - spent[month.review_first_order];
            let downgrade_now = lean.downgrade == Downgrade::Immediate || month.is_review_month;
            tier = tiers::reviewed(tier, lean.tier_for(qualifying), downgrade_now);
        }
        let mut contribution = 0;
        if subtotal > 0 {
            let qualifying = history[index].1 + spent[index] - spent[month.order_first_order];
            let at = tier.or_else(|| lean.tier_for(qualifying));
            let slot = at.unwrap_or(none);
            let order = match scratch.orders[slot] {
                Some(order) => order,
                None => *scratch.orders[slot].insert(lean.order(subtotal, slot)?),
            };
            let after_discounts = subtotal - order.discount;
            let redeemed = lean.redeemed(&order, redeem, || lots.usable_on(month.order));
            lots.spend(month.order, redeemed);
            lots.add(Lot {
                points: order.earned,
                expires: month.points_expire,
            });
            let reached = lean.tier_for(qualifying + after_discounts);
            if tiers::reaches_higher(at, reached) && lean.upgrade == Upgrade::Immediate {
                tier = reached;
            } else if at.is_some() {
                tier = at;
            }
            contribution = after_discounts;
            let redeemed_value = lean.points_value(redeemed)?;
            row = Sums {
                spend: subtotal,
                discount: order.discount,
                paid: after_discounts - redeemed_value,
                earned: order.earned,
                redeemed,
                redeemed_value,
                benefit: order.benefit,
                ..row
            };
        }
        spent.push(spent[index] + contribution);
        // Lots that stop counting on the next month's first day expire with this month.
        row.expired = lots.expire(month.next);
        scratch.rows[index] = row;
        scratch.tiers[index] = tier.unwrap_or(none);
    }
    Some(lots.total)
}

/// Points earned together, and the day they stop counting.
#[derive(Debug, Clone, Copy)]
struct Lot {
    points: u64,
    expires: NaiveDate,
}

/// A customer's lots in order of expiry, so that the oldest are spent first and the expired
/// ones are always at the front.
#[derive(Default)]
struct Lots {
    list: Vec<Lot>,
    total: u64,
}

impl Lots {
    fn clear(&mut self) {
        self.list.clear();
        self.total = 0;
    }

    /// How many lots have stopped counting by `day`.
    fn expired_by(&self, day: NaiveDate) -> usize {
        self.list.iter().take_while(|l| l.expires <= day).count()
    }

    /// Points that can be spent on `day`.
    fn usable_on(&self, day: NaiveDate) -> u64 {
        let expired: u64 = self.list[..self.expired_by(day)]
            .iter()
            .map(|l| l.points)
            .sum();
        self.total - expired
    }

    /// Spends `points` (at most what is usable) on `day`, oldest first; expired lots stay until
    /// the month's end counts them.
    fn spend(&mut self, day: NaiveDate, points: u64) {
        let first = self.expired_by(day);
        let mut left = points;
        let mut emptied = first;
        for lot in &mut self.list[first..] {
            if left == 0 {
                break;
            }
            let taken = lot.points.min(left);
            lot.points -= taken;
            left -= taken;
            if lot.points == 0 {
                emptied += 1;
            }
        }
        self.list.drain(first..emptied);
        self.total -= points - left;
    }

    fn add(&mut self, lot: Lot) {
        if lot.points == 0 {
            return;
        }
        let at = self.list.iter().rposition(|l| l.expires <= lot.expires);
        self.list.insert(at.map_or(0, |i| i + 1), lot);
        self.total += lot.points;
    }

    /// Drops the lots that no longer count on `next`; returns their points.
    fn expire(&mut self, next: NaiveDate) -> u64 {
        let count = self.expired_by(next);
        if count == 0 {
            return 0; // most months
        }
        let expired: u64 = self.list.drain(..count).map(|l| l.points).sum();
        self.total -= expired;
        expired
    }
}

/// Buffers reused from one customer to the next.
#[derive(Default)]
struct Scratch {
    lots: Lots,
    history: Vec<(i128, i128)>,
    spent: Vec<i128>,
    orders: Vec<Option<LeanOrder>>,
    rows: Vec<Sums>,
    tiers: Vec<usize>,
}
