//! A customer placing the same order every month, carried through a forecast's months in a few
//! integer steps instead of the general ledger's ([`super::ledger::run_months`]): the tier window
//! as a running sum of the orders, point lots in expiry order, and each priced order kept for its
//! [`OrderKey`], so that only its redemption is worked out again.
//!
//! It serves the programs whose time needs no more, which [`Steady::new`] decides once per
//! forecast: tiers qualifying on spend, points that can be spent at once (expiring or not), no
//! store credit, no commitment, no redemption share, and an order stage that reads nothing of
//! the customer's history but the tier and what stays put. The forecast's property test holds
//! its months equal to the general ledger's.

use super::calendar::{Calendar, Day};
use super::compiled::Rules;
use super::figures::Figures;
use super::ledger::{reviewed, Ledger};
use super::mechanics::redemption::{redeem_within, share_cap};
use super::mechanics::tiers::reaches_higher;
use super::order::{Order, Outcome, Standing};
use super::pricer::price_into;
use super::reads::{OrderKey, Reads};
use crate::error::Result;
use crate::format::customer::Customer;
use crate::format::program::{Qualifier, Upgrade};
use chrono::NaiveDate;

/// What the forecast's calendar says of one month, for every customer.
struct Month {
    /// The day of the month's order.
    order: Day,
    /// The tier window the review on its first day reads, and the first month whose order counts
    /// in it.
    review_window: (NaiveDate, NaiveDate),
    review_from: usize,
    /// The orders of months `order_from..` (up to this one) count when its order is placed.
    order_from: usize,
    downgrade_now: bool,
    /// The first day of the month after: lots that stop counting by then expire at the close.
    next: NaiveDate,
}

/// An order priced for one key: what its order stage gives, and the month's benefit with it.
struct Priced {
    key: OrderKey,
    subtotal: i128,
    discount: i128,
    after_discounts: i128,
    shipping: i128,
    /// The customer's points and the employee's, on a program with points.
    earned: Option<(u64, Option<u64>)>,
    benefit: i128,
    /// The most points may pay on the order ([`share_cap`]), and what they pay (points, value)
    /// from a balance of `redeemed_in_full.0` up, which no larger balance changes.
    share_cap: i128,
    redeemed_in_full: (u64, u64, i128),
}

/// The months of a forecast, worked out once, and the buffers its customers reuse.
pub struct Steady<'r> {
    rules: &'r Rules,
    reads: Reads,
    months: Vec<Month>,
    /// Points each order asks to use.
    requested: u64,
    priced: Vec<Priced>,
    outcome: Outcome,
    /// `(expires, points)`, soonest first, from `first_lot` on.
    lots: Vec<(NaiveDate, u64)>,
    /// `spent[m]`: what the orders before month `m` came to after discounts.
    spent: Vec<i128>,
}

