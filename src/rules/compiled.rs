//! A program compiled once into integer data: amounts in minor units, rates as exact fractions,
//! categories and SKUs interned, tiers indexed. The decimals as the program wrote them are kept
//! beside the numbers only to be written back out in traces.

pub use super::mechanics::cashback::CashbackRule;
pub use super::mechanics::chances::ChanceRule;
pub use super::mechanics::commitment::Commitment;
use super::mechanics::conditions;
pub use super::mechanics::conditions::{Conditions, WEEKDAYS};
pub use super::mechanics::events::{EventRule, PartnerRule};
use super::mechanics::included_tax::{self, TaxRule};
pub use super::mechanics::limits::Limits;
use super::mechanics::limits::{self, most_applications};
pub use super::mechanics::membership::MembershipRule;
use super::mechanics::promo_code;
pub use super::mechanics::promo_code::PromoRule;
use super::mechanics::tiers;
pub use super::mechanics::tiers::{TierRule, Tiering};
use super::mechanics::{cashback, chances, events, membership};
use super::values::check_multiplier;
use super::values::{at, too_precise, value_at, Check, Context};
pub use super::values::{
    combine, Amount, AttributeTest, AttributeValue, Multiplier, Names, Percent, Scope,
};
use crate::error::{Error, ErrorCode, Result};
use crate::format::names::LocalizedText;
use crate::format::program::{self as format, DiscountClass, Program, Stacking, FORMAT_VERSION};
use crate::format::program::{EarnBase, EarnPer, Granularity};
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

#[derive(Debug, Clone)]
pub struct PointsRule {
    pub earn: EarnRule,
    pub employee_earn: Option<EarnRule>,
    /// What a point pays: whole minor units per `step` points, the smallest number of points
    /// whose value is a whole number of minor units (a point of 0.5 JPY: 1 yen per 2 points).
    pub step: u64,
    pub minor_per_step: u128,
    pub value_per_point: Decimal,
    pub redeem_share: Fraction,
    pub min_redeem: u64,
    pub expiry_months: Option<u32>,
    /// Days a point earned waits before it can be spent (0: none).
    pub pending_days: u32,
    pub pending_count_toward_tiers: bool,
    /// The program's multipliers, in its order.
    pub multipliers: Vec<EarnMultiplier>,
    /// Multipliers add their bonuses instead of multiplying.
    pub add_multipliers: bool,
    /// Points are rounded down after each multiplier, not only at the end.
    pub round_each_step: bool,
}

#[derive(Debug, Clone)]
pub struct EarnMultiplier {
    pub id: String,
    pub factor: Multiplier,
    pub scope: Scope,
    pub conditions: Conditions,
}

impl PointsRule {
    /// What `points` (a whole number of steps) pay, in minor units.
    pub fn value_of(&self, points: u64) -> Option<u128> {
        (u128::from(points) / u128::from(self.step)).checked_mul(self.minor_per_step)
    }

    /// The money `points` are worth at face value, rounded down to minor units.
    pub fn face_value(&self, points: u128) -> Option<u128> {
        Fraction::new(self.minor_per_step, u128::from(self.step))?.floor(points)
    }
}

#[derive(Debug, Clone)]
pub struct EarnRule {
    /// Rate 0 is the base rate; rate `i + 1` is the program's `categories[i]`.
    pub rates: Vec<EarnRate>,
    pub per_unit: Vec<UnitRate>,
    pub granularity: Granularity,
    pub per: EarnPer,
    pub base: EarnBase,
    pub apply_tier_multiplier: bool,
}

#[derive(Debug, Clone)]
pub struct EarnRate {
    pub categories: Vec<u32>,
    /// The category names, joined for the trace.
    pub categories_text: String,
    /// Proportional: points per minor unit. Full units: points per whole `per_amount`.
    pub points: Fraction,
    /// Full units only: how many `per_amount`s one minor unit is.
    pub per_minor: Fraction,
}

#[derive(Debug, Clone)]
pub struct UnitRate {
    pub categories: Vec<u32>,
    pub skus: Vec<u32>,
    pub points: UnitPoints,
}

