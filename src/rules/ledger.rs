//! One customer's account over time: the tier, point lots (spent soonest-expiring first), spend
//! for the qualifying windows, and store credit. The quote opens one from the customer it is
//! given; the projection, the forecast and the simulation carry one through the months with
//! [`Ledger::book`] after each order, [`Ledger::close_month`] at each month's end and
//! [`Ledger::review`] on each month's first day.

use super::calendar::{available_from, expiry_of, Calendar, Day, MonthStart};
use super::compiled::Rules;
use super::figures::Figures;
use super::order::{Order, Outcome, Standing};
use super::pricer::{price_into, reprice_into};
use super::reads::{OrderKey, Reads};
use crate::error::Result;
use crate::format::customer::Customer;
use crate::format::program::{Period, Qualifier};
use crate::money::exact::minor_of;
use crate::rules::periods::window_start;
use chrono::NaiveDate;

/// Points earned together, the day they can first be spent (after the pending days), and the
/// day they stop counting (`NaiveDate::MAX`: never).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lot {
    pub points: u64,
    pub earned: NaiveDate,
    pub available: NaiveDate,
    pub expires: NaiveDate,
}

impl Lot {
    fn usable_on(&self, day: NaiveDate) -> bool {
        self.available <= day && day < self.expires
    }

    fn pending_on(&self, day: NaiveDate) -> bool {
        self.earned <= day && day < self.available && day < self.expires
    }
}

#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// The tier the seller's records hold, or the review and orders gave; `None` with
    /// `tier_known` false means it follows from qualifying amounts.
    tier: Option<usize>,
    tier_known: bool,
    /// Spend by day, oldest first, with running totals: `running[i]` sums `days[..=i]`. Days
    /// before every window still to come are folded into one total on `NaiveDate::MIN`.
    days: Vec<(NaiveDate, i128)>,
    running: Vec<i128>,
    /// Spend totals over periods, from the customer's records: each counts when it lies wholly
    /// inside a window.
    periods: Vec<(NaiveDate, NaiveDate, i128)>,
    lifetime: i128,
    /// Lots in the order they are spent: soonest expiry first, then earliest earned.
    lots: Vec<Lot>,
    employee_lots: Vec<Lot>,
    /// Store credit earned, by day, for the monthly cap; months already closed are dropped.
    credit: Vec<(NaiveDate, i128)>,
    store_credit: i128,
    member_until: Option<NaiveDate>,
    last_purchase: Option<NaiveDate>,
    first_purchase_made: bool,
    employee: bool,
    birth_date: Option<NaiveDate>,
    /// What the orders could have redeemed and did, for an expected redemption share.
    could_redeem: u64,
    redeemed: u64,
}

impl Ledger {
    /// The account of a validated customer.
    pub fn open(rules: &Rules, customer: &Customer) -> Ledger {
        let Customer {
            tier,
            tier_since: _, // informative; the review works from qualifying amounts
            spend,
            points,
            employee_points,
            store_credit,
            credit_history,
            member_until,
            last_purchase,
            first_purchase_made,
            company_id: _,
            employee_id,
            birth_date,
        } = customer;
        let units = rules.units;
        let minor = |amount| minor_of(amount, units).unwrap_or(0);
        let mut ledger = Ledger {
            tier: tier
                .as_deref()
                .and_then(|id| rules.tiers.iter().position(|t| t.id == id)),
            tier_known: tier.is_some(),
            store_credit: store_credit.map_or(0, minor),
            member_until: *member_until,
            last_purchase: *last_purchase,
            first_purchase_made: *first_purchase_made,
            employee: employee_id.is_some(),
            birth_date: *birth_date,
            ..Ledger::default()
        };
        let mut days: Vec<(NaiveDate, i128)> = Vec::new();
        for record in spend {
            let amount = minor(record.amount);
            ledger.lifetime += amount;
            match (record.date, record.from, record.to) {
                (Some(date), _, _) => days.push((date, amount)),
                (None, Some(from), Some(to)) => ledger.periods.push((from, to, amount)),
                _ => {}
            }
        }
        days.sort_by_key(|(date, _)| *date);
        for (date, amount) in days {
            ledger.add_spend(date, amount);
        }
        let lots = |lots: &[crate::format::customer::PointLot]| {
            let mut lots: Vec<Lot> = lots
                .iter()
                .map(|lot| Lot {
                    points: lot.points,
                    earned: lot.earned,
                    available: available_from(rules, lot.earned),
                    expires: expiry_of(rules, lot.earned, lot.expires),
                })
                .collect();
            lots.sort_by_key(|lot| (lot.expires, lot.earned));
            lots
        };
        ledger.lots = lots(points);
        ledger.employee_lots = lots(employee_points);
        ledger.credit = credit_history
            .iter()
            .map(|record| (record.date, minor(record.amount)))
            .collect();
        ledger
    }

