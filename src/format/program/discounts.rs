//! Discount rules: what they give (`DiscountValue`), how they stack, and the promo codes that
//! unlock them.

use super::conditions::{Conditions, Inactivity, Scope};
use crate::format::localized::LocalizedText;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DiscountRule {
    pub id: String,
    pub name: LocalizedText,
    pub value: DiscountValue,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default)]
    pub conditions: Conditions,
    /// A lower percentage after a stretch without purchases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactivity: Option<Inactivity>,
    #[serde(default)]
    pub stacking: Stacking,
    /// Higher priority applies first; equal priorities keep the program's order.
    #[serde(default)]
    pub priority: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<UsageLimits>,
    /// The classes of discount this one applies together with (all three when not given), as
    /// Shopify's `combinesWith`: two rules apply together only when each lists the other's class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combines_with: Option<Vec<DiscountClass>>,
}

/// What a discount takes money off: some products (a scope, a per-item or quantity offer), the
/// whole order, or delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiscountClass {
    Product,
    Order,
    Shipping,
}

/// Delivery in the program's sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Shipping {
    /// Delivery, after its discounts, earns points at the base rate, under the multipliers that
    /// apply to the whole order, added to the base rate's amount before rounding. Delivery never
    /// counts toward the share of an order that points may pay.
    #[serde(default)]
    pub earns_points: bool,
    /// Delivery counts towards minimum subtotals and minimum orders.
    #[serde(default)]
    pub counts_toward_minimums: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum DiscountValue {
    /// A percentage off the lines in scope, rounded once over them and split over them by what
    /// is left of each.
    Percent { percent: Decimal },
    /// A fixed amount off the order, spread over the lines in scope.
    Fixed { amount: Decimal },
    /// A fixed amount off each unit in scope, even a unit already discounted.
    FixedPerUnit { amount: Decimal },
    /// The percentage of the customer's current tier.
    #[default]
    TierPercent,
    /// Buy `buy` units in scope, get `get` more of them free (or at `percent` off), as many
    /// times as the units allow, up to `max_applications`: in each set of `buy + get` units,
    /// counted from the dearest down, the cheapest `get` (or, with `pick: most_expensive`, the
    /// dearest units outright). Units at equal prices go in cart order; the percentage is rounded
    /// on each line. A product rule.
    BuyGet {
        buy: u32,
        get: u32,
        #[serde(default = "crate::money::exact::hundred")]
        percent: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_applications: Option<u32>,
        #[serde(default)]
        pick: Pick,
    },
    /// A percentage by quantity: 10 units or more at 8 % off, 50 or more at 12 %. Counted per SKU,
    /// each line is rounded on its own; counted over the scope, the percentage is rounded once
    /// over the scope. A product rule.
    QuantityBreaks {
        breaks: Vec<QuantityBreak>,
        /// Whether each product's units count on their own (the default) or all units in scope.
        #[serde(default)]
        counted: Counted,
    },
    /// A percentage that grows in steps with the customer's cumulative (lifetime) spend on
    /// items (delivery never counts), with this order's or without.
    SpendSteps {
        steps: Vec<SpendStep>,
        /// Whether this order's own subtotal counts towards the step.
        #[serde(default = "super::defaults::yes")]
        include_current_order: bool,
    },
    /// A fixed price for a set: each of `items` in its quantity, up to `max_applications` sets.
    /// The dearest matching units make each set (equal prices in cart order), one set after
    /// another while a set's units are worth more than its price; a line counts for the first
    /// item that takes it. The sets' worth above their price is split over all the set units by
    /// what is left of their lines, not set by set. A product rule.
    Bundle {
        items: Vec<BundleItem>,
        price: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_applications: Option<u32>,
    },
    /// Delivery free of charge.
    FreeShipping,
    /// A percentage off delivery.
    ShippingPercent { percent: Decimal },
    /// An amount off delivery, never more than its price.
    ShippingAmount { amount: Decimal },
}

/// One part of a set: units of these SKUs or categories (a line counts for the first part it
/// matches).
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BundleItem {
    #[serde(default)]
    pub skus: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default = "crate::money::exact::one")]
    pub quantity: u32,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuantityBreak {
    /// From this many units on.
    pub quantity: u32,
    pub percent: Decimal,
}

/// Which units a buy-X-get-Y offer gives: the cheapest of each set (the usual), or the most
/// expensive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    #[default]
    Cheapest,
    MostExpensive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Each SKU's units reach a break on their own.
    #[default]
    PerSku,
    /// All units in the rule's scope count together.
    InScope,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendStep {
    pub from: Decimal,
    pub percent: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stacking {
    /// Applies together with every other combinable rule.
    #[default]
    Combine,
    /// Competes with the other best-of rules; only the largest applies.
    BestOf,
    /// Applies alone: the eligible exclusive rule of highest priority blocks all others.
    Exclusive,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PromoCode {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_order: Option<Decimal>,
    #[serde(default)]
    pub exclude_categories: Vec<String>,
    #[serde(default)]
    pub exclude_promotional: bool,
    #[serde(default)]
    pub on_excluded: OnExcluded,
    /// Whether the code may be used again and shared with friends.
    #[serde(default = "super::defaults::yes")]
    pub reusable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<UsageLimits>,
}

/// How often a code or a rule may be used, and how much it may give away in all. The host
/// passes the uses and spend so far with the cart (`usage`): the calculator keeps no records.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UsageLimits {
    /// Uses in all, by every customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uses: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uses_per_customer: Option<u64>,
    /// The most it may give away in all, in money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnExcluded {
    /// Excluded lines get no discount; the rest do.
    #[default]
    Skip,
    /// A cart holding any excluded line gets no discount from the code at all.
    Refuse,
}
