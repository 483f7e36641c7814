//! The explanation trace: one entry per rule, saying whether it applied and by how much, or why not.

use serde::Serialize;
use std::collections::BTreeMap;

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
    pub code: &'static str,
    pub params: BTreeMap<&'static str, String>,
}

impl Entry {
    pub fn new(kind: Kind, rule: &str, applied: bool, code: &'static str) -> Self {
        Entry {
            kind,
            rule: rule.to_string(),
            applied,
            amount: None,
            code,
            params: BTreeMap::new(),
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
