//! The one pricer: an order, for a customer standing where the ledger says, under compiled rules,
//! as a pipeline of stages, each a module of its own:
//!
//! 1. the order stage: line subtotals, the promo code ([`promo_code`]), the discounts
//!    ([`discounts`]: each rule's kind in `mechanics/`, stacking, delivery), included tax
//!    ([`included_tax`]), points earned ([`multipliers`], [`earn`], [`events`]) and cashback
//!    ([`cashback`]);
//! 2. the account stage: points redeemed ([`redemption`]), the tier the order reaches
//!    ([`tiers`]), a contract tier's commitment ([`commitment`]) and chance rewards
//!    ([`chances`]).
//!
//! With the trace on, each stage writes the entries that explain its figures; off, it is the same
//! code doing less writing.

use super::compiled::{EarnRule, Multiplier, Rules};
use super::discounts;
use super::mechanics::earn::{self, Earning};
use super::mechanics::included_tax;
use super::mechanics::multipliers::{self, Multiplying};
use super::mechanics::promo_code::{self};
use super::mechanics::redemption;
use super::mechanics::{cashback, chances, events};
use super::mechanics::{commitment, tiers};
use super::order::Sheet;
pub use super::order::{
    Applied, CashbackResult, CommitmentResult, Order, OrderLine, Outcome, Placement, PointsResult,
    PromoResult, Standing, TaxShare, Used,
};
use crate::error::Result;
use crate::format::program::Qualifier;
use crate::format::trace::Kind;
use crate::format::validate::overflow;

/// Prices one order; with `trace`, every rule's entry is written too.
pub fn price(rules: &Rules, order: &Order, standing: &Standing, trace: bool) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    price_into(rules, order, standing, trace, &mut outcome)?;
    Ok(outcome)
}

/// The same, into an outcome whose buffers are reused from one order to the next.
pub fn price_into(
    rules: &Rules,
    order: &Order,
    standing: &Standing,
    trace: bool,
    out: &mut Outcome,
) -> Result<()> {
    run(rules, order, standing, trace, true, out)
}

/// Prices again an order whose outcome is in `out`, for a customer whose [`OrderKey`] is the same
/// as when it was priced: the order stage (discounts, points earned, cashback) stands, and only
/// the account stage (redemption against the balance, the tier reached) is worked out anew.
/// What a customer's repeated monthly order costs after its first month, without a trace.
pub fn reprice_into(
    rules: &Rules,
    order: &Order,
    standing: &Standing,
    out: &mut Outcome,
) -> Result<()> {
    run(rules, order, standing, false, false, out)
}

fn run(
    rules: &Rules,
    order: &Order,
    standing: &Standing,
    trace: bool,
    order_stage: bool,
    out: &mut Outcome,
) -> Result<()> {
    let scratch = std::mem::take(&mut out.scratch);
    let mut pricing = Pricing {
        rules,
        sheet: Sheet {
            order,
            standing,
            trace: if trace { Some(Vec::new()) } else { None },
            out,
            scratch,
            redemption_at: 0,
            units: rules.units,
            rounding: rules.rounding,
            delivery_counts: rules.shipping.counts_toward_minimums,
        },
    };
    let result = if order_stage {
        pricing.order_stage()
    } else {
        Ok(())
    };
    let result = result.and_then(|()| pricing.account_stage());
    pricing.sheet.out.scratch = pricing.sheet.scratch;
    result
}

/// The pricer at work: the compiled rules, and the sheet of the order being priced.
struct Pricing<'r, 'o> {
    rules: &'r Rules,
    sheet: Sheet<'r, 'o>,
}

impl Pricing<'_, '_> {
    /// The order stage: what the order comes to for the customer's tier and standing, before
    /// their points are spent: discounts, points earned and cashback.
    fn order_stage(&mut self) -> Result<()> {
        let out = &mut *self.sheet.out;
        out.line_subtotals.clear();
        for line in &self.sheet.order.lines {
            // Within the cart's validated limits: 10^18 minor units at most.
            out.line_subtotals
                .push(line.unit_price * i128::from(line.quantity));
        }
        out.subtotal = out.line_subtotals.iter().sum();
        let promo = promo_code::check(&self.sheet, &self.rules.promo_codes);
        let discount_trace = discounts::apply(&mut self.sheet, self.rules, promo.as_ref());
        out_set_totals(self.sheet.out);
        if let Some(trace) = &mut self.sheet.trace {
            if let Some((_, entry)) = &promo {
                trace.extend(entry.clone());
            }
            trace.extend(discount_trace);
            self.sheet.redemption_at = trace.len();
        }
        self.sheet.out.promo = promo.map(|(result, _)| result);
        self.included_tax()?;
        self.sheet.out.order_points = self.earned_points()?;
        let event_credit = events::event_credit(&self.sheet, &self.rules.events)?;
        cashback::price(&mut self.sheet, self.rules.cashback.as_ref(), event_credit)
    }

