//! The quote: one order priced exactly under a program, with every figure traced to a rule.

use crate::checkout::margin::{self, Margin};
use crate::error::Result;
use crate::format::cart::Cart;
use crate::format::customer::Customer;
use crate::format::json::write::{Object, ToJson};
use crate::format::names::LocalizedText;
use crate::format::program::{DeliveryTax, Period, Program, Qualifier};
use crate::format::trace::{Code, Entry, RedeemLimit};
use crate::money::exact::{decimal_of, mul_div, Fraction};
use crate::money::Rounding;
use crate::rules::calendar::Day;
use crate::rules::mechanics::redemption::name_pending;
use crate::rules::pricer::Outcome;
use crate::rules::{price, Ledger, Order, Rules};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// Everything one quote needs, as the `loyalty quote` command and the bindings take it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub program: Program,
    #[serde(default)]
    pub customer: Customer,
    pub cart: Cart,
    /// The customer's language tag (`ka`, `ru-RU`): names come out in it, or as
    /// [`LocalizedText::choose`] falls back. None: the program's default language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    pub program: String,
    pub currency: String,
    pub minor_units: u32,
    pub lines: Vec<QuoteLine>,
    pub subtotal: Decimal,
    pub discount_total: Decimal,
    pub after_discounts: Decimal,
    pub points_value: Decimal,
    pub payable: Decimal,
    pub discounts: Vec<DiscountLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promo_code: Option<PromoOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<PointsOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cashback: Option<CashbackOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<TierOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<Margin>,
    /// The tax the prices contain, when the program's prices include tax.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax: Option<TaxOutcome>,
    /// Delivery and its discounts, when the cart has delivery; `payable` includes its total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ShippingOutcome>,
    pub trace: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShippingOutcome {
    pub price: Decimal,
    pub discount: Decimal,
    pub total: Decimal,
    pub lines: Vec<ShippingQuoteLine>,
    /// The delivery discounts that applied (not in `discounts`, which are the items').
    pub discounts: Vec<DiscountLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShippingQuoteLine {
    pub method: String,
    pub price: Decimal,
    pub discount: Decimal,
    pub total: Decimal,
    pub discounts: Vec<LineShare>,
    /// The tax the charge contains after its discounts, when prices include tax and delivery
    /// contains it (`included_tax.delivery`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax: Option<Decimal>,
}

/// The tax contained in what the order comes to after discounts, delivery included where the
/// program's `included_tax.delivery` says it contains tax (points are a way of paying, so they
/// do not change it), at each rate it uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaxOutcome {
    pub total: Decimal,
    pub rates: Vec<TaxAtRate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaxAtRate {
    pub percent: Decimal,
    /// The lines at this rate after discounts, and the delivery taxed at it, tax included.
    pub gross: Decimal,
    pub net: Decimal,
    pub tax: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteLine {
    pub sku: String,
    pub category: String,
    pub quantity: u32,
    pub unit_price: Decimal,
    pub subtotal: Decimal,
    pub discount: Decimal,
    pub points_value: Decimal,
    pub total: Decimal,
    pub discounts: Vec<LineShare>,
    /// The tax the line contains after discounts, when prices include tax.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LineShare {
    pub rule: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiscountLine {
    pub rule: String,
    pub name: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PromoOutcome {
    pub code: String,
    pub accepted: bool,
    pub reason: Code,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PointsOutcome {
    pub balance_before: u64,
    pub earned: u64,
    /// The employee's personal account on a B2B program with dual accrual.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employee_earned: Option<u64>,
    pub requested: u64,
    pub redeemed: u64,
    pub redeem_cap: u64,
    pub redeem_cap_amount: Decimal,
    pub redeemed_value: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited_by: Option<RedeemLimit>,
    /// Points are redeemed in whole steps of this many, when one point is worth less than a
    /// minor unit (a point of 0.5 JPY: steps of 2); absent when any count can be redeemed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redeem_step: Option<u64>,
    /// What the customer holds after the order; with pending days, what can be spent after it
    /// (this order's points are then in `pending`).
    pub balance_after: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_expiry: Option<Expiry>,
    /// On a program whose points wait before they can be spent: the points pending before and
    /// after this order (`balance_before` counts only those that can be spent), and the day
    /// this order's points can be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pending {
    pub before: u64,
    pub after: u64,
    pub available_from: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Expiry {
    pub date: NaiveDate,
    pub points: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CashbackOutcome {
    pub earned: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_remaining: Option<Decimal>,
    pub store_credit_after: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TierOutcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_upgrade: Option<PendingUpgrade>,
    pub qualifying_before: Decimal,
    pub qualifying_after: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<NextTier>,
    pub perks: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment: Option<CommitmentStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PendingUpgrade {
    pub tier: String,
    pub effective: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NextTier {
    pub tier: String,
    pub name: String,
    pub threshold: Decimal,
    pub remaining: Decimal,
    pub percent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommitmentStatus {
    pub period: Period,
    pub required: Decimal,
    pub spent: Decimal,
    pub remaining: Decimal,
    pub met: bool,
}

/// Validates a request's three parts, naming the bad field under `program`, `customer` or `cart`.
/// The program comes back compiled.
pub fn validate(request: &Request) -> Result<Rules> {
    validate_parts(&request.program, &request.customer, &request.cart)
}

/// The same for inputs held apart.
pub fn validate_parts(program: &Program, customer: &Customer, cart: &Cart) -> Result<Rules> {
    let rules = Rules::new(program).map_err(|e| e.under("program"))?;
    customer
        .validate(program)
        .map_err(|e| e.under("customer"))?;
    cart.validate(program).map_err(|e| e.under("cart"))?;
    Ok(rules)
}

/// Validates and prices one order.
pub fn quote(request: &Request) -> Result<Quote> {
    let rules = validate(request)?;
    let locale = request.locale.as_deref().unwrap_or("");
    quote_with(&rules, &request.customer, &request.cart, locale)
}

/// Prices one order of inputs already validated.
pub fn quote_valid(program: &Program, customer: &Customer, cart: &Cart) -> Result<Quote> {
    let rules = Rules::compile(program).map_err(|e| e.under("program"))?;
    quote_with(&rules, customer, cart, "")
}

/// Prices one order under compiled rules, for a customer and cart already validated; names
/// come out in `locale` (empty: the program's default language).
pub fn quote_with(rules: &Rules, customer: &Customer, cart: &Cart, locale: &str) -> Result<Quote> {
    let mut ledger = Ledger::open(rules, customer);
    let order = Order::of(rules, cart);
    let standing = ledger.standing(rules, &Day::of(rules, cart.date));
    let mut outcome = price(rules, &order, &standing, true)?;
    if let Some(points) = &outcome.points {
        // Points still pending: the redemption says how many would free up first, enough for
        // what was asked beyond the balance (at least one more point), and from when.
        let wanted = points
            .requested
            .max(points.balance_before.saturating_add(1));
        if let Some((pending, from)) = ledger.pending_to_cover(cart.date, wanted) {
            name_pending(&mut outcome.trace, pending, from);
        }
        // The next expiry after this order's redemption, which uses the soonest-expiring first.
        ledger.spend_points(cart.date, points.redeemed);
    }
    Ok(write(rules, cart, &ledger, outcome, locale))
}

/// The quote as it is written out: the outcome's minor units as decimals, ids, and names in
/// `locale`.
fn write(rules: &Rules, cart: &Cart, ledger: &Ledger, outcome: Outcome, locale: &str) -> Quote {
    let units = rules.units;
    let name = |text: &LocalizedText| text.choose(locale, &rules.name_languages).to_string();
    let money = |minor: i128| decimal_of(minor, units);
    // The lines' shares, then the delivery charges' (which stand after the lines).
    let mut line_shares: Vec<Vec<LineShare>> =
        vec![Vec::new(); cart.lines.len() + cart.shipping.len()];
    for applied in &outcome.applied {
        for (line, amount) in &outcome.shares[applied.shares.clone()] {
            line_shares[*line].push(LineShare {
                rule: rules.discounts[applied.rule].id.clone(),
                amount: money(*amount),
            });
        }
    }
    let shipping_shares = line_shares.split_off(cart.lines.len());
    let lines = cart
        .lines
        .iter()
        .zip(line_shares)
        .enumerate()
        .map(|(at, (line, discounts))| {
            let subtotal = outcome.line_subtotals[at];
            let discount = outcome.line_discounts[at];
            let points = outcome.line_points.get(at).copied().unwrap_or(0);
            QuoteLine {
                sku: line.sku.clone(),
                category: line.category.clone(),
                quantity: line.quantity,
                unit_price: line.unit_price,
                subtotal: money(subtotal),
                discount: money(discount),
                points_value: money(points),
                total: money(subtotal - discount - points),
                discounts,
                tax: outcome.line_tax.get(at).map(|tax| money(*tax)),
            }
        })
        .collect();
    let (shipping_discounts, discounts): (Vec<_>, Vec<_>) = outcome
        .applied
        .iter()
        .map(|applied| {
            let rule = &rules.discounts[applied.rule];
            let line = DiscountLine {
                rule: rule.id.clone(),
                name: name(&rule.name),
                amount: money(applied.amount),
            };
            (
                rule.class == crate::format::program::DiscountClass::Shipping,
                line,
            )
        })
        .partition(|(delivery, _)| *delivery);
    let discounts = discounts.into_iter().map(|(_, line)| line).collect();
    let shipping = (!cart.shipping.is_empty()).then(|| {
        let price: i128 = outcome.shipping_discounts.iter().sum::<i128>() + outcome.shipping_total;
        ShippingOutcome {
            price: money(price),
            discount: money(price - outcome.shipping_total),
            total: money(outcome.shipping_total),
            lines: cart
                .shipping
                .iter()
                .zip(&outcome.shipping_discounts)
                .zip(shipping_shares)
                .enumerate()
                .map(|(at, ((line, discount), discounts))| ShippingQuoteLine {
                    method: line.method.clone(),
                    price: line.price,
                    discount: money(*discount),
                    total: money(
                        crate::money::exact::minor_of(line.price, units).unwrap_or(0) - discount,
                    ),
                    discounts,
                    tax: rules
                        .tax
                        .as_ref()
                        .filter(|tax| tax.delivery != DeliveryTax::None)
                        .and_then(|_| outcome.shipping_tax.get(at))
                        .map(|tax| money(*tax)),
                })
                .collect(),
            discounts: shipping_discounts
                .into_iter()
                .map(|(_, line)| line)
                .collect(),
        }
    });
    let points = outcome.points.map(|p| PointsOutcome {
        balance_before: p.balance_before,
        earned: p.earned,
        employee_earned: p.employee_earned,
        requested: p.requested,
        redeemed: p.redeemed,
        redeem_cap: p.cap,
        redeem_cap_amount: money(p.cap_amount),
        redeemed_value: money(p.value),
        limited_by: p.limited_by,
        redeem_step: rules
            .points
            .as_ref()
            .map(|r| r.step)
            .filter(|step| *step > 1),
        // With pending days, this order's points are pending: what can be spent after it.
        balance_after: if rules.points.as_ref().is_some_and(|r| r.pending_days > 0) {
            p.balance_before - p.redeemed
        } else {
            p.balance_before - p.redeemed + p.earned
        },
        next_expiry: ledger
            .next_expiry(cart.date)
            .map(|(date, points)| Expiry { date, points }),
        pending: rules
            .points
            .as_ref()
            .filter(|rule| rule.pending_days > 0)
            .map(|_| {
                let before = ledger.pending(cart.date);
                Pending {
                    before,
                    after: before + p.earned,
                    available_from: crate::rules::calendar::available_from(rules, cart.date),
                }
            }),
    });
    let cashback = outcome.cashback.map(|c| CashbackOutcome {
        earned: money(c.earned),
        cap_remaining: c.cap_remaining.map(money),
        store_credit_after: money(ledger.store_credit() + c.earned),
    });
    let tier = outcome.placement.map(|placement| {
        let id = |index: Option<usize>| index.map(|t| rules.tiers[t].id.clone());
        let qualifying = |value: i128| match rules.tiering.qualifies_on {
            Qualifier::Spend => money(value),
            Qualifier::Points => Decimal::from_i128_with_scale(value, 0),
        };
        let after = placement.after;
        let next = rules
            .tiers
            .get(after.map_or(0, |t| t + 1))
            .map(|tier| NextTier {
                tier: tier.id.clone(),
                name: name(&tier.name),
                threshold: tier.threshold,
                remaining: rules.remaining_to(tier, placement.qualifying_after),
                percent: percent_of(rules, placement.qualifying_after, tier),
            });
        TierOutcome {
            before: id(placement.before),
            after: id(after),
            pending_upgrade: placement.pending.map(|(t, effective)| PendingUpgrade {
                tier: rules.tiers[t].id.clone(),
                effective,
            }),
            qualifying_before: qualifying(placement.qualifying_before),
            qualifying_after: qualifying(placement.qualifying_after),
            next,
            perks: after
                .map(|t| rules.tiers[t].perks.iter().map(name).collect())
                .unwrap_or_default(),
            commitment: outcome.commitment.map(|c| CommitmentStatus {
                period: c.period,
                required: c.required.text,
                spent: money(c.spent),
                remaining: money(c.remaining),
                met: c.remaining == 0,
            }),
        }
    });
    let tax = rules.tax.as_ref().map(|rule| TaxOutcome {
        total: money(outcome.tax.iter().map(|share| share.tax).sum()),
        rates: outcome
            .tax
            .iter()
            .map(|share| TaxAtRate {
                percent: rule.rates[share.rate].percent,
                gross: money(share.gross),
                net: money(share.gross - share.tax),
                tax: money(share.tax),
            })
            .collect(),
    });
    let margin = margin::of_order(
        units,
        rules.rounding,
        cart,
        outcome.subtotal,
        outcome.discount_total
            + outcome.shipping_discounts.iter().sum::<i128>()
            + outcome.points_value
            + outcome.cashback.map_or(0, |c| c.earned),
    );
    Quote {
        program: rules.id.clone(),
        currency: rules.currency.clone(),
        minor_units: units,
        lines,
        subtotal: money(outcome.subtotal),
        discount_total: money(outcome.discount_total),
        after_discounts: money(outcome.after_discounts),
        points_value: money(outcome.points_value),
        payable: money(outcome.payable),
        discounts,
        promo_code: outcome.promo.map(|p| PromoOutcome {
            code: p.code,
            accepted: p.accepted,
            reason: p.reason,
        }),
        points,
        cashback,
        tier,
        margin,
        tax,
        shipping,
        trace: outcome.trace,
    }
}

/// The share of `tier`'s threshold that `qualifying` reaches, in %, rounded down to one decimal
/// and at most 100.
fn percent_of(rules: &Rules, qualifying: i128, tier: &crate::rules::compiled::TierRule) -> Decimal {
    let target = match rules.tiering.qualifies_on {
        Qualifier::Spend => Fraction::new(tier.reach.max(0).unsigned_abs(), 1),
        Qualifier::Points => Fraction::of(tier.threshold),
    };
    let tenths = match target {
        Some(target) if target.num > 0 => target
            .den
            .checked_mul(1000)
            .and_then(|scaled| {
                mul_div(
                    qualifying.max(0).unsigned_abs(),
                    scaled,
                    target.num,
                    Rounding::Down,
                )
            })
            .unwrap_or(1000)
            .min(1000),
        _ => 1000,
    };
    Decimal::new(tenths as i64, 1)
}

// The quote written as JSON by hand, exactly as serde_json writes it (a test holds the two
// together), so that the checkout's module carries no serde code.

impl ToJson for Quote {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("program", &self.program)
            .field("currency", &self.currency)
            .field("minor_units", &self.minor_units)
            .field("lines", &self.lines)
            .field("subtotal", &self.subtotal)
            .field("discount_total", &self.discount_total)
            .field("after_discounts", &self.after_discounts)
            .field("points_value", &self.points_value)
            .field("payable", &self.payable)
            .field("discounts", &self.discounts)
            .optional("promo_code", &self.promo_code)
            .optional("points", &self.points)
            .optional("cashback", &self.cashback)
            .optional("tier", &self.tier)
            .optional("margin", &self.margin)
            .optional("tax", &self.tax)
            .optional("shipping", &self.shipping)
            .field("trace", &self.trace)
            .end();
    }
}

impl ToJson for ShippingOutcome {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("price", &self.price)
            .field("discount", &self.discount)
            .field("total", &self.total)
            .field("lines", &self.lines)
            .field("discounts", &self.discounts)
            .end();
    }
}

impl ToJson for ShippingQuoteLine {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("method", &self.method)
            .field("price", &self.price)
            .field("discount", &self.discount)
            .field("total", &self.total)
            .field("discounts", &self.discounts)
            .optional("tax", &self.tax)
            .end();
    }
}

impl ToJson for TaxOutcome {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("total", &self.total)
            .field("rates", &self.rates)
            .end();
    }
}

impl ToJson for TaxAtRate {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("percent", &self.percent)
            .field("gross", &self.gross)
            .field("net", &self.net)
            .field("tax", &self.tax)
            .end();
    }
}

impl ToJson for QuoteLine {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("sku", &self.sku)
            .field("category", &self.category)
            .field("quantity", &self.quantity)
            .field("unit_price", &self.unit_price)
            .field("subtotal", &self.subtotal)
            .field("discount", &self.discount)
            .field("points_value", &self.points_value)
            .field("total", &self.total)
            .field("discounts", &self.discounts)
            .optional("tax", &self.tax)
            .end();
    }
}

impl ToJson for LineShare {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("rule", &self.rule)
            .field("amount", &self.amount)
            .end();
    }
}

impl ToJson for DiscountLine {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("rule", &self.rule)
            .field("name", &self.name)
            .field("amount", &self.amount)
            .end();
    }
}

impl ToJson for PromoOutcome {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("code", &self.code)
            .field("accepted", &self.accepted)
            .field("reason", self.reason.as_str())
            .end();
    }
}

impl ToJson for PointsOutcome {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("balance_before", &self.balance_before)
            .field("earned", &self.earned)
            .optional("employee_earned", &self.employee_earned)
            .field("requested", &self.requested)
            .field("redeemed", &self.redeemed)
            .field("redeem_cap", &self.redeem_cap)
            .field("redeem_cap_amount", &self.redeem_cap_amount)
            .field("redeemed_value", &self.redeemed_value)
            .optional("limited_by", &self.limited_by.map(RedeemLimit::as_str))
            .optional("redeem_step", &self.redeem_step)
            .field("balance_after", &self.balance_after)
            .optional("next_expiry", &self.next_expiry)
            .optional("pending", &self.pending)
            .end();
    }
}