#[derive(Debug, Clone)]
pub enum UnitPoints {
    Flat(u64),
    /// `(from, points)`, `from` strictly increasing, of a number attribute.
    Bands {
        attribute: usize,
        bands: Vec<(Decimal, u64)>,
    },
    /// Points by value of a text attribute.
    Values {
        attribute: usize,
        values: Vec<(String, u64)>,
    },
}

impl UnitPoints {
    /// The points one unit of a line with these attribute values earns.
    pub fn per_unit(&self, attributes: &[AttributeValue]) -> u64 {
        let value = |at: usize| value_at(attributes, at);
        match self {
            UnitPoints::Flat(points) => *points,
            UnitPoints::Bands { attribute, bands } => match value(*attribute) {
                AttributeValue::Number(number) => bands
                    .iter()
                    .rev()
                    .find(|(from, _)| compare(number, *from).is_ge())
                    .map_or(0, |(_, points)| *points),
                _ => 0,
            },
            UnitPoints::Values { attribute, values } => match value(*attribute) {
                AttributeValue::Text(text) => values
                    .iter()
                    .find(|(known, _)| known == text)
                    .map_or(0, |(_, points)| *points),
                _ => 0,
            },
        }
    }
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

        let points_rule = match points {
            None => None,
            Some(format::Points {
                earn,
                employee_earn,
                value_per_point,
                max_redeem_percent,
                min_redeem,
                expiry_months,
                pending_days,
                pending_count_toward_tiers,
                multipliers,
                combine_multipliers,
                round_points,
            }) => {
                if pending_days.is_some_and(|days| days > 365) {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        "points.pending_days",
                        "points are pending for 0 to 365 days",
                    ));
                }
                let earn = earn_rule(earn, &mut context, "points.earn")?;
                let employee_earn = match employee_earn {
                    Some(rule) => Some(earn_rule(rule, &mut context, "points.employee_earn")?),
                    None => None,
                };
                validate::amount_in_range(*value_per_point, "points.value_per_point")?;
                let redeem_share =
                    check.percent(*max_redeem_percent, &|| "points.max_redeem_percent".into())?;
                validate::points(*min_redeem, "points.min_redeem")?;
                if let Some(months) = expiry_months {
                    if !(1..=600).contains(months) {
                        return Err(Error::new(
                            ErrorCode::OutOfRange,
                            "points.expiry_months",
                            "points expire after 1 to 600 months",
                        ));
                    }
                }
                let minor_per_point = Fraction::of(*value_per_point)
                    .and_then(|v| v.times(Fraction::new(crate::money::exact::pow10(units)?, 1)?))
                    .ok_or_else(|| too_precise("points.value_per_point"))?;
                let step = u64::try_from(minor_per_point.den)
                    .map_err(|_| too_precise("points.value_per_point"))?;
                Some(PointsRule {
                    earn,
                    employee_earn,
                    step: if minor_per_point.is_zero() { 1 } else { step },
                    minor_per_step: minor_per_point.num,
                    value_per_point: *value_per_point,
                    redeem_share: redeem_share.share,
                    min_redeem: *min_redeem,
                    expiry_months: *expiry_months,
                    pending_days: pending_days.unwrap_or(0),
                    pending_count_toward_tiers: *pending_count_toward_tiers,
                    multipliers: earn_multipliers(multipliers, &mut context)?,
                    add_multipliers: *combine_multipliers == format::CombineMultipliers::Add,
                    round_each_step: *round_points == format::RoundPoints::EachStep,
                })
            }
        };

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
            multipliers: Vec::with_capacity(tiers.len() + 1),
        }
        .with_multipliers(program)
    }

    /// The tier's and the membership's earning multipliers together, for every tier slot (the
    /// last one: no tier) and both membership states, checked once against every earning rate so
    /// that no order can overflow on them.
    fn with_multipliers(mut self, program: &Program) -> Result<Rules> {
        let membership = program.membership.as_ref().and_then(|m| m.earn_multiplier);
        let add = self.points.as_ref().is_some_and(|p| p.add_multipliers);
        for slot in 0..=self.tiers.len() {
            let tier = program.tiers.get(slot).and_then(|t| t.earn_multiplier);
            let path = || match tier {
                Some(_) => format!("tiers[{slot}].earn_multiplier"),
                None => "membership.earn_multiplier".into(),
            };
            let pair = [false, true].map(|member| {
                let text = match (tier, membership.filter(|_| member)) {
                    (Some(t), Some(m)) => combine(add, t, m),
                    (Some(t), None) => Some(t),
                    (None, Some(m)) => Some(m),
                    (None, None) => Some(Decimal::ONE),
                };
                text.and_then(Multiplier::of)
            });
            let [Some(plain), Some(member)] = pair else {
                return Err(too_precise(&path()));
            };
            if let Some(points) = &self.points {
                // With every program multiplier too, the most any line can earn at: if that fits,
                // so does every smaller set.
                for status in [plain, member] {
                    // A factor of zero would hide the others' digits.
                    let all = points
                        .multipliers
                        .iter()
                        .filter(|m| !m.factor.text.is_zero())
                        .try_fold(status.text, |so_far, m| combine(add, so_far, m.factor.text))
                        .and_then(Multiplier::of)
                        .ok_or_else(|| too_precise("points.multipliers"))?;
                    for rule in std::iter::once(&points.earn).chain(&points.employee_earn) {
                        for rate in &rule.rates {
                            for multiplier in [status, all] {
                                rate.points
                                    .times(multiplier.value)
                                    .ok_or_else(|| too_precise(&path()))?;
                            }
                        }
                    }
                }
            }
            self.multipliers.push([plain, member]);
        }
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

fn earn_rule(rule: &format::EarnRule, context: &mut Context, path: &str) -> Result<EarnRule> {
    let units = context.check.units;
    let format::EarnRule {
        points,
        per_amount,
        categories: category_rates,
        per_unit,
        granularity,
        per,
        base,
        apply_tier_multiplier,
    } = rule;
    at(validate::amount_in_range(*points, ""), &|| {
        format!("{path}.points")
    })?;
    at(validate::positive(*per_amount, ""), &|| {
        format!("{path}.per_amount")
    })?;
    let minor =
        Fraction::new(crate::money::exact::pow10(units).unwrap_or(1), 1).unwrap_or(Fraction::ONE);
    let rate =
        |points: Decimal, per_amount: Decimal, path: String| -> Result<(Fraction, Fraction)> {
            let fail = || too_precise(&path);
            let points = Fraction::of(points).ok_or_else(fail)?;
            // How many `per_amount`s one minor unit is: 1 ÷ (per_amount × 10^units).
            let per_minor = Fraction::ONE
                .over(
                    Fraction::of(per_amount)
                        .ok_or_else(fail)?
                        .times(minor)
                        .ok_or_else(fail)?,
                )
                .ok_or_else(fail)?;
            Ok(match granularity {
                Granularity::Proportional => (points.times(per_minor).ok_or_else(fail)?, per_minor),
                Granularity::FullUnits => (points, per_minor),
            })
        };
    let mut rates = Vec::with_capacity(category_rates.len() + 1);
    let (base_points, base_per_minor) = rate(*points, *per_amount, format!("{path}.points"))?;
    rates.push(EarnRate {
        categories: Vec::new(),
        categories_text: String::new(),
        points: base_points,
        per_minor: base_per_minor,
    });
    for (
        index,
        format::CategoryRate {
            categories: names,
            points,
            per_amount,
        },
    ) in category_rates.iter().enumerate()
    {
        let rate_path = format!("{path}.categories[{index}]");
        if names.is_empty() {
            return Err(Error::new(
                ErrorCode::Empty,
                format!("{rate_path}.categories"),
                "name at least one category",
            ));
        }
        at(validate::amount_in_range(*points, ""), &|| {
            format!("{rate_path}.points")
        })?;
        at(validate::positive(*per_amount, ""), &|| {
            format!("{rate_path}.per_amount")
        })?;
        let (points, per_minor) = rate(*points, *per_amount, format!("{rate_path}.points"))?;
        rates.push(EarnRate {
            categories: context.categories.all(names),
            categories_text: names.join(", "),
            points,
            per_minor,
        });
    }
    let mut unit_rates = Vec::with_capacity(per_unit.len());
    for (
        index,
        format::UnitRate {
            categories: names,
            skus: unit_skus,
            points,
            by_attribute,
        },
    ) in per_unit.iter().enumerate()
    {
        let rate_path = format!("{path}.per_unit[{index}]");
        if names.is_empty() && unit_skus.is_empty() {
            return Err(Error::new(
                ErrorCode::Empty,
                rate_path,
                "name at least one category or SKU",
            ));
        }
        let points = match (points, by_attribute) {
            (Some(points), None) => {
                at(validate::points(*points, ""), &|| {
                    format!("{rate_path}.points")
                })?;
                UnitPoints::Flat(*points)
            }
            (None, Some(table)) => attribute_points(table, context, &rate_path)?,
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorCode::InvalidValue,
                    format!("{rate_path}.by_attribute"),
                    "give points or by_attribute, not both",
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    ErrorCode::MissingField,
                    format!("{rate_path}.points"),
                    "give points, or points by_attribute",
                ))
            }
        };
        unit_rates.push(UnitRate {
            categories: context.categories.all(names),
            skus: context.skus.all(unit_skus),
            points,
        });
    }
    Ok(EarnRule {
        rates,
        per_unit: unit_rates,
        granularity: *granularity,
        per: *per,
        base: *base,
        apply_tier_multiplier: *apply_tier_multiplier,
    })
}

