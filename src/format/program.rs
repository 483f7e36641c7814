//! A loyalty program as data, and its validation.

use crate::format::keyed::Keyed;
pub use crate::format::localized::LocalizedText;
use crate::money::{minor_units, Money, Rounding};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// The program format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// The JSON Schema an editor validates this file against; ignored by the calculator.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub version: u32,
    pub id: String,
    pub name: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    /// The language tag of the names' main text (`en` when not given): every name given in
    /// several languages must include it, and it is shown when the customer's is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_language: Option<String>,
    /// Display names of the categories that lines and rules name, by category id.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub categories: Keyed<LocalizedText>,
    /// The attributes cart lines may carry, by name, with their kind: `fare_class` a text,
    /// `distance_km` a number. A line's attribute not declared here is refused.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub attributes: Keyed<AttributeKind>,
    /// ISO 4217 code; its minor units come from [`crate::money`].
    pub currency: String,
    #[serde(default)]
    pub rounding: Rounding,
    #[serde(default)]
    pub tier_rules: TierRules,
    /// Tiers from the lowest up, with strictly increasing thresholds. May be empty.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub discounts: Vec<DiscountRule>,
    #[serde(default)]
    pub promo_codes: Vec<PromoCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback: Option<Cashback>,
    /// Prices include tax (VAT) at these rates; the quote shows the tax each line contains.
    /// Without it, no tax is shown and nothing else changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_tax: Option<IncludedTax>,
    /// Whether delivery earns points and counts towards minimum orders (by default, neither).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<Shipping>,
    /// What a return does to the order's discounts and to the points it was paid with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<Returns>,
    /// Earning events that are not purchases: a course, a recycled cartridge, a referral.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub catalog: Vec<Reward>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership: Option<Membership>,
    #[serde(default)]
    pub coalition: Vec<CoalitionPartner>,
    #[serde(default)]
    pub chance_rewards: Vec<ChanceReward>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coop_marketing: Option<CoopMarketing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Spend,
    Points,
}

