//! Portfolio simulation: a seller's order history replayed through a program, order by order.
//!
//! Orders must come in date order. Memory grows with the number of customers, not of orders:
//! each customer keeps monthly spend totals (older months folded into one) and unexpired points.
//! Qualifying spend is therefore counted by calendar month.

use crate::cart::{Cart, Line};
use crate::customer::{Customer, PointLot, SpendRecord};
use crate::error::{Error, ErrorCode, Result};
use crate::lean::{to_minor, LeanProgram};
use crate::points;
use crate::program::{Period, Program};
use crate::projection::{reviewed_tier, Redeem};
use crate::quote::{quote_valid, Quote};
use crate::tiers::{self, period_start};
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
    /// `customer.tier` as an index into the program's tiers, so that the monthly review and
    /// the tier counts compare numbers, not ids.
    tier: Option<usize>,
    group: Group,
    cohort: NaiveDate,
}

impl Member {
    fn set_tier(&mut self, program: &Program, tier: Option<usize>) {
        if tier != self.tier {
            self.tier = tier;
            self.customer.tier = tier.map(|i| program.tiers[i].id.clone());
        }
    }
}

/// Replays orders through a program. Feed orders in date order, then call [`Simulator::finish`].
pub struct Simulator {
    program: Program,
    /// The program's order arithmetic in integers, when its rules allow (see [`LeanProgram`]).
    lean: Option<LeanProgram>,
    redeem: Redeem,
    members: Vec<Member>,
    /// Where each customer's id sits in `members`.
    member_at: HashMap<String, usize>,
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
            lean: LeanProgram::compile(&program),
            program,
            redeem,
            members: Vec::new(),
            member_at: HashMap::new(),
            month: None,
            report: Report::default(),
            cohorts: BTreeMap::new(),
            cohort_sizes: BTreeMap::new(),
            groups: BTreeMap::new(),
        })
    }

    /// Prices every order with a full quote, even when the integer path could: for comparisons.
    pub fn with_full_quotes(mut self) -> Self {
        self.lean = None;
        self
    }

    /// Books one order; `line` is where it starts in the input, for errors ("line 17").
    pub fn order(
        &mut self,
        customer_id: &str,
        group: Group,
        date: NaiveDate,
        lines: Vec<Line>,
        line: u64,
    ) -> Result<()> {
        let month = period_start(Period::Month, date);
        match self.month {
            Some(current) if month < current => {
                return Err(Error::new(
                    ErrorCode::DatesOutOfOrder,
                    format!("line {line}"),
                    format!("{date} comes before orders already read; sort the orders by date"),
                ));
            }
            Some(current) if month > current => self.close_months(current, month),
            None => self.month = Some(month),
            _ => {}
        }
        let program = &self.program;
        let at = match self.member_at.get(customer_id) {
            Some(at) => *at,
            None => {
                let at = self.members.len();
                self.member_at.insert(customer_id.to_string(), at);
                self.members.push(Member {
                    customer: Customer::default(),
                    tier: None,
                    group,
                    cohort: month,
                });
                self.report.customers += 1;
                *self.cohort_sizes.entry(month).or_default() += 1;
                self.groups.entry(group).or_default().customers += 1;
                at
            }
        };
        let member = &mut self.members[at];
        let cart = Cart {
            date,
            lines,
            promo_code: None,
            redeem_points: self.redeem.points(program),
            events: Vec::new(),
            partner_points: Vec::new(),
        };
        cart.validate(program).map_err(|e| Error {
            path: format!("line {line}"),
            ..e
        })?;
        let subtotal: Decimal = cart
            .lines
            .iter()
            .map(|l| l.unit_price * Decimal::from(l.quantity))
            .sum();
        let paid = if member.group == Group::Participant {
            let lean = self
                .lean
                .as_ref()
                .and_then(|lean| lean_order(program, lean, self.redeem, member, &cart));
            let booked = match lean {
                Some(booked) => booked,
                None => {
                    Booked::from_quote(program, &quote_valid(program, &member.customer, &cart)?)
                }
            };
            let cost = &mut self.report.program_cost;
            cost.discounts += booked.discount;
            cost.points_redeemed_value += booked.points_value;
            cost.store_credit += booked.credit;
            book(program, member, date, &booked);
            booked.after_discounts
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
                .iter_mut()
                .filter(|m| m.group == Group::Participant)
            {
                let tier = reviewed_tier(program, &member.customer, member.tier, next);
                member.set_tier(program, tier);
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
        // By index, the last one standing for no tier.
        let none = self.program.tiers.len();
        let mut by_index = vec![0u64; none + 1];
        for member in self
            .members
            .iter()
            .filter(|m| m.group == Group::Participant)
        {
            by_index[member.tier.unwrap_or(none)] += 1;
        }
        self.report.tiers_by_month.push(TierCount {
            month: month_name(month),
            counts: tiers::counts_by_id(&self.program, &by_index),
        });
    }

    pub fn finish(mut self) -> Report {
        if let Some(month) = self.month {
            self.count_tiers(month);
        }
        let money = self.program.money();
        let outstanding: u64 = self
            .members
            .iter()
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
/// What one order changes in a customer's account and the program's cost.
struct Booked {
    discount: Decimal,
    after_discounts: Decimal,
    points_value: Decimal,
    redeemed: u64,
    earned: u64,
    credit: Decimal,
    tier_after: Option<usize>,
}

impl Booked {
    fn from_quote(program: &Program, quote: &Quote) -> Self {
        let points = quote.points.as_ref();
        Booked {
            discount: quote.discount_total,
            after_discounts: quote.after_discounts,
            points_value: quote.points_value,
            redeemed: points.map_or(0, |p| p.redeemed),
            earned: points.map_or(0, |p| p.earned),
            credit: quote.cashback.as_ref().map_or(Decimal::ZERO, |c| c.earned),
            tier_after: quote
                .tier
                .as_ref()
                .and_then(|t| t.after.as_deref())
                .and_then(|id| program.tier_index(id)),
        }
    }
}

/// The order priced in integers, as the full quote would price it; `None` when a figure would
/// overflow, so that the full quote takes it.
fn lean_order(
    program: &Program,
    lean: &LeanProgram,
    redeem: Redeem,
    member: &Member,
    cart: &Cart,
) -> Option<Booked> {
    let customer = &member.customer;
    let money = program.money();
    let units = money.minor_units;
    let subtotal = cart.lines.iter().try_fold(0i128, |sum, line| {
        let amount = money.round(crate::money::checked_mul(
            line.unit_price,
            Decimal::from(line.quantity),
        )?);
        sum.checked_add(to_minor(amount, units))
    })?;
    let standing = tiers::standing_at(program, customer, member.tier.map(Some), cart.date);
    let order = lean.order(subtotal, standing.tier.unwrap_or(program.tiers.len()))?;
    let redeemed = lean.redeemed(&order, redeem, || match &lean.points {
        Some(p) => points::balance(&customer.points, &p.rules, cart.date),
        None => 0,
    });
    let in_money = |minor: i128| Decimal::from_i128_with_scale(minor, units);
    let after_discounts = in_money(subtotal - order.discount);
    Some(Booked {
        discount: in_money(order.discount),
        after_discounts,
        points_value: in_money(lean.points_value(redeemed)?),
        redeemed,
        earned: order.earned,
        credit: Decimal::ZERO,
        tier_after: tiers::place(program, standing, cart.date, after_discounts).after,
    })
}

fn book(program: &Program, member: &mut Member, date: NaiveDate, booked: &Booked) {
    let customer = &mut member.customer;
    let month = period_start(Period::Month, date);
    match customer.spend.last_mut() {
        Some(record) if record.from == Some(month) => {
            record.amount += booked.after_discounts;
            record.to = Some(date);
        }
        _ => customer.spend.push(SpendRecord {
            date: None,
            from: Some(month),
            to: Some(date),
            amount: booked.after_discounts,
        }),
    }
    if let Some(rules) = &program.points {
        if booked.redeemed > 0 {
            customer.points =
                points::spend_oldest_first(&customer.points, rules, date, booked.redeemed);
        }
        if booked.earned > 0 {
            let mut lot = PointLot {
                points: booked.earned,
                earned: date,
                expires: None,
            };
            // Dated now, so that the monthly expiry check compares dates instead of adding months.
            lot.expires = points::expiry(&lot, rules);
            customer.points.push(lot);
        }
    }
    if !booked.credit.is_zero() {
        customer.credit_history.push(crate::customer::CreditRecord {
            date,
            amount: booked.credit,
        });
    }
    customer.last_purchase = Some(date);
    customer.first_purchase_made = true;
    if booked.tier_after.is_some() {
        member.set_tier(program, booked.tier_after);
    }
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