    /// The account where a projection of months from `first` begins: the tier counts what
    /// qualified up to the day before, and points that expired before then are not counted as
    /// expiring in it.
    pub fn start(rules: &Rules, customer: &Customer, first: &MonthStart) -> Ledger {
        let mut ledger = Ledger::open(rules, customer);
        ledger.settle_tier(rules, &first.last);
        ledger.close_month(first);
        ledger
    }

    fn add_spend(&mut self, date: NaiveDate, amount: i128) {
        let total = self.running.last().copied().unwrap_or(0) + amount;
        match self.days.last_mut() {
            Some(last) if last.0 == date => {
                last.1 += amount;
                *self.running.last_mut().unwrap_or(&mut 0) = total;
            }
            _ => {
                self.days.push((date, amount));
                self.running.push(total);
            }
        }
    }

    /// Spend on `date` from an order, in date order among the customer's records: a projection's
    /// first month may hold records dated after its orders, and each counts from its own day.
    fn add_spend_in_order(&mut self, date: NaiveDate, amount: i128) {
        if self.days.last().is_none_or(|last| last.0 <= date) {
            return self.add_spend(date, amount);
        }
        let at = self.days.partition_point(|(day, _)| *day < date);
        if self.days[at].0 != date {
            let before = at
                .checked_sub(1)
                .map_or(0, |previous| self.running[previous]);
            self.days.insert(at, (date, 0));
            self.running.insert(at, before);
        }
        self.days[at].1 += amount;
        for running in &mut self.running[at..] {
            *running += amount;
        }
    }

    /// Spend between `from` and `to`, both included.
    pub fn spend_between(&self, from: NaiveDate, to: NaiveDate) -> i128 {
        let start = self.days.partition_point(|(date, _)| *date < from);
        let end = self.days.partition_point(|(date, _)| *date <= to);
        let before = |at: usize| if at == 0 { 0 } else { self.running[at - 1] };
        let dated = if end > start {
            before(end) - before(start)
        } else {
            0
        };
        let periods: i128 = self
            .periods
            .iter()
            .filter(|(start, end, _)| *start >= from && *end <= to)
            .map(|(_, _, amount)| amount)
            .sum();
        dated + periods
    }

    /// What the customer has towards tiers as of `as_of`, included.
    pub fn qualifying(&self, rules: &Rules, as_of: NaiveDate) -> i128 {
        self.qualifying_from(rules, window_start(rules.tiering.window, as_of), as_of)
    }

    /// The same on a day whose window is worked out.
    pub fn qualifying_on(&self, rules: &Rules, day: &Day) -> i128 {
        self.qualifying_from(rules, day.window_from, day.date)
    }

    fn qualifying_from(&self, rules: &Rules, from: NaiveDate, as_of: NaiveDate) -> i128 {
        match rules.tiering.qualifies_on {
            Qualifier::Spend => self.spend_between(from, as_of),
            // The points held that were earned within the window (and, where the program says
            // pending points do not count, that can be spent).
            Qualifier::Points => {
                let pending_count = rules
                    .points
                    .as_ref()
                    .is_none_or(|p| p.pending_count_toward_tiers);
                self.lots
                    .iter()
                    .filter(|lot| lot.earned >= from && lot.earned <= as_of)
                    .filter(|lot| pending_count || lot.available <= as_of)
                    .map(|lot| i128::from(lot.points))
                    .sum()
            }
        }
    }

    /// The tier on `date`: the one recorded or reviewed, or else the one qualifying amounts give.
    pub fn tier_on(&self, rules: &Rules, date: NaiveDate) -> Option<usize> {
        self.tier_on_day(rules, &Day::of(rules, date))
    }

