//! The explanation trace: one entry per rule, saying whether it applied and by how much, or why not.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// What part of the program an entry speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Discount,
    PromoCode,
    Points,
    EmployeePoints,
    Redemption,
    Cashback,
    Event,
    Coalition,
    Tier,
    Commitment,
    Chance,
}

/// Why a rule applied or did not: a stable machine code that every language words (the widget's
/// `www/i18n.js` has a sentence for each, in four languages; a test holds them together).
/// A new code is added here, and the compiler then asks for its words nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Code {
    // Discounts.
    Applied,
    NotYetValid,
    Expired,
    NeedsFirstPurchase,
    FirstPurchaseOnly,
    TierNotEligible,
    MembersOnly,
    PromoCodeRefused,
    PromoCodeMissing,
    BelowMinSubtotal,
    NoLinesInScope,
    TierHasNoDiscount,
    BelowFirstStep,
    NothingLeftToDiscount,
    BlockedByExclusive,
    LostToBetterOffer,
    // Promo codes (and `NotYetValid`, `Expired`).
    Accepted,
    UnknownCode,
    RefusedExcludedItems,
    BelowMinimumOrder,
    // Points, events, partners and cashback.
    Redeemed,
    NotRedeemed,
    Earned,
    EventPoints,
    Transferred,
    Capped,
    // Tiers.
    Upgraded,
    UpgradeAtRecalculation,
    Unchanged,
    CommitmentMet,
    CommitmentOpen,
    // Chance rewards.
    ChanceToWin,
}

/// Why fewer points were redeemed than the cart asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RedeemLimit {
    /// The program's `max_redeem_percent` of the order.
    ShareCap,
    /// The customer's balance.
    Balance,
    /// Below the program's `min_redeem`.
    BelowMinimum,
    /// Only whole steps of points whose value is a whole number of minor units are redeemed.
    WholeMinorUnits,
}

impl RedeemLimit {
    pub fn as_str(self) -> &'static str {
        match self {
            RedeemLimit::ShareCap => "share_cap",
            RedeemLimit::Balance => "balance",
            RedeemLimit::BelowMinimum => "below_minimum",
            RedeemLimit::WholeMinorUnits => "whole_minor_units",
        }
    }
}

/// One rule's outcome. `code` is a stable machine code; `params` hold the figures behind it, as
/// strings, so that any language can word the same sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    pub kind: Kind,
    pub rule: String,
    pub applied: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    pub code: Code,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<String, String>")
    )]
    pub params: Params,
}

/// The figures behind an entry by name, kept sorted, and written as a JSON object. A sorted list
/// rather than a BTreeMap: an entry holds a handful, and the map's code cost the checkout's Wasm
/// about 3 KB.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    /// Sets `name`, replacing an earlier value.
    pub fn insert(&mut self, name: &'static str, value: String) {
        match self.0.binary_search_by_key(&name, |(key, _)| key) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (name, value)),
        }
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Entry {
    pub fn new(kind: Kind, rule: &str, applied: bool, code: Code) -> Self {
        Entry {
            kind,
            rule: rule.to_string(),
            applied,
            amount: None,
            code,
            params: Params::default(),
        }
    }

    pub fn amount(mut self, amount: impl ToString) -> Self {
        self.amount = Some(amount.to_string());
        self
    }

    pub fn param(mut self, name: &'static str, value: impl ToString) -> Self {
        self.params.insert(name, value.to_string());
        self
    }
}
