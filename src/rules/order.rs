//! What the pricer reads and writes: an order with its names interned and its prices in minor
//! units, where the customer stands, and everything the order comes to (the outcome), with the
//! buffers the pricer reuses from one order to the next.

use super::values::{Amount, AttributeValue, Scope};
use crate::format::program::Period;
use crate::format::trace::{Code, Entry, Kind, RedeemLimit};
use crate::money::exact::{decimal_of, Fraction};
use crate::money::Rounding;
use chrono::NaiveDate;

/// One line of an order: its names interned, its price in minor units.
#[derive(Debug, Clone)]
pub struct OrderLine<'a> {
    pub sku: &'a str,
    pub sku_id: Option<u32>,
    pub category_id: Option<u32>,
    pub unit_price: i128,
    pub quantity: u32,
    pub promotional: bool,
    /// The line's value of each attribute the program declares (empty when it declares none).
    pub attributes: Vec<AttributeValue<'a>>,
}

impl OrderLine<'_> {
    #[inline]
    pub(crate) fn in_scope(&self, scope: &Scope) -> bool {
        scope.contains(
            self.category_id,
            self.sku_id,
            self.promotional,
            &self.attributes,
        )
    }
}

/// An order as the pricer reads it.
#[derive(Debug, Clone)]
pub struct Order<'a> {
    pub date: NaiveDate,
    pub lines: Vec<OrderLine<'a>>,
    /// Delivery charges, in minor units.
    pub shipping: Vec<i128>,
    pub promo_code: Option<&'a str>,
    pub redeem_points: u64,
    /// The share of what it could use that the order uses (an expected redemption rate in
    /// projections); `None`: all that `redeem_points` asks, within the program's limits.
    pub redeem_share: Option<Fraction>,
    /// `(index into Rules::events, count)`.
    pub events: Vec<(usize, u32)>,
    /// `(index into Rules::partners, partner points)`.
    pub partner_points: Vec<(usize, u64)>,
    /// What the host's records say so far of limited promo codes and rules, by their index.
    pub code_usage: Vec<(usize, Used)>,
    pub rule_usage: Vec<(usize, Used)>,
}

/// A limited code's or rule's uses and spend so far (spend in minor units).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Used {
    pub uses: u64,
    pub customer_uses: u64,
    pub spent: i128,
}

/// Where the customer stands when the order is placed: everything the rules may look at besides
/// the order itself. The ledger works it out.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Standing {
    pub tier: Option<usize>,
    /// Qualifying spend (minor units) or points in the tier window, up to the order's day.
    pub qualifying: i128,
    /// Spend over the customer's whole history, for spend steps.
    pub lifetime_spend: i128,
    pub first_purchase_made: bool,
    pub member: bool,
    pub last_purchase: Option<NaiveDate>,
    /// Points that can be spent on the order's day.
    pub balance: u64,
    /// Store credit already earned this calendar month, for the cashback cap.
    pub credit_this_month: i128,
    pub store_credit: i128,
    /// Spend so far in the order's month, quarter and year, for minimum commitments.
    pub period_spend: [i128; 3],
    /// Whether an employee account earns beside the company's (B2B dual accrual).
    pub employee: bool,
    /// For campaigns around the customer's birthday.
    pub birth_date: Option<NaiveDate>,
    /// With an expected redemption share: what the earlier orders could have used in all, and
    /// what they used.
    pub could_redeem: u64,
    pub redeemed: u64,
}