    fn tier_on_day(&self, rules: &Rules, day: &Day) -> Option<usize> {
        if self.tier_known {
            self.tier
        } else {
            rules.tier_for(self.qualifying_on(rules, day))
        }
    }

    /// Sets the tier from qualifying amounts up to `day`, unless one is already known: where a
    /// projection starts (the day before its first month).
    fn settle_tier(&mut self, rules: &Rules, day: &Day) {
        if !self.tier_known && !rules.tiers.is_empty() {
            self.tier = rules.tier_for(self.qualifying_on(rules, day));
            self.tier_known = true;
        }
    }

    pub fn tier(&self) -> Option<usize> {
        self.tier
    }

    /// Points that can be spent on `day`.
    pub fn balance(&self, day: NaiveDate) -> u64 {
        self.lots
            .iter()
            .filter(|lot| lot.usable_on(day))
            .map(|lot| lot.points)
            .sum()
    }

    /// Points earned but not yet to be spent on `day` (within the pending days).
    pub fn pending(&self, day: NaiveDate) -> u64 {
        self.lots
            .iter()
            .filter(|lot| lot.pending_on(day))
            .map(|lot| lot.points)
            .sum()
    }

    /// The points pending on `day` that can be spent soonest, enough to bring the balance to
    /// `wanted` (all of them when they cannot), and the day the last of those can be spent;
    /// `None` when no points are pending.
    pub fn pending_to_cover(&self, day: NaiveDate, wanted: u64) -> Option<(u64, NaiveDate)> {
        let mut freeing: Vec<(NaiveDate, u64)> = self
            .lots
            .iter()
            .filter(|lot| lot.pending_on(day) && lot.available < lot.expires)
            .map(|lot| (lot.available, lot.points))
            .collect();
        freeing.sort_unstable();
        let mut held = self.balance(day);
        let mut named: Option<(u64, NaiveDate)> = None;
        for (at, (from, points)) in freeing.iter().enumerate() {
            held = held.saturating_add(*points);
            let (sum, _) = named.unwrap_or((0, *from));
            named = Some((sum.saturating_add(*points), *from));
            // Lots freed on the same day go together.
            let last_of_day = freeing.get(at + 1).is_none_or(|(next, _)| next != from);
            if held >= wanted && last_of_day {
                break;
            }
        }
        named
    }

    /// The point lots, in the order they are spent.
    pub fn lots(&self) -> &[Lot] {
        &self.lots
    }

    /// Whether the customer's records hold any spend.
    pub fn has_spend(&self) -> bool {
        !self.days.is_empty() || !self.periods.is_empty()
    }

    /// Every point held, usable or not yet counted as expired.
    pub fn points_held(&self) -> u64 {
        self.lots.iter().map(|lot| lot.points).sum()
    }

    pub fn employee_points_held(&self) -> u64 {
        self.employee_lots.iter().map(|lot| lot.points).sum()
    }

    pub fn store_credit(&self) -> i128 {
        self.store_credit
    }

    /// Where the customer stands for an order on `day`. Figures the program never looks at
    /// are left at zero.
    pub fn standing(&self, rules: &Rules, day: &Day) -> Standing {
        let date = day.date;
        let qualifying = if rules.tiers.is_empty() {
            0
        } else {
            self.qualifying_on(rules, day)
        };
        let tier = match self.tier_known {
            true => self.tier,
            false => rules.tier_for(qualifying),
        };
        let credit_this_month = match rules.cashback.as_ref().and_then(|c| c.cap_per_month) {
            Some(_) => {
                let month = day.period_start(Period::Month);
                self.credit
                    .iter()
                    .filter(|(day, _)| *day >= month && *day <= date)
                    .map(|(_, amount)| amount)
                    .sum()
            }
            None => 0,
        };
        let period_spend = if rules.tiers.iter().any(|t| t.commitment.is_some()) {
            day.periods.map(|from| self.spend_between(from, date))
        } else {
            [0; 3]
        };
        Standing {
            tier,
            qualifying,
            // Spend dated after the day (a record a projection's first month holds) counts from
            // its own day.
            lifetime_spend: self.lifetime
                - date
                    .succ_opt()
                    .map_or(0, |next| self.spend_between(next, NaiveDate::MAX)),
            first_purchase_made: self.first_purchase_made,
            member: self.member_until.is_some_and(|until| date <= until),
            last_purchase: self.last_purchase,
            balance: if rules.points.is_some() {
                self.balance(date)
            } else {
                0
            },
            credit_this_month,
            store_credit: self.store_credit,
            period_spend,
            employee: self.employee,
            birth_date: self.birth_date,
            could_redeem: self.could_redeem,
            redeemed: self.redeemed,
        }
    }