/// The most multipliers a program may give: an order's set of them is a 64-bit mask.
pub const MAX_MULTIPLIERS: usize = 64;

fn earn_multipliers(
    multipliers: &[format::EarnMultiplier],
    context: &mut Context,
) -> Result<Vec<EarnMultiplier>> {
    if multipliers.len() > MAX_MULTIPLIERS {
        return Err(Error::new(
            ErrorCode::TooLarge,
            "points.multipliers",
            format!("a program gives at most {MAX_MULTIPLIERS} multipliers"),
        ));
    }
    validate::unique_ids(multipliers.iter().map(|m| m.id.as_str()), |i| {
        format!("points.multipliers[{i}].id")
    })?;
    // The trace names rules and multipliers by id alone.
    if let Some(at) = multipliers
        .iter()
        .position(|m| context.program.discounts.iter().any(|d| d.id == m.id))
    {
        return Err(Error::new(
            ErrorCode::DuplicateId,
            format!("points.multipliers[{at}].id"),
            format!("\"{}\" is already a discount's id", multipliers[at].id),
        ));
    }
    let mut compiled = Vec::with_capacity(multipliers.len());
    for (index, multiplier) in multipliers.iter().enumerate() {
        let format::EarnMultiplier {
            id,
            name: _, // checked by `names::check_names`
            factor,
            scope,
            conditions,
        } = multiplier;
        let path = |field: &str| format!("points.multipliers[{index}].{field}");
        check_multiplier(*factor, &path("factor"))?;
        compiled.push(EarnMultiplier {
            id: id.clone(),
            factor: Multiplier::of(*factor).ok_or_else(|| too_precise(&path("factor")))?,
            scope: compile_scope(scope, context, &|| path("scope"))?,
            conditions: conditions::compile(conditions, context, &|field| {
                path(&format!("conditions.{field}"))
            })?,
        });
    }
    Ok(compiled)
}

