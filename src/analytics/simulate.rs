//! Portfolio simulation: a seller's order history replayed through a program, order by order.
//!
//! Orders come in date order ([`Sequence::ByDate`]: every customer's ledger stays open, so memory
//! grows with the number of customers), or grouped by customer with dates ascending within each
//! ([`Sequence::ByCustomer`]: one ledger at a time, so memory stays flat). Both give the same
//! report. Each ledger keeps spend by day only as far back as a window can still reach, and
//! unexpired points.

use crate::analytics::projection::Redeem;
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::{Cart, Line};
use crate::format::program::{Period, Program};
use crate::money::exact::{decimal_of, mul_div};
use crate::rules::calendar::{Day, MonthStart};
use crate::rules::periods::{self, period_start};
use crate::rules::pricer::price_into;
use crate::rules::{Figures, Ledger, Order, Outcome, Rules};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Participant,
    Control,
}

struct Member {
    ledger: Ledger,
    group: Group,
    cohort: NaiveDate,
}

/// FNV-1a over the bytes written: customer ids are short, and a seller's own history is not
/// chosen to collide, so the hash need not resist it (as the standard one does, at several
/// times the cost).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// An order line as a history gives it: its price in minor units.
#[cfg(feature = "cli")]
pub struct ReadLine<'l> {
    pub sku: &'l str,
    pub category: &'l str,
    pub unit_price: i128,
    pub quantity: u32,
}

/// The order in which orders reach the simulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sequence {
    ByDate,
    ByCustomer,
}