    /// Spends `points` on `day` from the usable lots, soonest expiry first. Lots that already
    /// stopped counting stay until the month's close counts them as expired.
    pub fn spend_points(&mut self, day: NaiveDate, points: u64) {
        let mut left = points;
        for lot in self.lots.iter_mut().filter(|lot| lot.usable_on(day)) {
            if left == 0 {
                break;
            }
            let taken = lot.points.min(left);
            lot.points -= taken;
            left -= taken;
        }
        self.lots.retain(|lot| lot.points > 0);
    }

    /// The soonest expiry still ahead of `day` among the usable lots, with the points it takes.
    pub fn next_expiry(&self, day: NaiveDate) -> Option<(NaiveDate, u64)> {
        let usable = || self.lots.iter().filter(|lot| lot.usable_on(day));
        let next = usable()
            .map(|lot| lot.expires)
            .filter(|end| *end != NaiveDate::MAX)
            .min()?;
        Some((
            next,
            usable()
                .filter(|lot| lot.expires == next)
                .map(|lot| lot.points)
                .sum(),
        ))
    }

    fn add_lot(lots: &mut Vec<Lot>, lot: Lot) {
        if lot.points == 0 {
            return;
        }
        let key = (lot.expires, lot.earned);
        let at = lots.partition_point(|l| (l.expires, l.earned) <= key);
        lots.insert(at, lot);
    }

    /// Books a priced order placed on `day` into the account.
    pub fn book(&mut self, day: &Day, outcome: &Outcome) {
        let date = day.date;
        self.lifetime += outcome.after_discounts;
        self.add_spend_in_order(date, outcome.after_discounts);
        if let Some(points) = &outcome.points {
            self.could_redeem = self.could_redeem.saturating_add(points.could);
            self.redeemed = self.redeemed.saturating_add(points.redeemed);
            if points.redeemed > 0 {
                self.spend_points(date, points.redeemed);
            }
            let (available, expires) = (day.available, day.expires);
            Ledger::add_lot(
                &mut self.lots,
                Lot {
                    points: points.earned,
                    earned: date,
                    available,
                    expires,
                },
            );
            if let Some(employee) = points.employee_earned {
                Ledger::add_lot(
                    &mut self.employee_lots,
                    Lot {
                        points: employee,
                        earned: date,
                        available,
                        expires,
                    },
                );
            }
        }
        if let Some(cashback) = &outcome.cashback {
            self.store_credit += cashback.earned;
            self.credit.push((date, cashback.earned));
        }
        if let Some(after) = outcome.placement.and_then(|p| p.after) {
            self.tier = Some(after);
            self.tier_known = true;
        }
        self.last_purchase = Some(date);
        self.first_purchase_made = true;
    }

    /// Closes the month before `next`: lots that no longer count on its first day expire, and
    /// returns how many of the customer's own points did (the employee's expire alike). Spend
    /// too old for any window to come is folded into one total.
    pub fn close_month(&mut self, next: &MonthStart) -> u64 {
        let before = self.points_held();
        let first = next.date;
        let counts = |lot: &Lot| first < lot.expires;
        self.lots.retain(counts);
        self.employee_lots.retain(counts);
        self.credit.retain(|(day, _)| *day >= first);
        self.fold_before(next.fold_before);
        before - self.points_held()
    }

    /// Folds the days before `cutoff` into one total on `NaiveDate::MIN`, which only a lifetime
    /// window still counts.
    fn fold_before(&mut self, cutoff: NaiveDate) {
        let old = self.days.partition_point(|(date, _)| *date < cutoff);
        if old <= 1 {
            return;
        }
        let total = self.running[old - 1];
        self.days.drain(..old);
        self.running.drain(..old);
        self.days.insert(0, (NaiveDate::MIN, total));
        self.running.insert(0, total);
    }

