//! Points and cashback: the earn rules, their rates and multipliers, and how points are rounded.

use super::conditions::{Conditions, Scope};
use crate::format::keyed::Keyed;
use crate::format::localized::LocalizedText;
use rust_decimal::Decimal;
use serde::Serialize;

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
    /// spent. While a customer holds pending points, a quote's redemption entry names those that
    /// free up soonest, enough with the balance for the points asked (`pending`), and the day the
    /// last of them can be spent (`pending_from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_days: Option<u32>,
    /// Whether pending points count towards tiers that qualify on points.
    #[serde(default = "super::defaults::yes")]
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
    /// and the membership's together, then the program's in their order. With multipliers that
    /// add (`combine_multipliers: add`) there is one step: the base rounded down, then times the
    /// added-up multiplier, rounded down.
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
    #[serde(default = "super::defaults::yes")]
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
