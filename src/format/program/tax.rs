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
    /// Other rates, by category. Entries at the same percent (as each other or as `percent`) are
    /// one rate, as a VAT summary lists them: one entry of the quote's rates, rounded once over
    /// all their lines under `per_total`.
    #[serde(default)]
    pub rates: Vec<TaxRate>,
    #[serde(default)]
    pub rounding: TaxRounding,
    /// Whether points are earned on prices with their tax (the default) or without it.
    #[serde(default)]
    pub earn_on: TaxBase,
    /// The tax a delivery charge contains: at the default rate (the default), split over the
    /// goods' rates in proportion to what the goods at each come to, or none.
    #[serde(default)]
    pub delivery: DeliveryTax,
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

/// The tax a delivery charge contains, after its discounts (a free delivery contains none). The
/// quote's rates then include delivery, and points earned on delivery net of tax leave it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryTax {
    /// Delivery contains tax at the default rate (`percent`), as goods of no listed category do.
    #[default]
    DefaultRate,
    /// Delivery is split over the rates of the order's goods in proportion to what the goods at
    /// each rate come to after discounts (largest remainder), and each part contains tax at its
    /// rate, as EU practice has it for a mixed order; at the default rate when the goods come to
    /// nothing.
    Proportional,
    /// Delivery contains no tax (a seller whose delivery is outside VAT).
    None,
}
