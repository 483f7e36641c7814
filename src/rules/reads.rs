//! What the order stage reads of a customer's standing and the date, worked out once per program:
//! a customer's repeated order priced for the same [`OrderKey`] gives the same discounts, points
//! earned and cashback, so the forecast and projections keep its priced stage.

use super::compiled::Rules;
use super::discount_rule::DiscountValue;
use super::mechanics::conditions::is_dated;
use super::order::Standing;
use chrono::NaiveDate;

/// Everything besides the order itself that the order stage reads: a customer's order priced
/// for the same key gives the same discounts, points earned and cashback. The standing is taken
/// apart without `..`, so a new field of it must be placed here (or said to be unread) before
/// the crate compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderKey {
    tier: Option<usize>,
    member: bool,
    first_purchase_made: bool,
    employee: bool,
    lifetime_spend: i128,
    credit_this_month: i128,
    date: Option<NaiveDate>,
    last_purchase: Option<NaiveDate>,
    birth_date: Option<NaiveDate>,
}

/// Which parts of the standing and the date a program's order stage reads, worked out once.
#[derive(Debug, Clone, Copy)]
pub struct Reads {
    date: bool,
    lifetime_spend: bool,
    credit: bool,
    last_purchase: bool,
    first_purchase: bool,
}

impl Reads {
    pub fn of(rules: &Rules) -> Reads {
        let inactivity = rules.discounts.iter().any(|d| d.inactivity.is_some());
        Reads {
            // Validity windows, and the days since the last purchase.
            date: inactivity
                || rules.discounts.iter().any(|d| is_dated(&d.conditions))
                || rules
                    .points
                    .iter()
                    .flat_map(|p| &p.multipliers)
                    .any(|m| is_dated(&m.conditions))
                || rules
                    .promo_codes
                    .iter()
                    .any(|p| p.valid_from.is_some() || p.valid_until.is_some()),
            lifetime_spend: rules
                .discounts
                .iter()
                .any(|d| matches!(d.value, DiscountValue::SpendSteps { .. })),
            credit: rules
                .cashback
                .as_ref()
                .is_some_and(|c| c.cap_per_month.is_some()),
            last_purchase: inactivity,
            // Only a rule's conditions ask whether a first purchase was made.
            first_purchase: rules
                .discounts
                .iter()
                .map(|d| &d.conditions)
                .chain(
                    rules
                        .points
                        .iter()
                        .flat_map(|p| &p.multipliers)
                        .map(|m| &m.conditions),
                )
                .any(|c| c.first_purchase_made.is_some()),
        }
    }

    /// Whether the order stage reads the customer's history beyond the tier: lifetime spend,
    /// store credit this month or the last purchase.
    pub fn history(&self) -> bool {
        self.lifetime_spend || self.credit || self.last_purchase
    }

    /// Whether the order stage reads the date: then each day's order has a key of its own.
    pub fn dated(&self) -> bool {
        self.date
    }

    /// The key of an order on `date` for a customer standing so.
    pub fn key(&self, date: NaiveDate, standing: &Standing) -> OrderKey {
        let Standing {
            tier,
            qualifying: _, // the account stage: where the order leaves the customer
            lifetime_spend,
            first_purchase_made,
            member,
            last_purchase,
            balance: _, // the account stage: redemption
            credit_this_month,
            store_credit: _, // written out, never priced
            period_spend: _, // the account stage: commitments
            employee,
            birth_date,
            could_redeem: _, // the account stage: redemption
            redeemed: _,
        } = *standing;
        OrderKey {
            tier,
            member,
            first_purchase_made: self.first_purchase && first_purchase_made,
            employee,
            lifetime_spend: if self.lifetime_spend {
                lifetime_spend
            } else {
                0
            },
            credit_this_month: if self.credit { credit_this_month } else { 0 },
            date: self.date.then_some(date),
            last_purchase: if self.last_purchase {
                last_purchase
            } else {
                None
            },
            birth_date,
        }
    }
}