/// Points per unit by band of a number attribute or by value of a text attribute.
fn attribute_points(
    table: &format::AttributePoints,
    context: &Context,
    rate_path: &str,
) -> Result<UnitPoints> {
    let format::AttributePoints {
        attribute,
        bands,
        values,
    } = table;
    let path = |field: &str| format!("{rate_path}.by_attribute.{field}");
    let (attribute_at, kind) = attribute_of(context.program, attribute, &|| path("attribute"))?;
    let (wanted, unwanted, what) = match kind {
        format::AttributeKind::Number => ("bands", "values", !values.is_empty()),
        format::AttributeKind::Text => ("values", "bands", !bands.is_empty()),
    };
    if what {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            path(unwanted),
            format!("give the points of \"{attribute}\" in {wanted}"),
        ));
    }
    if bands.is_empty() && values.is_empty() {
        return Err(Error::new(
            ErrorCode::Empty,
            path(wanted),
            "give the points of at least one band or value",
        ));
    }
    for (key, points) in values.iter() {
        at(validate::points(*points, ""), &|| {
            path(&format!("values.{key}"))
        })?;
    }
    let mut compiled: Vec<(Decimal, u64)> = Vec::with_capacity(bands.len());
    for (index, format::PointsBand { from, points }) in bands.iter().enumerate() {
        at(validate::points(*points, ""), &|| {
            path(&format!("bands[{index}].points"))
        })?;
        if compiled
            .last()
            .is_some_and(|(last, _)| compare(*from, *last).is_le())
        {
            return Err(Error::new(
                ErrorCode::NotIncreasing,
                path(&format!("bands[{index}].from")),
                "bands start at strictly increasing values",
            ));
        }
        compiled.push((*from, *points));
    }
    Ok(match kind {
        format::AttributeKind::Number => UnitPoints::Bands {
            attribute: attribute_at,
            bands: compiled,
        },
        format::AttributeKind::Text => UnitPoints::Values {
            attribute: attribute_at,
            values: values.0.clone(),
        },
    })
}

