//! A program compiled once into integer data: amounts in minor units, rates as exact fractions,
//! categories and SKUs interned, tiers indexed. The decimals as the program wrote them are kept
//! beside the numbers only to be written back out in traces.

use super::discount_rule;
pub use super::discount_rule::{class_bit, DiscountRule, DiscountValue, Inactivity, ALL_CLASSES};
pub use super::mechanics::bundle::BundlePart;
pub use super::mechanics::cashback::CashbackRule;
pub use super::mechanics::chances::ChanceRule;
pub use super::mechanics::commitment::Commitment;
pub use super::mechanics::conditions::{Conditions, WEEKDAYS};
pub use super::mechanics::earn::{EarnRate, EarnRule, UnitPoints, UnitRate};
pub use super::mechanics::events::{EventRule, PartnerRule};
use super::mechanics::included_tax::{self, TaxRule};
pub use super::mechanics::limits::Limits;
pub use super::mechanics::membership::MembershipRule;
pub use super::mechanics::multipliers::{EarnMultiplier, MAX_MULTIPLIERS};
use super::mechanics::points;
pub use super::mechanics::points::PointsRule;
use super::mechanics::promo_code;
pub use super::mechanics::promo_code::PromoRule;
pub use super::mechanics::spend_steps::SpendStep;
use super::mechanics::tiers;
pub use super::mechanics::tiers::{TierRule, Tiering};
use super::mechanics::{cashback, chances, events, membership};
use super::values::{at, Check, Context};
pub use super::values::{
    combine, Amount, AttributeTest, AttributeValue, Multiplier, Names, Percent, Scope,
};
use crate::error::{Error, ErrorCode, Result};
use crate::format::program::{self as format, Program, FORMAT_VERSION};
use crate::format::validate;
use crate::money::{minor_units, Rounding};
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub struct Rules {
    pub id: String,
    /// The languages a name is shown in when the reader's is missing, for [`LocalizedText::choose`].
    pub name_languages: String,
    pub currency: String,
    pub units: u32,
    pub rounding: Rounding,
    pub tiering: Tiering,
    pub tiers: Vec<TierRule>,
    /// In the program's order; `by_priority` gives the order they apply in.
    pub discounts: Vec<DiscountRule>,
    pub by_priority: Vec<usize>,
    pub promo_codes: Vec<PromoRule>,
    pub points: Option<PointsRule>,
    pub cashback: Option<CashbackRule>,
    pub tax: Option<TaxRule>,
    pub events: Vec<EventRule>,
    pub membership: Option<MembershipRule>,
    pub partners: Vec<PartnerRule>,
    pub chances: Vec<ChanceRule>,
    pub categories: Names,
    pub skus: Names,
    /// The line attributes the program declares, in its order.
    pub attributes: Vec<(String, format::AttributeKind)>,
    pub shipping: format::Shipping,
    /// `multipliers[tier][member]`: the earning multiplier of a customer at a tier (the last
    /// index: no tier) who is (1) or is not (0) a paid member.
    pub multipliers: Vec<[Multiplier; 2]>,
}

impl Rules {
    /// Validates a program and compiles it: the one pass over a program, refusing the first bad
    /// field with its code and path, in the order of the format.
    pub fn new(program: &Program) -> Result<Rules> {
        Rules::compile(program)
    }

