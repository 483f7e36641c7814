//! Tiers: what qualifies a customer, over which window, when they move up and down, and
//! the commitments some tiers ask.

use crate::format::localized::LocalizedText;
use rust_decimal::Decimal;
use serde::Serialize;

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
    #[serde(default = "super::defaults::january")]
    pub review_month: u32,
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
