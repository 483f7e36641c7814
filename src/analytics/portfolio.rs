//! Portfolio forecasts: many customers' months at once, each spending a fixed amount a month,
//! summed into the seller's figures per month (spend, discounts, points, tiers). Each customer
//! lives through the months on the one ledger and pricer, as a projection does.

use crate::analytics::projection::{CategorySpend, Redeem, MAX_MONTHS};
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::Cart;
use crate::format::customer::Customer;
use crate::format::program::{Period, Program};
use crate::format::validate::{self, overflow};
use crate::money::exact::{decimal_of, minor_of};
use crate::rules::calendar::{Calendar, Day};
use crate::rules::ledger::run_months;
use crate::rules::order::OrderLine;
use crate::rules::periods::period_start;
#[cfg(any(feature = "cli", feature = "analytics"))]
use crate::rules::steady::Steady;
use crate::rules::{Figures, Ledger, Order, Rules};
use chrono::{Days, Months, NaiveDate};
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
    #[serde(default = "crate::analytics::projection::mid_month")]
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

impl PortfolioRequest {
    /// Validates the request; the program comes back compiled.
    pub fn validate(&self) -> Result<Rules> {
        let rules = Rules::new(&self.program).map_err(|e| e.under("program"))?;
        self.redeem.validate("redeem")?;
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
        Ok(rules)
    }
}

/// Forecasts every customer's months and sums them. Validates first.
pub fn forecast(request: &PortfolioRequest) -> Result<Portfolio> {
    let rules = request.validate()?;
    forecast_with(&rules, request)
}

/// The same under rules already compiled, for a request already validated.
pub fn forecast_with(rules: &Rules, request: &PortfolioRequest) -> Result<Portfolio> {
    let program = &request.program;
    let months = request.months as usize;
    let none = rules.tiers.len();
    let mut tally = vec![Tally::default(); months];
    let mut tiers = vec![vec![0u64; none + 1]; months];
    let mut outstanding: u64 = 0;
    let first = period_start(Period::Month, request.start);
    // The months and the order day of each, the same for every customer.
    let calendar = Calendar::new(rules, first, request.months)?;
    let days: Vec<(Day, usize)> = calendar.starts[..months]
        .iter()
        .filter_map(|month| {
            month
                .date
                .checked_add_days(Days::new(u64::from(request.day - 1)))
        })
        .map(|date| (Day::of(rules, date), 0))
        .collect();
    let redeem_points = request.redeem.points(program);
    // One order, whose lines are each customer's in turn.
    let empty = Cart {
        shipping: Vec::new(),
        date: first,
        lines: Vec::new(),
        promo_code: None,
        redeem_points,
        events: Vec::new(),
        partner_points: Vec::new(),
        usage: Default::default(),
    };
    let mut order = Order {
        redeem_share: request.redeem.share(),
        ..Order::of(rules, &empty)
    };
    let mut basket = Vec::new();
    let mut steady = None;
    for entry in &request.customers {
        // One order a month, with a line for each category the customer spends in.
        order.lines.clear();
        order.lines.extend(
            entry
                .monthly
                .iter()
                .filter(|spend| !spend.amount.is_zero())
                .map(|spend| {
                    let price = minor_of(spend.amount, rules.units).unwrap_or(0);
                    OrderLine::planned(rules, &spend.category, price)
                }),
        );
        basket_of(&order.lines, &mut basket);
        let orders = !order.lines.is_empty();
        let mut ledger = Ledger::start(rules, &entry.customer, &calendar.starts[0]);
        let steady_months = SteadyMonths {
            calendar: &calendar,
            days: &days,
            customer: &entry.customer,
            ledger: &ledger,
            orders,
        };
        let month_done = |month: usize, row: &Figures, tier: Option<usize>| {
            tally[month].add(row);
            tiers[month][tier.unwrap_or(none)] += 1;
        };
        let held = match steady_months.run(rules, &mut steady, &mut order, &basket, month_done) {
            Some(held) => held?,
            None => {
                let schedule = if orders { &days[..] } else { &[][..] };
                let mut month = 0;
                run_months(
                    rules,
                    &mut ledger,
                    &calendar,
                    schedule,
                    std::slice::from_mut(&mut order),
                    |_, row, ledger| {
                        tally[month].add(row);
                        tiers[month][ledger.tier().unwrap_or(none)] += 1;
                        month += 1;
                        Ok(())
                    },
                )?;
                ledger.points_held()
            }
        };
        outstanding = outstanding
            .checked_add(held)
            .ok_or_else(|| crate::format::validate::overflow("customers"))?;
    }
    let money = |minor: i128| decimal_of(minor, rules.units);
    let figures = |sums: &Figures| PortfolioFigures {
        spend: money(sums.spend),
        discount: money(sums.discount),
        paid: money(sums.paid),
        points_earned: sums.points_earned,
        points_redeemed: sums.points_redeemed,
        points_redeemed_value: money(sums.points_redeemed_value),
        points_expired: sums.points_expired,
        benefit: money(sums.benefit),
    };
    let mut totals = Figures::default();
    let mut out_months = Vec::with_capacity(months);
    for (index, (sums, counts)) in tally.iter().zip(&tiers).enumerate() {
        let sums = &sums.figures()?;
        totals.add(sums)?;
        let start = first
            .checked_add_months(Months::new(index as u32))
            .unwrap_or(first);
        out_months.push(PortfolioMonth {
            month: crate::rules::periods::month_name(start),
            figures: figures(sums),
            tiers: crate::rules::periods::counts_by_id(program, counts),
        });
    }
    let outstanding_value = rules
        .points
        .as_ref()
        .and_then(|p| p.face_value(u128::from(outstanding)))
        .and_then(|v| i128::try_from(v).ok())
        .unwrap_or(0);
    Ok(Portfolio {
        currency: rules.currency.clone(),
        customers: request.customers.len() as u64,
        months: out_months,
        totals: figures(&totals),
        points_outstanding: outstanding,
        points_outstanding_value: money(outstanding_value),
    })
}