/// Replays orders through a program. Feed orders in the sequence given, then call
/// [`Simulator::finish`].
pub struct Simulator {
    program: Program,
    rules: Rules,
    redeem: Redeem,
    sequence: Sequence,
    /// The first and last months of the whole history, when known before the orders arrive:
    /// every month between is reported, whichever customers a run holds.
    span: Option<(NaiveDate, NaiveDate)>,
    members: Vec<Member>,
    /// Where each customer's id sits in `members` (by date), or the one open customer's id.
    member_at: HashMap<String, usize, std::hash::BuildHasherDefault<Fnv>>,
    /// The month orders have reached (by date), or the open customer's month (by customer).
    month: Option<NaiveDate>,
    /// Participants by tier index (the last: no tier) at each month's end.
    tier_counts: BTreeMap<NaiveDate, Vec<u64>>,
    /// Points held by customers whose ledgers are closed (by customer).
    points_closed: u64,
    report: Report,
    /// What participants' orders came to.
    cost: Figures,
    /// Spend by cohort month, then by months since the cohort's first purchase.
    cohorts: BTreeMap<NaiveDate, Vec<i128>>,
    cohort_sizes: BTreeMap<NaiveDate, u64>,
    groups: BTreeMap<Group, (u64, u64, i128)>,
    outcome: Outcome,
    /// The day of the orders being read, worked out once for all of them.
    day: Option<Day>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
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
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgramCost {
    pub discounts: Decimal,
    pub points_redeemed_value: Decimal,
    pub store_credit: Decimal,
    pub total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TierCount {
    pub month: String,
    /// Participants in each tier at the month's end (`none` for no tier).
    pub counts: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
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
#[cfg_attr(feature = "cli", derive(serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cohort {
    /// The month of the customers' first purchase, `YYYY-MM`.
    pub cohort: String,
    pub customers: u64,
    /// Spend in the cohort's first month, the next, and so on.
    pub spend_by_month: Vec<Decimal>,
}

impl Simulator {
    /// A simulator of orders by date, whose months run from the first order to the last.
    pub fn new(program: Program, redeem: Redeem) -> Result<Self> {
        Simulator::with(program, redeem, Sequence::ByDate, None)
    }

    /// A simulator of orders in `sequence`, reporting every month of `span` (the first and last
    /// months of the whole history; needed by customer, where no order says the last).
    pub fn with(
        program: Program,
        redeem: Redeem,
        sequence: Sequence,
        span: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<Self> {
        let rules = Rules::new(&program).map_err(|e| e.under("program"))?;
        redeem.validate("redeem")?;
        let mut simulator = Simulator {
            program,
            rules,
            redeem,
            sequence,
            span: None,
            members: Vec::new(),
            member_at: HashMap::default(),
            month: None,
            tier_counts: BTreeMap::new(),
            points_closed: 0,
            report: Report::default(),
            cost: Figures::default(),
            cohorts: BTreeMap::new(),
            cohort_sizes: BTreeMap::new(),
            groups: BTreeMap::new(),
            outcome: Outcome::default(),
            day: None,
        };
        simulator.span_months(span);
        Ok(simulator)
    }

    /// The first and last months of the whole history, learnt as its orders were read: by date,
    /// they may be given at the end, before [`Simulator::finish`].
    pub fn span_months(&mut self, span: Option<(NaiveDate, NaiveDate)>) {
        if let Some((first, last)) = span {
            let tiers = self.program.tiers.len() + 1;
            let mut month = first;
            while month <= last {
                self.tier_counts
                    .entry(month)
                    .or_insert_with(|| vec![0; tiers]);
                month = next_month(month);
            }
        }
        self.span = span;
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
        self.reach(customer_id, date, line)?;
        let program = &self.program;
        let rules = &self.rules;
        let cart = Cart {
            shipping: Vec::new(),
            date,
            lines,
            promo_code: None,
            redeem_points: self.redeem.points(program),
            events: Vec::new(),
            partner_points: Vec::new(),
            usage: Default::default(),
        };
        let money = crate::money::Money {
            minor_units: rules.units,
            rounding: rules.rounding,
        };
        cart.validate_in(program, &money).map_err(|e| Error {
            path: format!("line {line}"),
            ..e
        })?;
        let order = Order {
            redeem_share: self.redeem.share(),
            ..Order::of(rules, &cart)
        };
        self.book(customer_id, group, &order, line)
    }

    /// Books one order whose lines a reader has already checked as a cart's lines are checked
    /// (`Line::validate`, at most `MAX_LINES`, the cart's total), with their prices in minor
    /// units: no cart is built. The rest of a cart's checks cannot fail for a simulation's
    /// carts, which redeem no more than the most points a cart may, and only under a program
    /// with points.
    #[cfg(feature = "cli")]
    pub fn order_lines<'l>(
        &mut self,
        customer_id: &str,
        group: Group,
        date: NaiveDate,
        lines: impl Iterator<Item = ReadLine<'l>>,
        line: u64,
    ) -> Result<()> {
        self.reach(customer_id, date, line)?;
        let rules = &self.rules;
        let order = Order {
            date,
            lines: lines
                .map(|read| crate::rules::OrderLine {
                    sku: read.sku,
                    sku_id: rules.skus.find(read.sku),
                    category_id: rules.categories.find(read.category),
                    unit_price: read.unit_price,
                    quantity: read.quantity,
                    promotional: false,
                    attributes: rules
                        .attributes
                        .iter()
                        .map(|_| crate::rules::values::AttributeValue::Missing)
                        .collect(),
                })
                .collect(),
            shipping: Vec::new(),
            promo_code: None,
            redeem_points: self.redeem.points(&self.program),
            redeem_share: self.redeem.share(),
            events: Vec::new(),
            partner_points: Vec::new(),
            code_usage: Vec::new(),
            rule_usage: Vec::new(),
        };
        self.book(customer_id, group, &order, line)
    }

    /// Brings the months up to `date`'s, closing the open customer when another's orders begin
    /// (by customer); an order dated before the month reached is refused.
    fn reach(&mut self, customer_id: &str, date: NaiveDate, line: u64) -> Result<()> {
        let month = period_start(Period::Month, date);
        if self.sequence == Sequence::ByCustomer && !self.member_at.contains_key(customer_id) {
            // The open customer's orders are over: their months run on to the history's end.
            self.close_customer();
            self.month = None;
        }
        match self.month {
            Some(current) if month < current => {
                let how = match self.sequence {
                    Sequence::ByDate => "sort the orders by date",
                    Sequence::ByCustomer => "sort each customer's orders by date",
                };
                return Err(Error::new(
                    ErrorCode::DatesOutOfOrder,
                    format!("line {line}"),
                    format!("{date} comes before orders already read; {how}"),
                ));
            }
            Some(current) if month > current => self.close_months(current, month),
            None => self.month = Some(month),
            _ => {}
        }
        Ok(())
    }

    /// Prices a checked order for its customer, and adds it to the report.
    fn book(&mut self, customer_id: &str, group: Group, order: &Order, line: u64) -> Result<()> {
        let date = order.date;
        let month = period_start(Period::Month, date);
        let rules = &self.rules;
        let at = match self.member_at.get(customer_id) {
            Some(at) => *at,
            None => {
                let at = self.members.len();
                self.member_at.insert(customer_id.to_string(), at);
                self.members.push(Member {
                    ledger: Ledger::default(),
                    group,
                    cohort: month,
                });
                self.report.customers += 1;
                *self.cohort_sizes.entry(month).or_default() += 1;
                self.groups.entry(group).or_default().0 += 1;
                at
            }
        };
        let member = &mut self.members[at];
        let paid = if member.group == Group::Participant {
            let day = match self.day {
                Some(day) if day.date == date => day,
                _ => *self.day.insert(Day::of(rules, date)),
            };
            let standing = member.ledger.standing(rules, &day);
            price_into(rules, order, &standing, false, &mut self.outcome).map_err(|e| Error {
                path: format!("line {line}"),
                ..e
            })?;
            self.cost.book(&self.outcome)?;
            member.ledger.book(&day, &self.outcome);
            self.outcome.after_discounts
        } else {
            order
                .lines
                .iter()
                .map(|l| l.unit_price * i128::from(l.quantity))
                .sum()
        };
        let age = months_between(member.cohort, month) as usize;
        let spend = self.cohorts.entry(member.cohort).or_default();
        if spend.len() <= age {
            spend.resize(age + 1, 0);
        }
        spend[age] += paid;
        let totals = self.groups.entry(member.group).or_default();
        totals.1 += 1;
        totals.2 += paid;
        self.report.orders += 1;
        Ok(())
    }

    /// Month ends between `from` and `to`: tier counts, expiry, and the reviews.
    fn close_months(&mut self, from: NaiveDate, to: NaiveDate) {
        let mut month = from;
        while month < to {
            let next = month.checked_add_months(Months::new(1)).unwrap_or(to);
            self.count_tiers(month);
            let rules = &self.rules;
            let start = MonthStart::of(rules, next);
            for member in self
                .members
                .iter_mut()
                .filter(|m| m.group == Group::Participant)
            {
                member.ledger.close_month(&start);
                member.ledger.review(rules, &start);
            }
            month = next;
        }
        self.month = Some(to);
    }

    fn count_tiers(&mut self, month: NaiveDate) {
        // By index, the last one standing for no tier.
        let none = self.program.tiers.len();
        let by_index = self
            .tier_counts
            .entry(month)
            .or_insert_with(|| vec![0; none + 1]);
        for member in self
            .members
            .iter()
            .filter(|m| m.group == Group::Participant)
        {
            by_index[member.ledger.tier().unwrap_or(none)] += 1;
        }
    }

    /// Closes the open customer (by customer): their months up to the history's last, and the
    /// points they hold at its end.
    fn close_customer(&mut self) {
        if let (Some(month), Some((_, last))) = (self.month, self.span) {
            self.close_months(month, last);
            self.count_tiers(last);
        }
        self.points_closed += self
            .members
            .iter()
            .map(|m| m.ledger.points_held())
            .sum::<u64>();
        self.members.clear();
        self.member_at.clear();
    }

    pub fn finish(mut self) -> Report {
        match self.sequence {
            Sequence::ByCustomer => self.close_customer(),
            Sequence::ByDate => {
                if let Some(month) = self.month {
                    let last = self.span.map_or(month, |(_, last)| last.max(month));
                    self.close_months(month, last);
                    self.count_tiers(last);
                }
            }
        }
        let program = &self.program;
        self.report.tiers_by_month = std::mem::take(&mut self.tier_counts)
            .into_iter()
            .map(|(month, by_index)| TierCount {
                month: periods::month_name(month),
                counts: periods::counts_by_id(program, &by_index),
            })
            .collect();
        let rules = &self.rules;
        let money = |minor: i128| decimal_of(minor, rules.units);
        let outstanding: u64 = self.points_closed
            + self
                .members
                .iter()
                .map(|m| m.ledger.points_held())
                .sum::<u64>();
        let mut report = self.report;
        let cost = &self.cost;
        report.program_cost = ProgramCost {
            discounts: money(cost.discount),
            points_redeemed_value: money(cost.points_redeemed_value),
            store_credit: money(cost.store_credit_earned),
            total: money(cost.discount + cost.points_redeemed_value + cost.store_credit_earned),
        };
        report.points_outstanding = outstanding;
        report.points_liability = money(
            rules
                .points
                .as_ref()
                .and_then(|p| {
                    mul_div(
                        u128::from(outstanding),
                        p.minor_per_step,
                        u128::from(p.step),
                        rules.rounding,
                    )
                })
                .and_then(|v| i128::try_from(v).ok())
                .unwrap_or(0),
        );
        report.groups = self
            .groups
            .into_iter()
            .map(|(group, (customers, orders, spend))| GroupTotals {
                group: Some(group),
                customers,
                orders,
                spend: money(spend),
                spend_per_customer: (customers > 0).then(|| {
                    money(
                        mul_div(
                            spend.max(0).unsigned_abs(),
                            1,
                            u128::from(customers),
                            rules.rounding,
                        )
                        .and_then(|v| i128::try_from(v).ok())
                        .unwrap_or(0),
                    )
                }),
            })
            .collect();
        report.cohorts = self
            .cohorts
            .into_iter()
            .map(|(cohort, spend)| Cohort {
                cohort: periods::month_name(cohort),
                customers: self.cohort_sizes.get(&cohort).copied().unwrap_or(0),
                spend_by_month: spend.into_iter().map(money).collect(),
            })
            .collect();
        report
    }
}

fn next_month(month: NaiveDate) -> NaiveDate {
    month
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    months.max(0) as u32
}