/// The period over which qualifying spend or points are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Window {
    #[default]
    Lifetime,
    CalendarYear,
    CalendarQuarter,
    RollingMonths {
        months: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Upgrade {
    /// The order that crosses a threshold moves the customer up at once.
    #[default]
    Immediate,
    /// Upgrades wait for the recalculation on the first day of the next month.
    Monthly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Downgrade {
    #[default]
    Immediate,
    /// Downgrades happen only at the yearly review, on the first day of `review_month`.
    YearlyReview,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierRules {
    #[serde(default)]
    pub qualifies_on: Qualifier,
    #[serde(default)]
    pub window: Window,
    #[serde(default)]
    pub upgrade: Upgrade,
    #[serde(default)]
    pub downgrade: Downgrade,
    /// The month (1–12) of the yearly review.
    #[serde(default = "january")]
    pub review_month: u32,
}

pub(crate) fn january() -> u32 {
    1
}

impl Default for TierRules {
    fn default() -> Self {
        TierRules {
            qualifies_on: Qualifier::Spend,
            window: Window::Lifetime,
            upgrade: Upgrade::Immediate,
            downgrade: Downgrade::Immediate,
            review_month: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub name: LocalizedText,
    /// Qualifying spend (money) or points from which this tier holds.
    pub threshold: Decimal,
    /// Used by discount rules of type `tier_percent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percent: Option<Decimal>,
    /// Multiplies points earned by rules with `apply_tier_multiplier`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earn_multiplier: Option<Decimal>,
    /// Benefits with no price: free delivery, a personal manager, club events.
    #[serde(default)]
    pub perks: Vec<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_commitment: Option<Commitment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    // The default only stands in while a program is read (see `json::Fields`).
    #[default]
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub amount: Decimal,
    pub period: Period,
}

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

/// What a return does: to a discount whose minimum the kept items no longer reach, and to the
/// points the order was paid with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Returns {
    #[serde(default)]
    pub broken_minimums: BrokenMinimums,
    #[serde(default)]
    pub redeemed_points: PointsBack,
}

/// A discount (a rule or a code's) that the kept items no longer qualify for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BrokenMinimums {
    /// Its share on the kept items is taken out of the refund (the usual rule).
    #[default]
    Reclaim,
    /// The customer keeps it.
    Keep,
}

/// How the points an order was paid with come back on a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PointsBack {
    /// Each returned unit gives back its share of the points and of the money.
    #[default]
    InProportion,
    /// The returned value comes back as points until every point redeemed is back, then as money.
    First,
}

/// Delivery in the program's sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Shipping {
    /// Delivery, after its discounts, earns points at the base rate.
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
    Percent {
        percent: Decimal,
    },
    /// A fixed amount off the order, spread over the lines in scope.
    Fixed {
        amount: Decimal,
    },
    /// A fixed amount off each unit in scope, even a unit already discounted.
    FixedPerUnit {
        amount: Decimal,
    },
    /// The percentage of the customer's current tier.
    #[default]
    TierPercent,
    /// A percentage that grows in steps with cumulative (lifetime) spend.
    /// Buy `buy` units in scope, get `get` more of them free (or at `percent` off), as many
    /// times as the units allow, up to `max_applications`: in each set of `buy + get` units,
    /// counted from the dearest down, the cheapest `get` (or, with `pick: most_expensive`, the
    /// dearest units outright).
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
    /// A percentage by quantity: 10 units or more at 8 % off, 50 or more at 12 %.
    QuantityBreaks {
        breaks: Vec<QuantityBreak>,
        /// Whether each product's units count on their own (the default) or all units in scope.
        #[serde(default)]
        counted: Counted,
    },
    SpendSteps {
        steps: Vec<SpendStep>,
        /// Whether this order's own subtotal counts towards the step.
        #[serde(default = "yes")]
        include_current_order: bool,
    },
    /// A fixed price for a set: each of `items` in its quantity, as many sets as the cart holds,
    /// up to `max_applications`; the cheapest matching units make each set.
    Bundle {
        items: Vec<BundleItem>,
        price: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_applications: Option<u32>,
    },
    /// Delivery free of charge.
    FreeShipping,
    /// A percentage off delivery.
    ShippingPercent {
        percent: Decimal,
    },
    /// An amount off delivery, never more than its price.
    ShippingAmount {
        amount: Decimal,
    },
}

pub(crate) fn yes() -> bool {
    true
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

/// Which lines a rule touches. Empty lists mean every line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub skus: Vec<String>,
    #[serde(default)]
    pub exclude_categories: Vec<String>,
    /// Whether lines already on promotion are in scope.
    #[serde(default = "yes")]
    pub include_promotional: bool,
    /// Line attributes that must all match, besides the lists above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<AttributeMatch>,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            categories: Vec::new(),
            skus: Vec::new(),
            exclude_categories: Vec::new(),
            include_promotional: true,
            attributes: Vec::new(),
        }
    }
}

/// What a line attribute holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AttributeKind {
    /// A word such as a fare class, a brand or a channel.
    #[default]
    Text,
    /// A decimal, written as a string on the line: a distance, a weight.
    Number,
}

/// A test of one line attribute: a text one of a set, or a number within a range (both ends
/// included). A line without the attribute does not match.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AttributeMatch {
    pub attribute: String,
    /// For a text attribute: the values that match (one value: equals).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
    /// For a number attribute: the lowest value that matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Decimal>,
    /// For a number attribute: the highest value that matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Decimal>,
}

