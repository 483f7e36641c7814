//! Where a rule applies and when: its scope (SKUs, categories, attributes) and its conditions.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// Which lines a rule touches. Empty lists mean every line. A discount rule with any scope at all
/// (even only `include_promotional: false`) is a product rule for combining classes.
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
    #[serde(default = "super::defaults::yes")]
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
