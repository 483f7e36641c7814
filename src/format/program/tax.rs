//! Prices that include tax: the rates and how the tax is rounded and based.

use rust_decimal::Decimal;
use serde::Serialize;

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
