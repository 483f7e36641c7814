//! A customer placing the same order every month, carried through a forecast's months in a few
//! integer steps instead of the general ledger's ([`super::ledger::run_months`]): the tier window
//! as a running sum of the orders, point lots in expiry order, and each priced order kept for its
//! basket and [`OrderKey`], so that only its redemption is worked out again, and customers who
//! place the same order share its pricing.
//!
//! It serves the programs whose time needs no more, which [`Steady::new`] decides once per
//! forecast: tiers qualifying on spend, points that can be spent at once (expiring or not), no
//! store credit, no commitment, no redemption share, and an order stage that reads nothing of
//! the customer's history but the tier and what stays put. The forecast's property test holds
//! its months equal to the general ledger's.

use super::calendar::{Calendar, Day};
use super::compiled::Rules;
use super::figures::Figures;
use super::ledger::{reviewed, Ledger, Lot};
use super::mechanics::redemption::{
    points_within, redeem_within, redeemed_within, share_cap, usable,
};
use super::mechanics::tiers::reaches_higher;
use super::order::{Order, Outcome, Standing};
use super::pricer::price_into;
use super::reads::{OrderKey, Reads};
use crate::error::Result;
use crate::format::customer::Customer;
use crate::format::program::{Qualifier, Upgrade};
use chrono::NaiveDate;

/// The baskets whose priced orders are kept, each in the place its hash gives: a basket whose
/// place another took is priced again, and a forecast of a million different orders keeps its
/// memory flat.
const BASKET_BITS: u32 = 12;

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
    after_discounts: i128,
    /// The customer's points and the employee's, on a program with points.
    earned: Option<(u64, Option<u64>)>,
    /// A month with the order, before points are spent and lots expire.
    month: Figures,
    /// The most points the order may use ([`points_within`] its [`share_cap`]), and what they
    /// pay (points, value) from a balance of `redeemed_in_full.0` up, which no larger balance
    /// changes.
    cap_points: u64,
    redeemed_in_full: (u64, u64, i128),
}