    /// Included tax: see [`included_tax`].
    fn included_tax(&mut self) -> Result<()> {
        let out = &mut *self.sheet.out;
        out.line_tax.clear();
        out.tax.clear();
        out.shipping_tax.clear();
        let Some(tax) = &self.rules.tax else {
            return Ok(());
        };
        included_tax::price(&mut self.sheet, tax)
    }

    /// The account stage: the customer's points spent on the order, and where it leaves them
    /// among the tiers.
    fn account_stage(&mut self) -> Result<()> {
        let earned = redemption::price(&mut self.sheet, self.rules.points.as_ref());
        self.sheet.out.payable = self.sheet.out.after_discounts - self.sheet.out.points_value
            + self.sheet.out.shipping_total;
        // This order's own points are pending, when the program has pending days; they count
        // only where the program says pending points do.
        let pending_left_out = self
            .rules
            .points
            .as_ref()
            .is_some_and(|p| p.pending_days > 0 && !p.pending_count_toward_tiers);
        let contribution = match self.rules.tiering.qualifies_on {
            Qualifier::Spend => self.sheet.out.after_discounts,
            Qualifier::Points if pending_left_out => 0,
            Qualifier::Points => i128::from(earned),
        };
        self.tier(contribution);
        chances::note(&mut self.sheet, &self.rules.chances);
        self.sheet.out.trace = self.sheet.trace.take().unwrap_or_default();
        Ok(())
    }

    /// The points the order earns: the customer's (with events and partner transfers) and the
    /// employee's; `None` on a program without points.
    fn earned_points(&mut self) -> Result<Option<(u64, Option<u64>)>> {
        let rules = self.rules;
        let Some(points_rule) = &rules.points else {
            return Ok(None);
        };
        let standing = self.sheet.standing;
        let slot = standing.tier.unwrap_or(rules.tiers.len());
        let multiplier = rules.multipliers[slot][usize::from(standing.member)];
        let tier_id = standing.tier.map_or("", |t| rules.tiers[t].id.as_str());
        let applying = multipliers::applying(
            &mut self.sheet,
            &points_rule.multipliers,
            &rules.promo_codes,
            tier_id,
        );
        let earn = |sheet: &mut Sheet, rule: &EarnRule, kind: Kind| {
            let earning = Earning {
                rule,
                multipliers: Multiplying {
                    program: &points_rule.multipliers,
                    add: points_rule.add_multipliers,
                    round_each_step: points_rule.round_each_step,
                    status: match rule.apply_tier_multiplier {
                        true => multiplier,
                        false => Multiplier::ONE,
                    },
                },
            };
            let tax = rules.tax.as_ref();
            earn::earn(
                sheet,
                &earning,
                kind,
                applying,
                tax,
                rules.shipping.earns_points,
            )
        };
        let earned = earn(&mut self.sheet, &points_rule.earn, Kind::Points)?;
        let events = events::event_points(&mut self.sheet, &rules.events)?;
        let partners = events::partner_points(&mut self.sheet, &rules.partners)?;
        let earned = events
            .checked_add(partners)
            .and_then(|extra| earned.checked_add(extra))
            .ok_or_else(|| overflow("cart.events"))?;
        let employee_earned = match &points_rule.employee_earn {
            Some(rule) if standing.employee => {
                Some(earn(&mut self.sheet, rule, Kind::EmployeePoints)?)
            }
            _ => None,
        };
        Ok(Some((earned, employee_earned)))
    }

    /// Where the order leaves the customer among the tiers, and a contract tier's commitment.
    fn tier(&mut self, contribution: i128) {
        let rules = self.rules;
        self.sheet.out.commitment = None;
        let Some(after) = tiers::place(&mut self.sheet, &rules.tiering, &rules.tiers, contribution)
        else {
            return;
        };
        if let Some(rule) = after.map(|t| &rules.tiers[t]) {
            commitment::price(&mut self.sheet, &rule.id, rule.commitment.as_ref());
        }
    }
}

fn out_set_totals(out: &mut Outcome) {
    out.discount_total = out.line_discounts.iter().sum();
    out.after_discounts = out.subtotal - out.discount_total;
}
