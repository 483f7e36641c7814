//! The explanation trace: one entry per rule, saying whether it applied and by how much, or why not.

use crate::format::json::write::{Object, ToJson};
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
    Tax,
    /// A campaign or attribute multiplier of the points earned.
    Multiplier,
    /// What a return pays back and takes back.
    Return,
}

/// Why a rule applied or did not: a stable machine code that every language words (the widget's
/// `www/i18n/i18n.js` has a sentence for each, in four languages; a test holds them together).
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
    BelowQuantityBreak,
    BelowBuyGet,
    BelowBundle,
    // The items for a set cost no more than the set price, so no set is formed.
    BundleNotCheaper,
    UsageLimitReached,
    NotOnThisDay,
    OutsideBirthdayWindow,
    NothingLeftToDiscount,
    BlockedByExclusive,
    LostToBetterOffer,
    // The rule's class and an applied rule's class do not combine; a delivery discount on an
    // order without delivery.
    DoesNotCombine,
    NoShipping,
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
    // Multipliers of points (and the discounts' codes for conditions not met).
    Multiplied,
    // Prices that include tax.
    TaxIncluded,
    // Returns: a line's units paid back; a discount whose minimum the kept items miss, taken
    // from the refund or kept; an earlier return's reclaim paid back when nothing is kept; points
    // paid with given back; points and store credit earned taken back.
    Refunded,
    Reclaimed,
    Kept,
    Released,
    GivenBack,
    ClawedBack,
}

impl Code {
    /// Every code, for tests that hold each to its words and to its serialised name.
    pub const ALL: [Code; 49] = [
        Code::Applied,
        Code::NotYetValid,
        Code::Expired,
        Code::NeedsFirstPurchase,
        Code::FirstPurchaseOnly,
        Code::TierNotEligible,
        Code::MembersOnly,
        Code::PromoCodeRefused,
        Code::PromoCodeMissing,
        Code::BelowMinSubtotal,
        Code::NoLinesInScope,
        Code::TierHasNoDiscount,
        Code::BelowFirstStep,
        Code::BelowQuantityBreak,
        Code::BelowBuyGet,
        Code::UsageLimitReached,
        Code::NotOnThisDay,
        Code::OutsideBirthdayWindow,
        Code::NothingLeftToDiscount,
        Code::BlockedByExclusive,
        Code::LostToBetterOffer,
        Code::Accepted,
        Code::UnknownCode,
        Code::RefusedExcludedItems,
        Code::BelowMinimumOrder,
        Code::Redeemed,
        Code::NotRedeemed,
        Code::Earned,
        Code::EventPoints,
        Code::Transferred,
        Code::Capped,
        Code::Upgraded,
        Code::UpgradeAtRecalculation,
        Code::Unchanged,
        Code::CommitmentMet,
        Code::CommitmentOpen,
        Code::ChanceToWin,
        Code::Multiplied,
        Code::DoesNotCombine,
        Code::NoShipping,
        Code::BelowBundle,
        Code::BundleNotCheaper,
        Code::TaxIncluded,
        Code::Refunded,
        Code::Reclaimed,
        Code::Kept,
        Code::Released,
        Code::GivenBack,
        Code::ClawedBack,
    ];

    /// The code as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Applied => "applied",
            Code::NotYetValid => "not_yet_valid",
            Code::Expired => "expired",
            Code::NeedsFirstPurchase => "needs_first_purchase",
            Code::FirstPurchaseOnly => "first_purchase_only",
            Code::TierNotEligible => "tier_not_eligible",
            Code::MembersOnly => "members_only",
            Code::PromoCodeRefused => "promo_code_refused",
            Code::PromoCodeMissing => "promo_code_missing",
            Code::BelowMinSubtotal => "below_min_subtotal",
            Code::NoLinesInScope => "no_lines_in_scope",
            Code::TierHasNoDiscount => "tier_has_no_discount",
            Code::BelowFirstStep => "below_first_step",
            Code::BelowQuantityBreak => "below_quantity_break",
            Code::BelowBuyGet => "below_buy_get",
            Code::UsageLimitReached => "usage_limit_reached",
            Code::NotOnThisDay => "not_on_this_day",
            Code::OutsideBirthdayWindow => "outside_birthday_window",
            Code::NothingLeftToDiscount => "nothing_left_to_discount",
            Code::BlockedByExclusive => "blocked_by_exclusive",
            Code::LostToBetterOffer => "lost_to_better_offer",
            Code::Accepted => "accepted",
            Code::UnknownCode => "unknown_code",
            Code::RefusedExcludedItems => "refused_excluded_items",
            Code::BelowMinimumOrder => "below_minimum_order",
            Code::Redeemed => "redeemed",
            Code::NotRedeemed => "not_redeemed",
            Code::Earned => "earned",
            Code::EventPoints => "event_points",
            Code::Transferred => "transferred",
            Code::Capped => "capped",
            Code::Upgraded => "upgraded",
            Code::UpgradeAtRecalculation => "upgrade_at_recalculation",
            Code::Unchanged => "unchanged",
            Code::CommitmentMet => "commitment_met",
            Code::CommitmentOpen => "commitment_open",
            Code::ChanceToWin => "chance_to_win",
            Code::Multiplied => "multiplied",
            Code::DoesNotCombine => "does_not_combine",
            Code::NoShipping => "no_shipping",
            Code::BelowBundle => "below_bundle",
            Code::BundleNotCheaper => "bundle_not_cheaper",
            Code::TaxIncluded => "tax_included",
            Code::Refunded => "refunded",
            Code::Reclaimed => "reclaimed",
            Code::Kept => "kept",
            Code::Released => "released",
            Code::GivenBack => "given_back",
            Code::ClawedBack => "clawed_back",
        }
    }
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Discount => "discount",
            Kind::PromoCode => "promo_code",
            Kind::Points => "points",
            Kind::EmployeePoints => "employee_points",
            Kind::Redemption => "redemption",
            Kind::Cashback => "cashback",
            Kind::Event => "event",
            Kind::Coalition => "coalition",
            Kind::Tier => "tier",
            Kind::Commitment => "commitment",
            Kind::Chance => "chance",
            Kind::Tax => "tax",
            Kind::Multiplier => "multiplier",
            Kind::Return => "return",
        }
    }
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

impl ToJson for Entry {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::start(out);
        object
            .field("kind", self.kind.as_str())
            .field("rule", &self.rule)
            .field("applied", &self.applied)
            .optional("amount", &self.amount)
            .field("code", self.code.as_str())
            .field("params", &self.params)
            .end();
    }
}

impl ToJson for Params {
    fn write_json(&self, out: &mut String) {
        let mut object = Object::start(out);
        for (name, value) in &self.0 {
            object.field(name, value);
        }
        object.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_kinds_write_as_serde_names_them() {
        for code in Code::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
        for limit in [
            RedeemLimit::ShareCap,
            RedeemLimit::Balance,
            RedeemLimit::BelowMinimum,
            RedeemLimit::WholeMinorUnits,
        ] {
            assert_eq!(serde_json::to_value(limit).unwrap(), limit.as_str());
        }
        let entry = Entry::new(Kind::EmployeePoints, "earn", true, Code::Earned)
            .amount(5)
            .param("base", "1.00")
            .param("a", "\"x\"");
        assert_eq!(entry.to_json(), serde_json::to_string(&entry).unwrap());
    }
}
