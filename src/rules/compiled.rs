//! A program compiled once into integer data: amounts in minor units, rates as exact fractions,
//! categories and SKUs interned, tiers indexed. The decimals as the program wrote them are kept
//! beside the numbers only to be written back out in traces.

pub use super::mechanics::cashback::CashbackRule;
pub use super::mechanics::chances::ChanceRule;
pub use super::mechanics::commitment::Commitment;
use super::mechanics::conditions;
pub use super::mechanics::conditions::{Conditions, WEEKDAYS};
pub use super::mechanics::earn::{EarnRate, EarnRule, UnitPoints, UnitRate};
pub use super::mechanics::events::{EventRule, PartnerRule};
use super::mechanics::included_tax::{self, TaxRule};
pub use super::mechanics::limits::Limits;
use super::mechanics::limits::{self, most_applications};
pub use super::mechanics::membership::MembershipRule;
pub use super::mechanics::multipliers::{EarnMultiplier, MAX_MULTIPLIERS};
use super::mechanics::points;
pub use super::mechanics::points::PointsRule;
use super::mechanics::promo_code;
pub use super::mechanics::promo_code::PromoRule;
use super::mechanics::tiers;
pub use super::mechanics::tiers::{TierRule, Tiering};
use super::mechanics::{cashback, chances, events, membership};
use super::values::{at, compile_scope, Check, Context};
pub use super::values::{
    combine, Amount, AttributeTest, AttributeValue, Multiplier, Names, Percent, Scope,
};
use crate::error::{Error, ErrorCode, Result};
use crate::format::names::LocalizedText;
use crate::format::program::{self as format, DiscountClass, Program, Stacking, FORMAT_VERSION};
use crate::format::validate;
use crate::money::exact::{compare, Fraction};
use crate::money::{minor_units, Rounding};
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub struct Rules {
    pub id: String,
    /// The language of the names' main text, for [`LocalizedText::choose`].
    pub default_language: String,
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

#[derive(Debug, Clone)]
pub struct DiscountRule {
    pub id: String,
    pub name: LocalizedText,
    pub value: DiscountValue,
    pub scope: Scope,
    pub conditions: Conditions,
    pub inactivity: Option<Inactivity>,
    pub stacking: Stacking,
    pub limits: Option<Limits>,
    pub class: DiscountClass,
    /// The classes it applies together with, as bits of [`class_bit`].
    pub combines_with: u8,
}

impl DiscountRule {
    /// Whether two rules may apply to one order: each combines with the other's class.
    pub fn combines(&self, other: &DiscountRule) -> bool {
        self.combines_with & class_bit(other.class) != 0
            && other.combines_with & class_bit(self.class) != 0
    }
}

pub const ALL_CLASSES: u8 = 0b111;

pub fn class_bit(class: DiscountClass) -> u8 {
    match class {
        DiscountClass::Product => 1,
        DiscountClass::Order => 2,
        DiscountClass::Shipping => 4,
    }
}

/// A rule's class: delivery for delivery values, products for a scope or a per-item offer, else
/// the order.
fn discount_class(value: &format::DiscountValue, scope: &format::Scope) -> DiscountClass {
    match value {
        format::DiscountValue::FreeShipping
        | format::DiscountValue::ShippingPercent { .. }
        | format::DiscountValue::ShippingAmount { .. } => DiscountClass::Shipping,
        format::DiscountValue::FixedPerUnit { .. }
        | format::DiscountValue::BuyGet { .. }
        | format::DiscountValue::Bundle { .. }
        | format::DiscountValue::QuantityBreaks { .. } => DiscountClass::Product,
        _ if *scope != format::Scope::default() => DiscountClass::Product,
        _ => DiscountClass::Order,
    }
}

#[derive(Debug, Clone)]
pub enum DiscountValue {
    Percent(Percent),
    Fixed(Amount),
    PerUnit(Amount),
    TierPercent,
    SpendSteps {
        steps: Vec<SpendStep>,
        include_current_order: bool,
    },
    /// Buy `buy`, get `get` at `percent` off, up to `max` times (u64::MAX: no limit).
    BuyGet {
        buy: u64,
        get: u64,
        percent: Percent,
        max: u64,
        dearest_first: bool,
    },
    /// `(from quantity, percent)`, quantities strictly increasing.
    QuantityBreaks {
        breaks: Vec<(u64, Percent)>,
        per_sku: bool,
    },
    /// A set of `parts` for `price`, up to `max` times (u64::MAX: no limit).
    Bundle {
        parts: Vec<BundlePart>,
        price: Amount,
        max: u64,
    },
}

#[derive(Debug, Clone)]
pub struct BundlePart {
    pub skus: Vec<u32>,
    pub categories: Vec<u32>,
    pub quantity: u64,
}

impl BundlePart {
    pub fn takes(&self, category: Option<u32>, sku: Option<u32>) -> bool {
        category.is_some_and(|c| self.categories.contains(&c))
            || sku.is_some_and(|s| self.skus.contains(&s))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct SpendStep {
    pub from: Amount,
    pub percent: Percent,
}

#[derive(Debug, Clone, Copy)]
pub struct Inactivity {
    pub after_days: u32,
    pub percent: Percent,
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
            categories: _,
            // Declarations, looked up by the scopes, earning rules and lines that use them.
            attributes: _,
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
        let language = program.default_language();

        let (tiering, compiled_tiers) = tiers::compile(tier_rules, tiers, &check)?;

        let compiled_promos = promo_code::compile(promo_codes, &mut context)?;

        let mut compiled_discounts = Vec::with_capacity(discounts.len());
        for (index, rule) in discounts.iter().enumerate() {
            let format::DiscountRule {
                id,
                name,
                value,
                scope,
                conditions,
                inactivity,
                stacking,
                priority: _, // in `by_priority`
                limits,
                combines_with,
            } = rule;
            let path = |field: &str| format!("discounts[{index}].{field}");
            if let LocalizedText::Plain(text) = name {
                at(validate::not_empty(text, ""), &|| path("name"))?;
            }
            let class = discount_class(value, scope);
            if class == DiscountClass::Shipping && inactivity.is_some() {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    path("inactivity"),
                    "a delivery discount has no lower rate after inactivity",
                ));
            }
            if class == DiscountClass::Shipping && *scope != format::Scope::default() {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    path("scope"),
                    "a delivery discount applies to the cart's delivery: give it no scope",
                ));
            }
            let value = match value {
                format::DiscountValue::Percent { percent: p }
                | format::DiscountValue::ShippingPercent { percent: p } => {
                    DiscountValue::Percent(check.percent(*p, &|| path("value.percent"))?)
                }
                format::DiscountValue::FreeShipping => DiscountValue::Percent(Percent {
                    share: Fraction::ONE,
                    text: Decimal::ONE_HUNDRED,
                }),
                format::DiscountValue::ShippingAmount { amount } => {
                    DiscountValue::Fixed(check.amount(*amount, &|| path("value.amount"))?)
                }
                format::DiscountValue::Fixed { amount } => {
                    DiscountValue::Fixed(check.amount(*amount, &|| path("value.amount"))?)
                }
                format::DiscountValue::FixedPerUnit { amount } => {
                    DiscountValue::PerUnit(check.amount(*amount, &|| path("value.amount"))?)
                }
                format::DiscountValue::TierPercent => {
                    if tiers.is_empty() {
                        return Err(Error::new(
                            ErrorCode::UnknownReference,
                            path("value.type"),
                            "tier_percent needs tiers",
                        ));
                    }
                    DiscountValue::TierPercent
                }
                format::DiscountValue::BuyGet {
                    buy,
                    get,
                    percent,
                    max_applications,
                    pick,
                } => {
                    for (field, value) in [("buy", *buy), ("get", *get)] {
                        if value == 0 {
                            return Err(Error::new(
                                ErrorCode::OutOfRange,
                                path(&format!("value.{field}")),
                                "a buy-X-get-Y offer counts at least one unit",
                            ));
                        }
                    }
                    let max =
                        most_applications(*max_applications, &|| path("value.max_applications"))?;
                    DiscountValue::BuyGet {
                        buy: u64::from(*buy),
                        get: u64::from(*get),
                        percent: check.percent(*percent, &|| path("value.percent"))?,
                        max,
                        dearest_first: *pick == format::Pick::MostExpensive,
                    }
                }
                format::DiscountValue::Bundle {
                    items,
                    price,
                    max_applications,
                } => {
                    if items.is_empty() {
                        return Err(Error::new(
                            ErrorCode::Empty,
                            path("value.items"),
                            "a set has at least one item",
                        ));
                    }
                    let mut parts = Vec::with_capacity(items.len());
                    for (
                        at,
                        format::BundleItem {
                            skus,
                            categories,
                            quantity,
                        },
                    ) in items.iter().enumerate()
                    {
                        if skus.is_empty() && categories.is_empty() {
                            return Err(Error::new(
                                ErrorCode::Empty,
                                path(&format!("value.items[{at}]")),
                                "name at least one category or SKU",
                            ));
                        }
                        if !(1..=crate::format::cart::MAX_QUANTITY).contains(quantity) {
                            return Err(Error::new(
                                ErrorCode::OutOfRange,
                                path(&format!("value.items[{at}].quantity")),
                                format!("a quantity is 1 to {}", crate::format::cart::MAX_QUANTITY),
                            ));
                        }
                        parts.push(BundlePart {
                            skus: context.skus.all(skus),
                            categories: context.categories.all(categories),
                            quantity: u64::from(*quantity),
                        });
                    }
                    let max =
                        most_applications(*max_applications, &|| path("value.max_applications"))?;
                    DiscountValue::Bundle {
                        parts,
                        price: check.amount(*price, &|| path("value.price"))?,
                        max,
                    }
                }
                format::DiscountValue::QuantityBreaks { breaks, counted } => {
                    if breaks.is_empty() {
                        return Err(Error::new(
                            ErrorCode::Empty,
                            path("value.breaks"),
                            "give at least one break",
                        ));
                    }
                    let mut compiled: Vec<(u64, Percent)> = Vec::with_capacity(breaks.len());
                    for (at, format::QuantityBreak { quantity, percent }) in
                        breaks.iter().enumerate()
                    {
                        let step_path = |field: &str| path(&format!("value.breaks[{at}].{field}"));
                        let quantity = u64::from(*quantity);
                        if quantity == 0
                            || compiled.last().is_some_and(|(last, _)| quantity <= *last)
                        {
                            return Err(Error::new(
                                ErrorCode::NotIncreasing,
                                step_path("quantity"),
                                "breaks start at strictly increasing quantities from 1",
                            ));
                        }
                        compiled
                            .push((quantity, check.percent(*percent, &|| step_path("percent"))?));
                    }
                    DiscountValue::QuantityBreaks {
                        breaks: compiled,
                        per_sku: *counted == format::Counted::PerSku,
                    }
                }
                format::DiscountValue::SpendSteps {
                    steps,
                    include_current_order,
                } => {
                    if steps.is_empty() {
                        return Err(Error::new(
                            ErrorCode::Empty,
                            path("value.steps"),
                            "give at least one step",
                        ));
                    }
                    let mut compiled: Vec<SpendStep> = Vec::with_capacity(steps.len());
                    for (step_index, format::SpendStep { from, percent: p }) in
                        steps.iter().enumerate()
                    {
                        let step_path =
                            |field: &str| path(&format!("value.steps[{step_index}].{field}"));
                        let from_amount = check.amount(*from, &|| step_path("from"))?;
                        let percent = check.percent(*p, &|| step_path("percent"))?;
                        if compiled
                            .last()
                            .is_some_and(|previous| compare(*from, previous.from.text).is_le())
                        {
                            return Err(Error::new(
                                ErrorCode::NotIncreasing,
                                step_path("from"),
                                "steps must start at strictly increasing spend",
                            ));
                        }
                        compiled.push(SpendStep {
                            from: from_amount,
                            percent,
                        });
                    }
                    DiscountValue::SpendSteps {
                        steps: compiled,
                        include_current_order: *include_current_order,
                    }
                }
            };
            let conditions = conditions::compile(conditions, &context, &|field| {
                path(&format!("conditions.{field}"))
            })?;
            let inactivity = match inactivity {
                Some(format::Inactivity {
                    after_days,
                    percent: p,
                }) => {
                    let percent = check.percent(*p, &|| path("inactivity.percent"))?;
                    if *after_days == 0 {
                        return Err(Error::new(
                            ErrorCode::OutOfRange,
                            path("inactivity.after_days"),
                            "must be at least one day",
                        ));
                    }
                    Some(Inactivity {
                        after_days: *after_days,
                        percent,
                    })
                }
                None => None,
            };
            compiled_discounts.push(DiscountRule {
                limits: limits::compile(limits.as_ref(), &check, &|| path("limits"))?,
                id: id.clone(),
                name: name.clone(),
                value,
                scope: compile_scope(scope, &mut context, &|| path("scope"))?,
                conditions,
                inactivity,
                stacking: *stacking,
                class,
                combines_with: match combines_with {
                    Some(classes) => classes.iter().fold(0, |mask, c| mask | class_bit(*c)),
                    None => ALL_CLASSES,
                },
            });
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
            default_language: language.to_string(),
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