/// One discount that applied: `shares` index `Outcome::shares`, its split over lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub rule: usize,
    pub amount: i128,
    pub shares: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PromoResult {
    /// The code as the program spells it, or as the cart gave it when unknown.
    pub code: String,
    pub accepted: bool,
    pub reason: Code,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointsResult {
    pub balance_before: u64,
    /// Points earned on the order, events and partner transfers, for the customer's account.
    pub earned: u64,
    pub employee_earned: Option<u64>,
    pub requested: u64,
    pub redeemed: u64,
    pub cap: u64,
    pub cap_amount: i128,
    pub value: i128,
    pub limited_by: Option<RedeemLimit>,
    /// With an expected redemption share: the most the order could have used.
    pub could: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CashbackResult {
    pub earned: i128,
    pub cap_remaining: Option<i128>,
}

/// What the lines and delivery taxed at one rate come to, tax included, and the tax that
/// contains.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaxShare {
    /// An index into the compiled rule's rates.
    pub rate: usize,
    pub gross: i128,
    pub tax: i128,
    /// The delivery in `gross`.
    pub delivery: i128,
}

/// Where the order leaves the customer among the tiers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub before: Option<usize>,
    pub after: Option<usize>,
    /// A tier reached by this order that the next monthly recalculation will grant.
    pub pending: Option<(usize, NaiveDate)>,
    pub qualifying_before: i128,
    pub qualifying_after: i128,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CommitmentResult {
    pub period: Period,
    pub required: Amount,
    pub spent: i128,
    pub remaining: i128,
}

/// Everything one order comes to, in minor units.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub line_subtotals: Vec<i128>,
    pub line_discounts: Vec<i128>,
    /// What points pay on each line.
    pub line_points: Vec<i128>,
    pub subtotal: i128,
    pub applied: Vec<Applied>,
    /// `(line, amount)` for each applied discount, in `applied`'s order.
    pub shares: Vec<(usize, i128)>,
    pub discount_total: i128,
    pub after_discounts: i128,
    /// What each delivery charge's discounts take off it, in the cart's order.
    pub shipping_discounts: Vec<i128>,
    /// Delivery after its discounts.
    pub shipping_total: i128,
    pub promo: Option<PromoResult>,
    pub points: Option<PointsResult>,
    pub points_value: i128,
    pub payable: i128,
    pub cashback: Option<CashbackResult>,
    pub placement: Option<Placement>,
    pub commitment: Option<CommitmentResult>,
    /// The tax each line contains after discounts, when prices include tax (else empty).
    pub line_tax: Vec<i128>,
    /// The tax contained at each rate the order uses, in the rates' order.
    pub tax: Vec<TaxShare>,
    /// The tax each delivery charge contains after its discounts, when prices include tax (else
    /// empty).
    pub shipping_tax: Vec<i128>,
    pub trace: Vec<Entry>,
    /// What the order stage earned (the customer's points, the employee's), for the account
    /// stage to book beside the redemption.
    pub(crate) order_points: Option<(u64, Option<u64>)>,
    pub(crate) scratch: Scratch,
}

/// Buffers the pricer reuses from one order to the next, so that pricing allocates nothing once
/// they have grown to the order's size.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Scratch {
    /// The lines in each candidate rule's scope, one rule after another.
    pub(crate) scope_lines: Vec<usize>,
    pub(crate) candidates: Vec<Candidate>,
    pub(crate) remaining: Vec<i128>,
    pub(crate) split: Split,
    pub(crate) groups: Vec<EarnGroup>,
}

/// Where earned points come from: an amount at a rate, or units at points per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Rate(usize),
    Unit { rate: usize, per_unit: u64 },
}

/// Lines earning from one source under one set of multipliers: money in minor units at a rate,
/// or points before multipliers per unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EarnGroup {
    pub(crate) source: Source,
    pub(crate) mask: u64,
    pub(crate) base: i128,
    pub(crate) units: u64,
    /// Line by line, when the rule rounds per line.
    pub(crate) points: u64,
}

/// Buffers for splitting one amount over lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Split {
    pub(crate) weights: Vec<i128>,
    pub(crate) parts: Vec<i128>,
    pub(crate) remainders: Vec<(i128, usize)>,
}

/// How an eligible discount takes money off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Rate {
    Share(Fraction),
    Fixed(i128),
    PerUnit(i128),
    /// Quantity breaks reached by each SKU on its own: a percentage per line, from the rule
    /// (an index into the program's discounts).
    BreaksPerSku(usize),
    /// Buy X get Y: the units it gives, from the rule (an index into the program's discounts).
    BuyGet(usize),
    /// A set for a price, from the rule (an index into the program's discounts).
    Bundle(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) rule: usize,
    pub(crate) rate: Rate,
    /// The lines in scope, in `Scratch::scope_lines`.
    pub(crate) lines: std::ops::Range<usize>,
    pub(crate) entry: Option<Entry>,
    /// The promo code the rule needs, whose budget it spends too.
    pub(crate) code: Option<usize>,
}