    /// The same ([`Rules::new`]).
    pub fn compile(program: &Program) -> Result<Rules> {
        let Program {
            schema: _,
            version,
            id,
            // Display names, checked by `names::check_names`; the quote chooses among them.
            name: _,
            description: _,
            default_language: _,
            fallback_languages: _,
            categories: _,
            // Declarations, looked up by the scopes, earning rules and lines that use them.
            attributes: _,
            attribute_names: _,
            // Read by returns alone; both choices are valid.
            returns: _,
            shipping,
            currency,
            rounding,
            tier_rules,
            tiers,
            discounts,
            promo_codes,
            points,
            cashback,
            included_tax,
            events,
            catalog,
            membership,
            coalition,
            chance_rewards,
            coop_marketing,
        } = program;
        if *version != FORMAT_VERSION {
            return Err(Error::new(
                ErrorCode::UnsupportedVersion,
                "version",
                format!(
                    "version {version} is not supported; this build reads version {FORMAT_VERSION}"
                ),
            ));
        }
        validate::not_empty(id, "id")?;
        let units = minor_units(currency).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownCurrency,
                "currency",
                format!("\"{currency}\" is not a known ISO 4217 currency code"),
            )
        })?;
        let check = Check { units };
        let mut context = Context {
            check,
            program,
            categories: Names::default(),
            skus: Names::default(),
        };
        // Every display name, and the default language they must all include.
        crate::format::names::check_names(program)?;

        let (tiering, compiled_tiers) = tiers::compile(tier_rules, tiers, &check)?;

        let compiled_promos = promo_code::compile(promo_codes, &mut context)?;

        let mut compiled_discounts = Vec::with_capacity(discounts.len());
        for (index, rule) in discounts.iter().enumerate() {
            compiled_discounts.push(discount_rule::compile(rule, index, &mut context)?);
        }
        validate::unique_ids(discounts.iter().map(|d| d.id.as_str()), |i| {
            format!("discounts[{i}].id")
        })?;
        let mut by_priority: Vec<usize> = (0..discounts.len()).collect();
        // Higher priority first; equal priorities keep the program's order (a stable sort).
        by_priority.sort_by_key(|&i| std::cmp::Reverse(discounts[i].priority));

        let points_rule = points::compile(points.as_ref(), &mut context)?;

        let cashback_rule = cashback::compile(cashback.as_ref(), &mut context)?;

        let tax_rule = match included_tax {
            None => None,
            Some(tax) => Some(included_tax::compile(tax, &check, &mut context.categories)?),
        };

        let compiled_events = events::compile_events(events, &check)?;

        // The reward catalog is for the seller's calculators; no order is priced with it.
        validate::unique_ids(catalog.iter().map(|r| r.id.as_str()), |i| {
            format!("catalog[{i}].id")
        })?;
        for (
            index,
            format::Reward {
                id: _,
                name: _, // checked by `names::check_names`
                points,
                value,
            },
        ) in catalog.iter().enumerate()
        {
            at(validate::points(*points, ""), &|| {
                format!("catalog[{index}].points")
            })?;
            if *points == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    format!("catalog[{index}].points"),
                    "a reward must cost at least one point",
                ));
            }
            check.amount(*value, &|| format!("catalog[{index}].value"))?;
        }

        let membership_rule = membership::compile(membership.as_ref(), &check)?;

        let partners = events::compile_partners(coalition)?;

        let chances = chances::compile(chance_rewards, &check, *rounding)?;

        // Co-op marketing shares are for the seller's calculators; no order is priced with them.
        if let Some(format::CoopMarketing { shares }) = coop_marketing {
            if shares.is_empty() {
                return Err(Error::new(
                    ErrorCode::Empty,
                    "coop_marketing.shares",
                    "give the share for at least one brand",
                ));
            }
            for (index, share) in shares.iter().enumerate() {
                at(validate::percent(*share, ""), &|| {
                    format!("coop_marketing.shares[{index}]")
                })?;
            }
        }

        Rules {
            id: id.clone(),
            name_languages: program.name_languages(),
            currency: currency.clone(),
            units,
            rounding: *rounding,
            tiering,
            tiers: compiled_tiers,
            discounts: compiled_discounts,
            by_priority,
            promo_codes: compiled_promos,
            points: points_rule,
            cashback: cashback_rule,
            tax: tax_rule,
            events: compiled_events,
            membership: membership_rule,
            partners,
            chances,
            categories: context.categories,
            skus: context.skus,
            attributes: program.attributes.0.clone(),
            shipping: shipping.unwrap_or_default(),
            multipliers: Vec::new(),
        }
        .with_multipliers(program)
    }

    /// The status multipliers of every tier and membership state (see
    /// [`points::status_multipliers`]), worked out last as the program's order of checks has it.
    fn with_multipliers(mut self, program: &Program) -> Result<Rules> {
        self.multipliers = points::status_multipliers(program, self.points.as_ref())?;
        Ok(self)
    }

    /// The highest tier whose threshold `qualifying` reaches.
    pub fn tier_for(&self, qualifying: i128) -> Option<usize> {
        tiers::tier_for(&self.tiers, qualifying)
    }

    /// What is left to reach `tier` from `qualifying`: money, or points.
    pub fn remaining_to(&self, tier: &TierRule, qualifying: i128) -> Decimal {
        self.tiering.remaining_to(self.units, tier, qualifying)
    }
}

/// The compiled program answers what a cart or a customer refers to, as the program would.
impl crate::format::declared::Declared for Rules {
    fn money(&self) -> crate::money::Money {
        crate::money::Money {
            minor_units: self.units,
            rounding: self.rounding,
        }
    }
    fn has_tier(&self, id: &str) -> bool {
        self.tiers.iter().any(|tier| tier.id == id)
    }
    fn has_points(&self) -> bool {
        self.points.is_some()
    }
    fn has_event(&self, id: &str) -> bool {
        self.events.iter().any(|event| event.id == id)
    }
    fn has_partner(&self, id: &str) -> bool {
        self.partners.iter().any(|partner| partner.id == id)
    }
    fn limits_code(&self, code: &str) -> bool {
        self.promo_codes
            .iter()
            .any(|p| p.limits.is_some() && p.code.eq_ignore_ascii_case(code))
    }
    fn limits_discount(&self, id: &str) -> bool {
        self.discounts
            .iter()
            .any(|d| d.limits.is_some() && d.id == id)
    }
    fn attribute(&self, name: &str) -> Option<format::AttributeKind> {
        self.attributes
            .iter()
            .find(|(declared, _)| declared == name)
            .map(|&(_, kind)| kind)
    }
}
