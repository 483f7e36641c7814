//! What orders add up to over a month (or any stretch), in minor units: the one tally that the
//! projection, the forecast and the simulation keep, and write out in their own shapes.

use super::compiled::Rules;
use super::pricer::Outcome;
use crate::error::Result;
use crate::format::validate::overflow;
use crate::money::exact::{mul_div, MAX_MINOR};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    pub orders: u64,
    /// Subtotals before discounts.
    pub spend: i128,
    pub discount: i128,
    pub paid: i128,
    pub points_earned: u64,
    pub employee_points_earned: u64,
    pub points_redeemed: u64,
    pub points_redeemed_value: i128,
    pub points_expired: u64,
    pub store_credit_earned: i128,
    /// Discounts, store credit and the face value of points earned (the employee's too),
    /// rounded once per customer and month by [`Figures::close`].
    pub benefit: i128,
}

fn add(a: u64, b: u64) -> Result<u64> {
    a.checked_add(b).ok_or_else(|| overflow("plan"))
}

/// Refuses a sum too large to be written as a decimal.
pub fn checked(figures: &Figures) -> Result<()> {
    let amounts = [
        figures.spend,
        figures.discount,
        figures.paid,
        figures.points_redeemed_value,
        figures.store_credit_earned,
        figures.benefit,
    ];
    if amounts.iter().all(|a| a.abs() <= MAX_MINOR) {
        Ok(())
    } else {
        Err(overflow("plan"))
    }
}

impl Figures {
    /// No order, nothing earned, spent or expired.
    pub const ZERO: Figures = Figures {
        orders: 0,
        spend: 0,
        discount: 0,
        paid: 0,
        points_earned: 0,
        employee_points_earned: 0,
        points_redeemed: 0,
        points_redeemed_value: 0,
        points_expired: 0,
        store_credit_earned: 0,
        benefit: 0,
    };

    /// Adds one priced order.
    pub fn book(&mut self, outcome: &Outcome) -> Result<()> {
        self.orders += 1;
        self.spend += outcome.subtotal;
        self.discount += outcome.discount_total;
        self.paid += outcome.payable;
        if let Some(points) = &outcome.points {
            self.points_earned = add(self.points_earned, points.earned)?;
            self.employee_points_earned = add(
                self.employee_points_earned,
                points.employee_earned.unwrap_or(0),
            )?;
            self.points_redeemed = add(self.points_redeemed, points.redeemed)?;
            self.points_redeemed_value += points.value;
        }
        if let Some(cashback) = &outcome.cashback {
            self.store_credit_earned += cashback.earned;
        }
        checked(self)
    }

    /// Closes one customer's month: the points that expired, and the benefit rounded once.
    pub fn close(&mut self, rules: &Rules, expired: u64) -> Result<()> {
        self.points_expired = add(self.points_expired, expired)?;
        let earned = u128::from(add(self.points_earned, self.employee_points_earned)?);
        let (per_step, step) = rules
            .points
            .as_ref()
            .map_or((0, 1), |p| (p.minor_per_step, u128::from(p.step)));
        // (discount + credit) + points × value per point, exactly, then rounded once.
        let whole = (self.discount + self.store_credit_earned)
            .max(0)
            .unsigned_abs();
        let exact = whole
            .checked_mul(step)
            .zip(earned.checked_mul(per_step))
            .and_then(|(a, b)| a.checked_add(b));
        self.benefit = exact
            .and_then(|exact| mul_div(exact, 1, step, rules.rounding))
            .and_then(|benefit| i128::try_from(benefit).ok())
            .ok_or_else(|| overflow("plan"))?;
        checked(self)
    }

    /// Adds another tally (another customer's, or another month's).
    pub fn add(&mut self, other: &Figures) -> Result<()> {
        self.orders = add(self.orders, other.orders)?;
        self.spend += other.spend;
        self.discount += other.discount;
        self.paid += other.paid;
        self.points_earned = add(self.points_earned, other.points_earned)?;
        self.employee_points_earned =
            add(self.employee_points_earned, other.employee_points_earned)?;
        self.points_redeemed = add(self.points_redeemed, other.points_redeemed)?;
        self.points_redeemed_value += other.points_redeemed_value;
        self.points_expired = add(self.points_expired, other.points_expired)?;
        self.store_credit_earned += other.store_credit_earned;
        self.benefit += other.benefit;
        checked(self)
    }
}