/// The order being priced, where the customer stands, the outcome written so far and its trace:
/// what every stage and mechanic of the pricer reads and writes, besides its own rule.
pub(crate) struct Sheet<'r, 'o> {
    pub(crate) order: &'r Order<'o>,
    pub(crate) standing: &'r Standing,
    pub(crate) trace: Option<Vec<Entry>>,
    pub(crate) out: &'r mut Outcome,
    pub(crate) scratch: Scratch,
    /// Where the redemption's trace entry goes: before the points earned, although it is
    /// worked out after them.
    pub(crate) redemption_at: usize,
    /// The currency's minor units, for amounts written in the trace.
    pub(crate) units: u32,
    pub(crate) rounding: Rounding,
    /// Whether delivery counts toward minimums (the program's `shipping`).
    pub(crate) delivery_counts: bool,
}

impl Sheet<'_, '_> {
    /// An amount in minor units as the trace writes it.
    #[inline]
    pub(crate) fn money(&self, minor: i128) -> String {
        decimal_of(minor, self.units).to_string()
    }

    /// An amount of the order's items as minimums count it: with delivery, where the program
    /// says delivery counts.
    #[inline]
    pub(crate) fn toward_minimums(&self, items: i128) -> i128 {
        match self.delivery_counts {
            true => items + self.order.shipping.iter().sum::<i128>(),
            false => items,
        }
    }

    /// Writes a trace entry, built only when the trace is on.
    #[inline]
    pub(crate) fn note(&mut self, entry: impl FnOnce(&Self) -> Entry) {
        if self.trace.is_some() {
            let entry = entry(self);
            if let Some(trace) = &mut self.trace {
                trace.push(entry);
            }
        }
    }
}

/// What a discount rule answers when asked whether it applies: how it takes money off and its
/// trace entry, or the entry saying why not (entries only when the trace is on).
pub(crate) type Verdict = std::result::Result<(Rate, Option<Entry>), Option<Entry>>;

/// A discount rule's trace entries, built only when the trace is on.
#[derive(Clone, Copy)]
pub(crate) struct RuleEntries<'a> {
    pub(crate) id: &'a str,
    pub(crate) tracing: bool,
}

impl RuleEntries<'_> {
    /// The rule's entry as applied, with its figures.
    #[inline]
    pub(crate) fn applied(&self, figures: impl FnOnce(Entry) -> Entry) -> Option<Entry> {
        self.tracing
            .then(|| figures(Entry::new(Kind::Discount, self.id, true, Code::Applied)))
    }

    /// The rule's entry refused with `code`, with its figures.
    #[inline]
    pub(crate) fn refused(
        &self,
        code: Code,
        figures: impl FnOnce(Entry) -> Entry,
    ) -> Option<Entry> {
        self.tracing
            .then(|| figures(Entry::new(Kind::Discount, self.id, false, code)))
    }
}

/// The units on the lines in scope (of one SKU, when given).
#[inline]
pub(crate) fn units_in(lines: &[OrderLine], in_scope: &[usize], sku: Option<&str>) -> u64 {
    in_scope
        .iter()
        .filter(|&&at| sku.is_none_or(|sku| lines[at].sku == sku))
        .map(|&at| u64::from(lines[at].quantity))
        .sum()
}

/// The lines in scope as `(unit price, position in scope)`, by unit price (the dearest or the
/// cheapest first), ties in cart order.
pub(crate) fn by_unit_price(
    lines: &[OrderLine],
    in_scope: &[usize],
    dearest_first: bool,
    out: &mut Vec<(i128, usize)>,
) {
    out.clear();
    out.extend(in_scope.iter().enumerate().map(|(position, &at)| {
        let price = lines[at].unit_price;
        (if dearest_first { -price } else { price }, position)
    }));
    out.sort_unstable();
}