impl Scope {
    pub fn contains(&self, category: &str, sku: &str, promotional: bool) -> bool {
        let listed = (self.categories.is_empty() && self.skus.is_empty())
            || self.categories.iter().any(|c| c == category)
            || self.skus.iter().any(|s| s == sku);
        listed
            && !self.exclude_categories.iter().any(|c| c == category)
            && (self.include_promotional || !promotional)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conditions {
    /// The order's subtotal must reach this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_subtotal: Option<Decimal>,
    /// `true`: only after a first purchase; `false`: only on the first purchase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_purchase_made: Option<bool>,
    /// The customer's tier must be one of these.
    #[serde(default)]
    pub tiers: Vec<String>,
    /// The cart must carry this code, and the code must be valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promo_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// Only for paid members.
    #[serde(default)]
    pub members_only: bool,
    /// A campaign on these days of the week only: `mon` … `sun`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days_of_week: Vec<String>,
    /// A campaign within this many days of the customer's birthday, before or after (the
    /// customer's `birth_date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday_window_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Inactivity {
    /// More than this many days since the last purchase lowers the rate.
    pub after_days: u32,
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
    #[serde(default = "yes")]
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

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Points {
    /// Earning for the customer's account (the company's, on a B2B program).
    pub earn: EarnRule,
    /// B2B dual accrual: the employee's personal account, at its own rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_earn: Option<EarnRule>,
    /// What one point pays, in money.
    pub value_per_point: Decimal,
    /// The largest share of an order that points may pay.
    #[serde(default = "crate::money::exact::hundred")]
    pub max_redeem_percent: Decimal,
    #[serde(default)]
    pub min_redeem: u64,
    /// Points expire this many months after they were earned, oldest first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_months: Option<u32>,
    /// Points earned are pending for this many days (the return window) before they can be
    /// spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_days: Option<u32>,
    /// Whether pending points count towards tiers that qualify on points.
    #[serde(default = "yes")]
    pub pending_count_toward_tiers: bool,
    /// Campaign and attribute multipliers of the points earned, beside the tier's and the
    /// membership's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multipliers: Vec<EarnMultiplier>,
    /// How multipliers combine: multiplied (×2 and ×1.5 make ×3) or added (+1 and +0.5 make ×2.5).
    #[serde(default)]
    pub combine_multipliers: CombineMultipliers,
    /// Where earned points are rounded down to whole points.
    #[serde(default)]
    pub round_points: RoundPoints,
}

/// Points multiplied on the lines in `scope`, when `conditions` hold: a ×2 on business fares, a
/// ×1.5 summer campaign, double points in a birthday week.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EarnMultiplier {
    pub id: String,
    pub name: LocalizedText,
    /// From 0 to 100.
    pub factor: Decimal,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default)]
    pub conditions: Conditions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CombineMultipliers {
    /// The tier's, the membership's and every multiplier that applies, multiplied together.
    #[default]
    Multiply,
    /// Their bonuses added: 1 plus the sum of each factor less one.
    Add,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoundPoints {
    /// The base times every multiplier, rounded down once at the end.
    #[default]
    AtEnd,
    /// The base rounded down first, then the result after each multiplier in turn: the tier's
    /// and the membership's together, then the program's in their order.
    EachStep,
}

#[derive(Debug, Clone, PartialEq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EarnRule {
    /// `points` per `per_amount` of money.
    pub points: Decimal,
    pub per_amount: Decimal,
    /// Other rates for some categories.
    #[serde(default)]
    pub categories: Vec<CategoryRate>,
    /// Points per unit sold, on top: channel incentives such as miles per ticket.
    #[serde(default)]
    pub per_unit: Vec<UnitRate>,
    #[serde(default)]
    pub granularity: Granularity,
    #[serde(default)]
    pub per: EarnPer,
    #[serde(default)]
    pub base: EarnBase,
    #[serde(default = "yes")]
    pub apply_tier_multiplier: bool,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryRate {
    pub categories: Vec<String>,
    pub points: Decimal,
    pub per_amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitRate {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub skus: Vec<String>,
    /// The same points for every unit; or give `by_attribute`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u64>,
    /// Points per unit that depend on a line attribute: by band of a number, or by text value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_attribute: Option<AttributePoints>,
}

/// Points per unit read off a line attribute. A number attribute uses `bands` (the last band
/// whose `from` the value reaches; below the first, nothing); a text attribute uses `values`
/// (a value not listed earns nothing).
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AttributePoints {
    pub attribute: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<PointsBand>,
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub values: Keyed<u64>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PointsBand {
    pub from: Decimal,
    pub points: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Only each full `per_amount` earns: 19.99 at 1 per 10 earns 1.
    FullUnits,
    /// In proportion, rounded down to a whole point: 19.99 at 1 per 10 earns 1; 25 at 1 per 2 earns 12.
    #[default]
    Proportional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EarnPer {
    /// Each line is rounded on its own.
    Line,
    /// Lines at the same rate are added up, then rounded once.
    #[default]
    Order,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EarnBase {
    #[default]
    AfterDiscounts,
    BeforeDiscounts,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cashback {
    /// Share of spend returned as store credit.
    #[serde(default)]
    pub percent: Decimal,
    /// Categories that earn cashback; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The most credit a customer can earn in one calendar month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap_per_month: Option<Decimal>,
}

/// Tax contained in prices that include it: 20 % VAT in 50.00 is 8.33.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncludedTax {
    /// The rate, in %, of every category that `rates` does not list.
    pub percent: Decimal,
    /// Other rates, by category.
    #[serde(default)]
    pub rates: Vec<TaxRate>,
    #[serde(default)]
    pub rounding: TaxRounding,
    /// Whether points are earned on prices with their tax (the default) or without it.
    #[serde(default)]
    pub earn_on: TaxBase,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaxRate {
    pub categories: Vec<String>,
    pub percent: Decimal,
}

/// Where the tax contained is rounded to the currency's minor unit, with the program's rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TaxRounding {
    /// On each line; a rate's total is the sum of its lines.
    #[default]
    PerLine,
    /// Once on each rate's total, which is then split over its lines (largest remainder).
    PerTotal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TaxBase {
    /// The price the customer pays, tax included.
    #[default]
    Gross,
    /// The price without the tax it contains.
    Net,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub name: LocalizedText,
    #[serde(default)]
    pub points: u64,
    /// Store credit per occurrence, counted against the cashback cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reward {
    pub id: String,
    pub name: LocalizedText,
    pub points: u64,
    /// What the item is worth to the customer, in money.
    pub value: Decimal,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Membership {
    pub name: LocalizedText,
    pub fee: Decimal,
    pub period: Period,
    #[serde(default)]
    pub perks: Vec<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earn_multiplier: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CoalitionPartner {
    pub id: String,
    pub name: LocalizedText,
    /// How many of this program's points one partner point is worth.
    pub exchange_rate: Decimal,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChanceReward {
    pub id: String,
    pub name: LocalizedText,
    /// The chance that one order wins, from 0 to 1 ("0.25" is one in four).
    pub chance: Decimal,
    /// What one win costs the seller.
    pub cost: Decimal,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CoopMarketing {
    /// The manufacturer's share of the ad cost, in %, for 1, 2, 3… brands in the ad.
    pub shares: Vec<Decimal>,
}

impl Program {
    /// The currency's rounding context. Call after [`Program::validate`].
    pub fn money(&self) -> Money {
        Money {
            minor_units: minor_units(&self.currency).unwrap_or(2),
            rounding: self.rounding,
        }
    }

    /// The language of the names' main text.
    pub fn default_language(&self) -> &str {
        self.default_language
            .as_deref()
            .unwrap_or(crate::format::localized::DEFAULT_LANGUAGE)
    }

    /// The display name of category `id` for `locale`, or the id when the program gives none.
    pub fn category_name<'a>(&'a self, id: &'a str, locale: &str) -> &'a str {
        self.categories
            .get(id)
            .map_or(id, |name| name.choose(locale, self.default_language()))
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|tier| tier.id == id)
    }

    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|tier| tier.id == id)
    }
}