impl<'r> Steady<'r> {
    /// The steady path for a forecast of one order a month on the days of `calendar` given by
    /// `days` (each with its order's index, which is 0), or `None` when the program's time needs
    /// the general ledger.
    pub fn new(
        rules: &'r Rules,
        calendar: &Calendar,
        days: &[(Day, usize)],
        order: &Order,
    ) -> Option<Steady<'r>> {
        let reads = Reads::of(rules);
        let fits = rules.cashback.is_none()
            && order.redeem_share.is_none()
            && !reads.history()
            && rules.tiers.iter().all(|tier| tier.commitment.is_none())
            && (rules.tiers.is_empty() || rules.tiering.qualifies_on == Qualifier::Spend)
            && rules.points.as_ref().is_none_or(|p| p.pending_days == 0)
            && days.len() + 1 == calendar.starts.len();
        if !fits {
            return None;
        }
        // The orders counted in a window starting on `from`: those on or after it.
        let counted_from = |from: NaiveDate| days.partition_point(|(day, _)| day.date < from);
        let months = calendar
            .starts
            .windows(2)
            .zip(days)
            .map(|(starts, (day, _))| Month {
                order: *day,
                review_window: (starts[0].last.window_from, starts[0].last.date),
                review_from: counted_from(starts[0].last.window_from),
                order_from: counted_from(day.window_from),
                downgrade_now: starts[0].downgrade_now,
                next: starts[1].date,
            })
            .collect();
        Some(Steady {
            rules,
            reads,
            months,
            requested: order.redeem_points,
            priced: Vec::new(),
            outcome: Outcome::default(),
            lots: Vec::new(),
            spent: Vec::new(),
        })
    }

    /// Whether a customer's account, as the forecast starts it, can take this path: every point
    /// held can be spent from the first day.
    pub fn fits(&self, ledger: &Ledger) -> bool {
        let first = self.months.first().map_or(NaiveDate::MAX, |m| m.order.date);
        ledger.lots().iter().all(|lot| lot.available <= first)
    }

    /// Carries a customer from `ledger` (as [`Ledger::start`] leaves it) through the months,
    /// placing `order` in each when `orders` holds; `month_done` sees each month's figures and
    /// the tier at its end. Returns the points held at the end.
    pub fn run(
        &mut self,
        customer: &Customer,
        ledger: &Ledger,
        order: &mut Order,
        orders: bool,
        mut month_done: impl FnMut(usize, &Figures, Option<usize>),
    ) -> Result<u64> {
        let rules = self.rules;
        let history = ledger.has_spend();
        // Spend from the customer's records in a window, and the orders' in it so far.
        let window = |from: NaiveDate, to: NaiveDate| {
            if history {
                ledger.spend_between(from, to)
            } else {
                0
            }
        };
        self.priced.clear();
        self.spent.clear();
        self.spent.push(0);
        self.lots.clear();
        self.lots
            .extend(ledger.lots().iter().map(|lot| (lot.expires, lot.points)));
        let mut first_lot = 0;
        let mut held: u64 = self.lots.iter().map(|(_, points)| points).sum();
        let mut tier = ledger.tier();
        let mut first_purchase_made = customer.first_purchase_made;
        for (index, month) in self.months.iter().enumerate() {
            let spent = &self.spent;
            if !rules.tiers.is_empty() {
                let (from, to) = month.review_window;
                let qualifying =
                    spent[index] - spent[month.review_from.min(index)] + window(from, to);
                let earned = rules.tier_for(qualifying);
                tier = reviewed(tier, earned, month.downgrade_now);
            }
            let mut figures = Figures::default();
            let mut after_discounts = 0;
            if orders {
                let day = &month.order;
                let qualifying = if rules.tiers.is_empty() {
                    0
                } else {
                    spent[index] - spent[month.order_from.min(index)]
                        + window(day.window_from, day.date)
                };
                let usable_from = first_lot
                    + self.lots[first_lot..].partition_point(|(expires, _)| *expires <= day.date);
                let unusable: u64 = self.lots[first_lot..usable_from]
                    .iter()
                    .map(|(_, points)| points)
                    .sum();
                let standing = Standing {
                    tier,
                    qualifying,
                    lifetime_spend: 0,
                    first_purchase_made,
                    member: customer.member_until.is_some_and(|until| day.date <= until),
                    last_purchase: None,
                    balance: held - unusable,
                    credit_this_month: 0,
                    store_credit: 0,
                    period_spend: [0; 3],
                    employee: customer.employee_id.is_some(),
                    birth_date: customer.birth_date,
                    could_redeem: 0,
                    redeemed: 0,
                };
                order.date = day.date;
                let key = self.reads.key(day.date, &standing);
                let at = match self.priced.iter().position(|p| p.key == key) {
                    Some(at) => at,
                    None => {
                        price_into(rules, order, &standing, false, &mut self.outcome)?;
                        let priced = priced_of(rules, key, &self.outcome, self.requested)?;
                        self.priced.push(priced);
                        self.priced.len() - 1
                    }
                };
                let priced = &self.priced[at];
                after_discounts = priced.after_discounts;
                let mut value = 0;
                if let (Some(rule), Some((earned, employee))) = (&rules.points, priced.earned) {
                    let (from, mut redeemed, full_value) = priced.redeemed_in_full;
                    value = full_value;
                    if standing.balance < from {
                        let redemption =
                            redeem_within(rule, priced.share_cap, standing.balance, self.requested);
                        (redeemed, value) = (redemption.redeemed, redemption.value);
                    }
                    figures.points_earned = earned;
                    figures.employee_points_earned = employee.unwrap_or(0);
                    figures.points_redeemed = redeemed;
                    figures.points_redeemed_value = value;
                    // Spent soonest expiry first; a lot emptied goes.
                    let mut left = redeemed;
                    let mut at = usable_from;
                    while left > 0 && at < self.lots.len() {
                        let taken = self.lots[at].1.min(left);
                        self.lots[at].1 -= taken;
                        left -= taken;
                        at += 1;
                    }
                    let emptied = self.lots[usable_from..at]
                        .iter()
                        .take_while(|(_, points)| *points == 0)
                        .count();
                    if usable_from == first_lot {
                        first_lot += emptied;
                    } else {
                        self.lots.drain(usable_from..usable_from + emptied);
                    }
                    held -= redeemed;
                    if earned > 0 {
                        let lot = (day.expires, earned);
                        let place = first_lot
                            + self.lots[first_lot..].partition_point(|(e, _)| *e <= day.expires);
                        self.lots.insert(place, lot);
                        held += earned;
                    }
                }
                figures.orders = 1;
                figures.spend = priced.subtotal;
                figures.discount = priced.discount;
                figures.paid = after_discounts - value + priced.shipping;
                figures.benefit = priced.benefit;
                if !rules.tiers.is_empty() && rules.tiering.upgrade == Upgrade::Immediate {
                    let reached = rules.tier_for(qualifying + after_discounts);
                    if reaches_higher(tier, reached) {
                        tier = reached;
                    }
                }
                first_purchase_made = true;
            }
            let spent_now = self.spent[index] + after_discounts;
            self.spent.push(spent_now);
            // The close: lots that no longer count on the next month's first day expire.
            let expiring = self.lots[first_lot..].partition_point(|(e, _)| *e <= month.next);
            let expired: u64 = self.lots[first_lot..first_lot + expiring]
                .iter()
                .map(|(_, points)| points)
                .sum();
            first_lot += expiring;
            held -= expired;
            figures.points_expired = expired;
            month_done(index, &figures, tier);
        }
        Ok(held)
    }
}

/// What an order priced for `key` gives every month it is placed for that key.
fn priced_of(rules: &Rules, key: OrderKey, outcome: &Outcome, requested: u64) -> Result<Priced> {
    let earned = rules.points.as_ref().and(outcome.order_points);
    let mut month = Figures {
        discount: outcome.discount_total,
        points_earned: earned.map_or(0, |(points, _)| points),
        employee_points_earned: earned.and_then(|(_, employee)| employee).unwrap_or(0),
        ..Figures::default()
    };
    month.close(rules, 0)?;
    let after_discounts = outcome.after_discounts;
    let (share_cap, redeemed_in_full) = rules.points.as_ref().map_or((0, (0, 0, 0)), |rule| {
        let cap = share_cap(rule, after_discounts);
        let full = redeem_within(rule, cap, u64::MAX, requested);
        (cap, (full.cap, full.redeemed, full.value))
    });
    Ok(Priced {
        key,
        subtotal: outcome.subtotal,
        discount: outcome.discount_total,
        after_discounts,
        shipping: outcome.shipping_total,
        earned,
        benefit: month.benefit,
        share_cap,
        redeemed_in_full,
    })
}
