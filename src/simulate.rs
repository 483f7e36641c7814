//! Portfolio simulation: a seller's order history replayed through a program, order by order.
//!
//! Orders must come in date order. Memory grows with the number of customers, not of orders:
//! each customer keeps monthly spend totals (older months folded into one) and unexpired points.
//! Qualifying spend is therefore counted by calendar month.

use crate::cart::{Cart, Line};
use crate::customer::{Customer, PointLot, SpendRecord};
use crate::error::{Error, ErrorCode, Result};
use crate::points;
use crate::program::{Period, Program};
use crate::projection::{review_tier, Redeem};
use crate::quote::quote_valid;
use crate::tiers::period_start;
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Months of spend kept one by one; older months are folded into a single lifetime total.
const MONTHS_KEPT: u32 = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Participant,
    Control,
}

struct Member {
    customer: Customer,
    group: Group,
    cohort: NaiveDate,
}

/// Replays orders through a program. Feed orders in date order, then call [`Simulator::finish`].
pub struct Simulator {
    program: Program,
    redeem: Redeem,
    members: HashMap<String, Member>,
    month: Option<NaiveDate>,
    report: Report,
    /// Spend by cohort month, then by months since the cohort's first purchase.
    cohorts: BTreeMap<NaiveDate, Vec<Decimal>>,
    cohort_sizes: BTreeMap<NaiveDate, u64>,
    groups: BTreeMap<Group, GroupTotals>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub orders: u64,
    pub customers: u64,
    pub program_cost: ProgramCost,
    pub points_outstanding: u64,
    /// Outstanding points at face value.
    pub points_liability: Decimal,
    pub tiers_by_month: Vec<TierCount>,
    pub groups: Vec<GroupTotals>,
    pub cohorts: Vec<Cohort>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgramCost {
    pub discounts: Decimal,
    pub points_redeemed_value: Decimal,
    pub store_credit: Decimal,
    pub total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TierCount {
    pub month: String,
    /// Participants in each tier at the month's end (`none` for no tier).
    pub counts: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupTotals {
    pub group: Option<Group>,
    pub customers: u64,
    pub orders: u64,
    pub spend: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spend_per_customer: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cohort {
    /// The month of the customers' first purchase, `YYYY-MM`.
    pub cohort: String,
    pub customers: u64,
    /// Spend in the cohort's first month, the next, and so on.
    pub spend_by_month: Vec<Decimal>,
}

fn month_name(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

impl Simulator {
    pub fn new(program: Program, redeem: Redeem) -> Result<Self> {
        program.validate().map_err(|e| e.under("program"))?;
        Ok(Simulator {
            program,
            redeem,
            members: HashMap::new(),
            month: None,
            report: Report::default(),
            cohorts: BTreeMap::new(),
            cohort_sizes: BTreeMap::new(),
            groups: BTreeMap::new(),
        })
    }

    /// Books one order. `path` names its place in the input, for errors ("line 17").
    pub fn order(
        &mut self,
        customer_id: &str,
        group: Group,
        date: NaiveDate,
        lines: Vec<Line>,
        path: &str,
    ) -> Result<()> {
        let month = period_start(Period::Month, date);
        match self.month {
            Some(current) if month < current => {
                return Err(Error::new(
                    ErrorCode::DatesOutOfOrder,
                    path,
                    format!("{date} comes before orders already read; sort the orders by date"),
                ));
            }
            Some(current) if month > current => self.close_months(current, month),
            None => self.month = Some(month),
            _ => {}
        }
        let program = &self.program;
        let is_new = !self.members.contains_key(customer_id);
        let member = self
            .members
            .entry(customer_id.to_string())
            .or_insert_with(|| Member {
                customer: Customer::default(),
                group,
                cohort: month,
            });
        if is_new {
            self.report.customers += 1;
            *self.cohort_sizes.entry(month).or_default() += 1;
            let totals = self.groups.entry(member.group).or_default();
            totals.customers += 1;
        }
        let cart = Cart {
            date,
            lines,
            promo_code: None,
            redeem_points: if self.redeem == Redeem::Max {
                u64::MAX / 4
            } else {
                0
            },
            events: Vec::new(),
            partner_points: Vec::new(),
        };
        cart.validate(program).map_err(|e| Error {
            path: path.to_string(),
            ..e
        })?;
        let subtotal: Decimal = cart
            .lines
            .iter()
            .map(|l| l.unit_price * Decimal::from(l.quantity))
            .sum();
        let paid = if member.group == Group::Participant {
            let quote = quote_valid(program, &member.customer, &cart)?;
            let cost = &mut self.report.program_cost;
            cost.discounts += quote.discount_total;
            cost.points_redeemed_value += quote.points_value;
            book(program, &mut member.customer, date, &quote);
            if let Some(cashback) = &quote.cashback {
                cost.store_credit += cashback.earned;
            }
            quote.after_discounts
        } else {
            subtotal
        };
        let age = months_between(member.cohort, month) as usize;
        let spend = self.cohorts.entry(member.cohort).or_default();
        if spend.len() <= age {
            spend.resize(age + 1, Decimal::ZERO);
        }
        spend[age] += paid;
        let totals = self.groups.entry(member.group).or_default();
        totals.orders += 1;
        totals.spend += paid;
        self.report.orders += 1;
        Ok(())
    }

    /// Month ends between `from` and `to`: tier counts, reviews, expiry, and folding old spend.
    fn close_months(&mut self, from: NaiveDate, to: NaiveDate) {
        let mut month = from;
        while month < to {
            let next = month.checked_add_months(Months::new(1)).unwrap_or(to);
            self.count_tiers(month);
            let program = &self.program;
            for member in self
                .members
                .values_mut()
                .filter(|m| m.group == Group::Participant)
            {
                review_tier(program, &mut member.customer, next);
                if let Some(rules) = &program.points {
                    member
                        .customer
                        .points
                        .retain(|lot| points::expiry(lot, rules).is_none_or(|end| next < end));
                    member
                        .customer
                        .employee_points
                        .retain(|lot| points::expiry(lot, rules).is_none_or(|end| next < end));
                }
                member.customer.credit_history.clear();
                fold_old_spend(&mut member.customer, next);
            }
            month = next;
        }
        self.month = Some(to);
    }

    fn count_tiers(&mut self, month: NaiveDate) {
        let mut counts = BTreeMap::new();
        for member in self
            .members
            .values()
            .filter(|m| m.group == Group::Participant)
        {
            *counts
                .entry(
                    member
                        .customer
                        .tier
                        .clone()
                        .unwrap_or_else(|| "none".into()),
                )
                .or_default() += 1;
        }
        self.report.tiers_by_month.push(TierCount {
            month: month_name(month),
            counts,
        });
    }

    pub fn finish(mut self) -> Report {
        if let Some(month) = self.month {
            self.count_tiers(month);
        }
        let money = self.program.money();
        let outstanding: u64 = self
            .members
            .values()
            .flat_map(|m| &m.customer.points)
            .map(|lot| lot.points)
            .sum();
        let value = self
            .program
            .points
            .as_ref()
            .map_or(Decimal::ZERO, |p| p.value_per_point);
        let mut report = self.report;
        let cost = &mut report.program_cost;
        cost.total = cost.discounts + cost.points_redeemed_value + cost.store_credit;
        for amount in [
            &mut cost.discounts,
            &mut cost.points_redeemed_value,
            &mut cost.store_credit,
            &mut cost.total,
        ] {
            *amount = money.round(*amount);
        }
        report.points_outstanding = outstanding;
        report.points_liability = money.round(Decimal::from(outstanding) * value);
        report.groups = self
            .groups
            .into_iter()
            .map(|(group, mut totals)| {
                totals.group = Some(group);
                totals.spend = money.round(totals.spend);
                totals.spend_per_customer = (totals.customers > 0)
                    .then(|| money.round(totals.spend / Decimal::from(totals.customers)));
                totals
            })
            .collect();
        report.cohorts = self
            .cohorts
            .into_iter()
            .map(|(cohort, spend)| Cohort {
                cohort: month_name(cohort),
                customers: self.cohort_sizes.get(&cohort).copied().unwrap_or(0),
                spend_by_month: spend.into_iter().map(|s| money.round(s)).collect(),
            })
            .collect();
        report
    }
}

fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    months.max(0) as u32
}

/// Books a participant's quoted order into their state, keeping spend as monthly totals.
fn book(program: &Program, customer: &mut Customer, date: NaiveDate, quote: &crate::quote::Quote) {
    let month = period_start(Period::Month, date);
    match customer.spend.last_mut() {
        Some(record) if record.from == Some(month) => {
            record.amount += quote.after_discounts;
            record.to = Some(date);
        }
        _ => customer.spend.push(SpendRecord {
            date: None,
            from: Some(month),
            to: Some(date),
            amount: quote.after_discounts,
        }),
    }
    if let (Some(rules), Some(outcome)) = (&program.points, &quote.points) {
        if outcome.redeemed > 0 {
            customer.points =
                points::spend_oldest_first(&customer.points, rules, date, outcome.redeemed);
        }
        if outcome.earned > 0 {
            customer.points.push(PointLot {
                points: outcome.earned,
                earned: date,
                expires: None,
            });
        }
    }
    if let Some(cashback) = &quote.cashback {
        customer.credit_history.push(crate::customer::CreditRecord {
            date,
            amount: cashback.earned,
        });
    }
    if let Some(tier) = quote.tier.as_ref().and_then(|t| t.after.clone()) {
        customer.tier = Some(tier);
    }
    customer.last_purchase = Some(date);
    customer.first_purchase_made = true;
}

/// Folds monthly spend older than [`MONTHS_KEPT`] into one total that only a lifetime window counts.
fn fold_old_spend(customer: &mut Customer, today: NaiveDate) {
    let Some(cutoff) = today.checked_sub_months(Months::new(MONTHS_KEPT)) else {
        return;
    };
    if customer
        .spend
        .first()
        .is_none_or(|r| r.from.is_none_or(|from| from >= cutoff))
    {
        return;
    }
    let (old, kept): (Vec<SpendRecord>, Vec<SpendRecord>) = customer
        .spend
        .drain(..)
        .partition(|r| r.from.is_some_and(|from| from < cutoff) || r.from == Some(NaiveDate::MIN));
    let total: Decimal = old.iter().map(|r| r.amount).sum();
    customer.spend.push(SpendRecord {
        date: None,
        from: Some(NaiveDate::MIN),
        to: Some(cutoff),
        amount: total,
    });
    customer.spend.extend(kept);
}