/// The months of a forecast, worked out once, and the buffers its customers reuse.
pub struct Steady<'r> {
    rules: &'r Rules,
    reads: Reads,
    months: Vec<Month>,
    /// Points each order asks to use.
    requested: u64,
    /// Baskets priced lately, and their orders priced so far, one for each key.
    baskets: Vec<(Vec<i128>, Vec<Priced>)>,
    outcome: Outcome,
    lots: Lots,
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
            baskets: Vec::new(),
            outcome: Outcome::default(),
            lots: Lots::default(),
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
    /// placing `order` in each when `orders` holds. `basket` tells the order apart from the other
    /// orders this path prices (equal baskets, equal orders), so that customers placing the same
    /// order share its pricing. `month_done` sees each month's figures and the tier at its end.
    /// Returns the points held at the end.
    pub fn run(
        &mut self,
        customer: &Customer,
        ledger: &Ledger,
        order: &mut Order,
        orders: bool,
        basket: &[i128],
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
        if self.baskets.is_empty() {
            self.baskets.resize_with(1 << BASKET_BITS, Default::default);
        }
        // The hash's top bits, which a multiply mixes best.
        let slot = (hash(basket) >> (64 - BASKET_BITS)) as usize;
        if self.baskets[slot].0 != basket {
            let (key, priced) = &mut self.baskets[slot];
            key.clear();
            key.extend_from_slice(basket);
            priced.clear();
        }
        self.spent.clear();
        self.spent.push(0);
        self.lots.reset(ledger.lots());
        let mut tier = ledger.tier();
        // What the tier above `tier` takes: short of it, nothing moves the customer up (the
        // thresholds rise from tier to tier).
        let above = |tier: Option<usize>| {
            rules
                .tiers
                .get(tier.map_or(0, |t| t + 1))
                .map_or(i128::MAX, |t| t.reach)
        };
        let mut first_purchase_made = customer.first_purchase_made;
        // What the last month's order was priced for, and where its pricing is.
        let mut last: Option<(Changing, usize)> = None;
        for (index, month) in self.months.iter().enumerate() {
            let spent = &self.spent;
            if !rules.tiers.is_empty() {
                let (from, to) = month.review_window;
                let qualifying =
                    spent[index] - spent[month.review_from.min(index)] + window(from, to);
                if month.downgrade_now || qualifying >= above(tier) {
                    tier = reviewed(tier, rules.tier_for(qualifying), month.downgrade_now);
                }
            }
            // The order's place in `priced`, when there is one.
            let mut placed = None;
            let mut after_discounts = 0;
            let (mut redeemed, mut value) = (0, 0);
            if orders {
                let day = &month.order;
                let qualifying = if rules.tiers.is_empty() {
                    0
                } else {
                    spent[index] - spent[month.order_from.min(index)]
                        + window(day.window_from, day.date)
                };
                // Lots that stopped counting since the last close, which expire at this one.
                let (usable_from, unusable) = self.lots.through(day.date);
                let balance = self.lots.held - unusable;
                let member = customer.member_until.is_some_and(|until| day.date <= until);
                let seen = Changing {
                    tier,
                    member,
                    first_purchase_made,
                };
                let at = match last {
                    Some((before, at)) if before == seen && !self.reads.dated() => at,
                    _ => {
                        let standing = Standing {
                            tier,
                            qualifying,
                            lifetime_spend: 0,
                            first_purchase_made,
                            member,
                            last_purchase: None,
                            balance,
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
                        let priced = &mut self.baskets[slot].1;
                        let at = match priced.iter().position(|p| p.key == key) {
                            Some(at) => at,
                            None => {
                                price_into(rules, order, &standing, false, &mut self.outcome)?;
                                priced.push(priced_of(rules, key, &self.outcome, self.requested)?);
                                priced.len() - 1
                            }
                        };
                        last = Some((seen, at));
                        at
                    }
                };
                placed = Some(at);
                let priced = &self.baskets[slot].1[at];
                after_discounts = priced.after_discounts;
                if let (Some(rule), Some((earned, _))) = (&rules.points, priced.earned) {
                    let (from, in_full, in_full_value) = priced.redeemed_in_full;
                    (redeemed, value) = (in_full, in_full_value);
                    if balance < from {
                        let cap = usable(rule, priced.cap_points, balance);
                        (redeemed, _) =
                            redeemed_within(rule, priced.cap_points, cap, balance, self.requested);
                        value = rule
                            .value_of(redeemed)
                            .and_then(|v| i128::try_from(v).ok())
                            .unwrap_or(0);
                    }
                    self.lots.spend(usable_from, redeemed);
                    self.lots.add(day.expires, earned);
                }
                if !rules.tiers.is_empty()
                    && rules.tiering.upgrade == Upgrade::Immediate
                    && qualifying + after_discounts >= above(tier)
                {
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
            let expired = self.lots.expire_through(month.next);
            // The month with its order (nothing without one), its points then spent and expired.
            let mut row = *placed.map_or(&Figures::ZERO, |at| &self.baskets[slot].1[at].month);
            row.points_redeemed = redeemed;
            row.points_redeemed_value = value;
            row.paid -= value;
            row.points_expired = expired;
            month_done(index, &row, tier);
        }
        Ok(self.lots.held)
    }
}

/// What of a customer's [`OrderKey`] may change from month to month on this path: the same
/// gives the same key, unless the program reads the date. The rest is the customer's own.
#[derive(Clone, Copy, PartialEq)]
struct Changing {
    tier: Option<usize>,
    member: bool,
    first_purchase_made: bool,
}

/// A basket's hash: a word at a time, a rotate, a xor and a multiply, as rustc's `FxHasher`
/// does; the forecast makes its baskets itself, so no one chooses them to collide.
fn hash(basket: &[i128]) -> u64 {
    basket.iter().fold(0, |hash: u64, &word| {
        [word as u64, (word >> 64) as u64]
            .into_iter()
            .fold(hash, |hash, word| {
                (hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
            })
    })
}

/// A customer's point lots, soonest expiry first.
#[derive(Default)]
struct Lots {
    /// `(expires, points)`; those before `first` are gone.
    lots: Vec<(NaiveDate, u64)>,
    first: usize,
    /// The points of the lots from `first` on.
    held: u64,
}

impl Lots {
    fn reset(&mut self, lots: &[Lot]) {
        self.lots.clear();
        self.lots
            .extend(lots.iter().map(|lot| (lot.expires, lot.points)));
        self.first = 0;
        self.held = lots.iter().map(|lot| lot.points).sum();
    }

    /// The lots that stop counting by `date`: where they end, and their points.
    fn through(&self, date: NaiveDate) -> (usize, u64) {
        let mut end = self.first;
        let mut points = 0;
        while let Some(&(expires, lot)) = self.lots.get(end) {
            if expires > date {
                break;
            }
            points += lot;
            end += 1;
        }
        (end, points)
    }

    /// Spends `points` from the lot at `from` on, soonest expiry first; a lot emptied goes.
    #[inline]
    fn spend(&mut self, from: usize, points: u64) {
        let mut left = points;
        let mut end = from;
        while left > 0 {
            let Some((_, lot)) = self.lots.get_mut(end) else {
                break;
            };
            if *lot > left {
                *lot -= left;
                break;
            }
            left -= *lot;
            end += 1;
        }
        if from == self.first {
            self.first = end;
        } else if end > from {
            self.lots.drain(from..end);
        }
        self.held -= points;
    }

    /// A lot earned, after those that expire no later.
    #[inline]
    fn add(&mut self, expires: NaiveDate, points: u64) {
        if self.lots.last().is_some_and(|&(last, _)| last > expires) {
            let place =
                self.first + self.lots[self.first..].partition_point(|(e, _)| *e <= expires);
            self.lots.insert(place, (expires, points));
        } else {
            self.lots.push((expires, points));
        }
        self.held += points;
    }

    /// Expires the lots that stop counting by `date`, returning their points.
    fn expire_through(&mut self, date: NaiveDate) -> u64 {
        let (end, points) = self.through(date);
        self.first = end;
        self.held -= points;
        points
    }
}

/// What an order priced for `key` gives every month it is placed for that key.
fn priced_of(rules: &Rules, key: OrderKey, outcome: &Outcome, requested: u64) -> Result<Priced> {
    let earned = rules.points.as_ref().and(outcome.order_points);
    let mut month = Figures {
        orders: 1,
        spend: outcome.subtotal,
        discount: outcome.discount_total,
        paid: outcome.after_discounts + outcome.shipping_total,
        points_earned: earned.map_or(0, |(points, _)| points),
        employee_points_earned: earned.and_then(|(_, employee)| employee).unwrap_or(0),
        ..Figures::default()
    };
    month.close(rules, 0)?;
    let after_discounts = outcome.after_discounts;
    let (cap_points, redeemed_in_full) = rules.points.as_ref().map_or((0, (0, 0, 0)), |rule| {
        let cap = share_cap(rule, after_discounts);
        let full = redeem_within(rule, cap, u64::MAX, requested);
        (
            points_within(rule, cap),
            (full.cap, full.redeemed, full.value),
        )
    });
    Ok(Priced {
        key,
        after_discounts,
        earned,
        month,
        cap_points,
        redeemed_in_full,
    })
}