/// A rule's scope, with names interned and attribute tests checked against their declarations.
fn compile_scope(
    scope: &format::Scope,
    context: &mut Context,
    path: &dyn Fn() -> String,
) -> Result<Scope> {
    let format::Scope {
        categories,
        skus,
        exclude_categories,
        include_promotional,
        attributes,
    } = scope;
    let mut tests = Vec::with_capacity(attributes.len());
    for (index, test) in attributes.iter().enumerate() {
        let test_path = |field: &str| format!("{}.attributes[{index}].{field}", path());
        let format::AttributeMatch {
            attribute,
            one_of,
            min,
            max,
        } = test;
        let (at, kind) = attribute_of(context.program, attribute, &|| test_path("attribute"))?;
        let test = match kind {
            format::AttributeKind::Text => {
                if min.is_some() || max.is_some() {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        test_path(if min.is_some() { "min" } else { "max" }),
                        format!("\"{attribute}\" is a text: match it with one_of"),
                    ));
                }
                if one_of.is_empty() {
                    return Err(Error::new(
                        ErrorCode::Empty,
                        test_path("one_of"),
                        "give at least one value",
                    ));
                }
                AttributeTest::OneOf(one_of.clone())
            }
            format::AttributeKind::Number => {
                if !one_of.is_empty() {
                    return Err(Error::new(
                        ErrorCode::InvalidValue,
                        test_path("one_of"),
                        format!("\"{attribute}\" is a number: match it with min and max"),
                    ));
                }
                if min.is_none() && max.is_none() {
                    return Err(Error::new(
                        ErrorCode::MissingField,
                        test_path("min"),
                        "give min, max or both",
                    ));
                }
                if let (Some(low), Some(high)) = (min, max) {
                    if compare(*low, *high).is_gt() {
                        return Err(Error::new(
                            ErrorCode::NotIncreasing,
                            test_path("max"),
                            format!("max {high} is below min {low}"),
                        ));
                    }
                }
                AttributeTest::Range {
                    min: *min,
                    max: *max,
                }
            }
        };
        tests.push((at, test));
    }
    Ok(Scope {
        categories: context.categories.all(categories),
        skus: context.skus.all(skus),
        exclude_categories: context.categories.all(exclude_categories),
        include_promotional: *include_promotional,
        attributes: tests,
    })
}

/// The index and kind of a declared line attribute.
fn attribute_of(
    program: &Program,
    name: &str,
    path: &dyn Fn() -> String,
) -> Result<(usize, format::AttributeKind)> {
    program
        .attributes
        .iter()
        .position(|(known, _)| known == name)
        .map(|at| (at, program.attributes.0[at].1))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownReference,
                path(),
                format!("the program declares no attribute \"{name}\" in attributes"),
            )
        })
}