impl ToJson for Pending {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("before", &self.before)
            .field("after", &self.after)
            .field("available_from", &self.available_from)
            .end();
    }
}

impl ToJson for Expiry {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("date", &self.date)
            .field("points", &self.points)
            .end();
    }
}

impl ToJson for CashbackOutcome {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("earned", &self.earned)
            .optional("cap_remaining", &self.cap_remaining)
            .field("store_credit_after", &self.store_credit_after)
            .end();
    }
}

impl ToJson for TierOutcome {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .optional("before", &self.before)
            .optional("after", &self.after)
            .optional("pending_upgrade", &self.pending_upgrade)
            .field("qualifying_before", &self.qualifying_before)
            .field("qualifying_after", &self.qualifying_after)
            .optional("next", &self.next)
            .field("perks", &self.perks)
            .optional("commitment", &self.commitment)
            .end();
    }
}

impl ToJson for PendingUpgrade {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("tier", &self.tier)
            .field("effective", &self.effective)
            .end();
    }
}

impl ToJson for NextTier {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("tier", &self.tier)
            .field("name", &self.name)
            .field("threshold", &self.threshold)
            .field("remaining", &self.remaining)
            .field("percent", &self.percent)
            .end();
    }
}

impl ToJson for CommitmentStatus {
    fn write_json(&self, out: &mut String) {
        let period = match self.period {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        };
        Object::start(out)
            .field("period", period)
            .field("required", &self.required)
            .field("spent", &self.spent)
            .field("remaining", &self.remaining)
            .field("met", &self.met)
            .end();
    }
}

impl ToJson for Margin {
    fn write_json(&self, out: &mut String) {
        Object::start(out)
            .field("cost", &self.cost)
            .field("gross_profit_before", &self.gross_profit_before)
            .field("give_away", &self.give_away)
            .field("gross_profit_after", &self.gross_profit_after)
            .optional("give_away_share", &self.give_away_share)
            .end();
    }
}