    /// The recalculation on a month's first day: monthly upgrades, downgrades (at once or at the
    /// yearly review), and a contract tier's minimum commitment.
    pub fn review(&mut self, rules: &Rules, month: &MonthStart) {
        if rules.tiers.is_empty() {
            return;
        }
        let last = &month.last;
        let current = self.tier_on_day(rules, last);
        let earned = rules.tier_for(self.qualifying_on(rules, last));
        let mut next = reviewed(current, earned, month.downgrade_now);
        if let Some(commitment) = next.and_then(|t| rules.tiers[t].commitment) {
            if month.begins(commitment.period)
                && self.spend_between(last.period_start(commitment.period), last.date)
                    < commitment.amount.minor
            {
                next = next.and_then(|t| t.checked_sub(1));
            }
        }
        self.tier = next;
        self.tier_known = true;
    }

    /// When the points held at `from` and after expire, soonest first.
    pub fn expiry_schedule(&self, from: NaiveDate) -> Vec<(NaiveDate, u64)> {
        let mut schedule: Vec<(NaiveDate, u64)> = Vec::new();
        for lot in self
            .lots
            .iter()
            .filter(|lot| lot.expires != NaiveDate::MAX && lot.expires >= from)
        {
            match schedule.last_mut() {
                Some(last) if last.0 == lot.expires => last.1 += lot.points,
                _ => schedule.push((lot.expires, lot.points)),
            }
        }
        schedule
    }
}

/// The tier the monthly recalculation gives: a higher earned tier at once; a lower one at once
/// or, when downgrades wait for the yearly review, only if `downgrade_now`.
pub fn reviewed(
    current: Option<usize>,
    earned: Option<usize>,
    downgrade_now: bool,
) -> Option<usize> {
    match (earned, current) {
        (Some(earned), Some(current)) if earned > current => Some(earned),
        (Some(earned), None) => Some(earned),
        (earned, Some(current)) if earned < Some(current) => {
            if downgrade_now {
                earned
            } else {
                Some(current)
            }
        }
        (_, current) => current,
    }
}

/// Carries a customer's ledger through the calendar's months: each month is reviewed on its
/// first day, takes its orders from `schedule` (days in order, each with the index of its order
/// in `orders`), and closes; `month_done` then sees the month's first day, its figures and the
/// ledger. The projection and the forecast live through months so.
///
/// An order placed again for a customer whose [`OrderKey`] is unchanged (the same tier, and the
/// same of whatever else the program's rules read) keeps its order stage and is only priced
/// again against the account ([`reprice_into`]): a monthly order costs its discounts and points
/// once per change of standing, not once a month.
pub fn run_months(
    rules: &Rules,
    ledger: &mut Ledger,
    calendar: &Calendar,
    schedule: &[(Day, usize)],
    orders: &mut [Order],
    mut month_done: impl FnMut(NaiveDate, &Figures, &Ledger) -> Result<()>,
) -> Result<()> {
    let reads = Reads::of(rules);
    // Each planned order's last outcome, and the key it was priced for.
    let mut priced: Vec<(Option<OrderKey>, Outcome)> = (0..orders.len())
        .map(|_| (None, Outcome::default()))
        .collect();
    let mut planned = schedule.iter().peekable();
    for month in calendar.starts.windows(2) {
        let (start, next) = (&month[0], &month[1]);
        ledger.review(rules, start);
        let mut row = Figures::default();
        while let Some(&(day, which)) = planned.peek() {
            if day.date >= next.date {
                break;
            }
            planned.next();
            if day.date < start.date {
                continue;
            }
            let order = &mut orders[*which];
            order.date = day.date;
            let standing = ledger.standing(rules, day);
            let key = reads.key(day.date, &standing);
            let (last_key, outcome) = &mut priced[*which];
            if *last_key == Some(key) {
                reprice_into(rules, order, &standing, outcome)?;
            } else {
                price_into(rules, order, &standing, false, outcome)?;
                *last_key = Some(key);
            }
            row.book(outcome)?;
            ledger.book(day, outcome);
        }
        row.close(rules, ledger.close_month(next))?;
        month_done(start.date, &row, ledger)?;
    }
    Ok(())
}