/// What tells a customer's order apart from another's to the pricer, line by line: the category
/// and SKU the program knows it by, the first line of the same category (SKUs that are equal),
/// and the amount.
fn basket_of(lines: &[OrderLine], basket: &mut Vec<i128>) {
    let known = |id: Option<u32>| id.map_or(-1, i128::from);
    basket.clear();
    for line in lines {
        let same = lines
            .iter()
            .take_while(|other| other.sku != line.sku)
            .count();
        basket.extend([
            known(line.category_id),
            known(line.sku_id),
            same as i128,
            line.unit_price,
        ]);
    }
}

/// A month's figures summed over customers: amounts in 128 bits hold a million customers'
/// sums of the largest amounts, so they are checked once, when written out.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    spend: i128,
    discount: i128,
    paid: i128,
    points_earned: u128,
    points_redeemed: u128,
    points_redeemed_value: i128,
    points_expired: u128,
    benefit: i128,
}

impl Tally {
    fn add(&mut self, row: &Figures) {
        self.spend += row.spend;
        self.discount += row.discount;
        self.paid += row.paid;
        self.points_earned += u128::from(row.points_earned);
        self.points_redeemed += u128::from(row.points_redeemed);
        self.points_redeemed_value += row.points_redeemed_value;
        self.points_expired += u128::from(row.points_expired);
        self.benefit += row.benefit;
    }

    /// The sums, refused when one is too large to write.
    fn figures(&self) -> Result<Figures> {
        let points = |sum: u128| u64::try_from(sum).map_err(|_| overflow("plan"));
        let sums = Figures {
            spend: self.spend,
            discount: self.discount,
            paid: self.paid,
            points_earned: points(self.points_earned)?,
            points_redeemed: points(self.points_redeemed)?,
            points_redeemed_value: self.points_redeemed_value,
            points_expired: points(self.points_expired)?,
            benefit: self.benefit,
            ..Figures::default()
        };
        crate::rules::figures::checked(&sums)?;
        Ok(sums)
    }
}

/// One customer of a forecast, for the steady path ([`Steady`]): built where forecasts run (the
/// command, the analytics module, the Python package), and not into the checkout's module, whose
/// pricer it would otherwise reshape by calling it from one more place.
#[cfg_attr(not(any(feature = "cli", feature = "analytics")), allow(dead_code))]
struct SteadyMonths<'a> {
    calendar: &'a Calendar,
    days: &'a [(Day, usize)],
    customer: &'a Customer,
    ledger: &'a Ledger,
    orders: bool,
}

impl SteadyMonths<'_> {
    /// The points held at the end, with the months given to `month_done`; `None` when the
    /// program or the customer needs the general ledger.
    #[cfg(any(feature = "cli", feature = "analytics"))]
    fn run<'r>(
        &self,
        rules: &'r Rules,
        steady: &mut Option<Steady<'r>>,
        order: &mut Order,
        basket: &[i128],
        month_done: impl FnMut(usize, &Figures, Option<usize>),
    ) -> Option<Result<u64>> {
        if steady.is_none() {
            *steady = Steady::new(rules, self.calendar, self.days, order);
        }
        let steady = steady.as_mut().filter(|s| s.fits(self.ledger))?;
        Some(steady.run(
            self.customer,
            self.ledger,
            order,
            self.orders,
            basket,
            month_done,
        ))
    }

    #[cfg(not(any(feature = "cli", feature = "analytics")))]
    fn run(
        &self,
        _: &Rules,
        _: &mut Option<()>,
        _: &mut Order,
        _: &[i128],
        _: impl FnMut(usize, &Figures, Option<usize>),
    ) -> Option<Result<u64>> {
        None
    }
}
