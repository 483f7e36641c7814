//! A loyalty program as data: the program itself here, its parts in the files of `program/`
//! (tiers, discounts, conditions, points, returns, tax, the other mechanics), all re-exported here
//! so that every type is `format::program::X`. It is checked by `Program::validate` (in `checkout`).

mod conditions;
mod defaults;
mod discounts;
mod extras;
mod points;
mod returns;
mod tax;
mod tiers;

use crate::format::keyed::Keyed;
pub use crate::format::localized::LocalizedText;
use crate::money::{minor_units, Money, Rounding};
pub use conditions::*;
pub(crate) use defaults::{january, yes};
pub use discounts::*;
pub use extras::*;
pub use points::*;
pub use returns::*;
use serde::Serialize;
pub use tax::*;
pub use tiers::*;

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
    /// The languages to show a name in, in order, when it has none in the reader's language
    /// (`["en", "ka"]`). Not given: English, then the default language, since a reader of a
    /// language the program does not speak is likelier to read English than the program's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallback_languages: Vec<String>,
    /// Display names of the categories that lines and rules name, by category id.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub categories: Keyed<LocalizedText>,
    /// The attributes cart lines may carry, by name, with their kind: `fare_class` a text,
    /// `distance_km` a number. A line's attribute not declared here is refused.
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub attributes: Keyed<AttributeKind>,
    /// Display names of declared attributes, by attribute, as the summary words them (an id
    /// such as `distance_km` is shown as it is without one).
    #[serde(default, skip_serializing_if = "Keyed::is_empty")]
    pub attribute_names: Keyed<LocalizedText>,
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

    /// The default language, then the languages a name is shown in when the reader's is
    /// missing, space-separated, as [`LocalizedText::choose`] takes them: `"ka en"`. Without
    /// `fallback_languages`, the default language alone, which `choose` follows with English
    /// (so that a compiled program carries no more than it did).
    pub fn name_languages(&self) -> String {
        let mut languages = self.default_language().to_string();
        for language in &self.fallback_languages {
            languages.push(' ');
            languages.push_str(language);
        }
        languages
    }

    /// The display name of category `id` for `locale`, or the id when the program gives none.
    pub fn category_name<'a>(&'a self, id: &'a str, locale: &str) -> &'a str {
        self.categories
            .get(id)
            .map_or(id, |name| name.choose(locale, &self.name_languages()))
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|tier| tier.id == id)
    }

    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|tier| tier.id == id)
    }
}
