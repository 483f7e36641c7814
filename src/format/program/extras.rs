//! The other mechanics: events and their rewards, paid membership, coalition partners, chance
//! rewards and co-op marketing.

use super::tiers::Period;
use crate::format::localized::LocalizedText;
use rust_decimal::Decimal;
use serde::Serialize;

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
