//! A program compiled once into integer data: amounts in minor units, rates as exact fractions,
//! categories and SKUs interned, tiers indexed. The decimals as the program wrote them are kept
//! beside the numbers only to be written back out in traces.

use crate::error::{Error, ErrorCode, Result};
use crate::exact::{minor_of, Fraction};
use crate::money::{minor_units, Rounding};
use crate::program::{self as format, Period, Program, Qualifier, Stacking, Window};
use crate::program::{Downgrade, EarnBase, EarnPer, Granularity, OnExcluded, Upgrade};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// An amount of money: minor units for arithmetic, the program's decimal for traces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub minor: i128,
    pub text: Decimal,
}

/// A percentage: the share for arithmetic (`12.5` is 1/8), the program's decimal for traces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percent {
    pub share: Fraction,
    pub text: Decimal,
}

/// Interned names: a line's category or SKU becomes an index once per order, and scopes compare
/// indexes. A name the program never mentions has no index and matches no list.
#[derive(Debug, Clone, Default)]
pub struct Names(Vec<String>);

impl Names {
    fn intern(&mut self, name: &str) -> u32 {
        match self.0.iter().position(|known| known == name) {
            Some(at) => at as u32,
            None => {
                self.0.push(name.to_string());
                (self.0.len() - 1) as u32
            }
        }
    }

    fn all(&mut self, names: &[String]) -> Vec<u32> {
        names.iter().map(|name| self.intern(name)).collect()
    }

    /// The index of `name`, or `None` for a name no rule mentions.
    pub fn find(&self, name: &str) -> Option<u32> {
        self.0
            .iter()
            .position(|known| known == name)
            .map(|at| at as u32)
    }
}

#[derive(Debug, Clone)]
pub struct Rules {
    pub id: String,
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
    pub events: Vec<EventRule>,
    pub membership: Option<MembershipRule>,
    pub partners: Vec<PartnerRule>,
    pub chances: Vec<ChanceRule>,
    pub categories: Names,
    pub skus: Names,
    /// `multipliers[tier][member]`: the earning multiplier of a customer at a tier (the last
    /// index: no tier) who is (1) or is not (0) a paid member.
    pub multipliers: Vec<[Multiplier; 2]>,
}

#[derive(Debug, Clone, Copy)]
pub struct Multiplier {
    pub value: Fraction,
    pub text: Decimal,
}

#[derive(Debug, Clone, Copy)]
pub struct Tiering {
    pub qualifies_on: Qualifier,
    pub window: Window,
    pub upgrade: Upgrade,
    pub downgrade: Downgrade,
    pub review_month: u32,
}

#[derive(Debug, Clone)]
pub struct TierRule {
    pub id: String,
    pub name: String,
    /// The qualifying amount (minor units, or points) from which the tier holds, rounded up to a
    /// whole unit, since qualifying amounts are whole.
    pub reach: i128,
    pub threshold: Decimal,
    pub discount: Option<Percent>,
    pub perks: Vec<String>,
    pub commitment: Option<Commitment>,
}

#[derive(Debug, Clone, Copy)]
pub struct Commitment {
    pub amount: Amount,
    pub period: Period,
}

#[derive(Debug, Clone)]
pub struct DiscountRule {
    pub id: String,
    pub name: String,
    pub value: DiscountValue,
    pub scope: Scope,
    pub conditions: Conditions,
    pub inactivity: Option<Inactivity>,
    pub stacking: Stacking,
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
}

#[derive(Debug, Clone, Copy)]
pub struct SpendStep {
    pub from: Amount,
    pub percent: Percent,
}

#[derive(Debug, Clone)]
pub struct Scope {
    pub categories: Vec<u32>,
    pub skus: Vec<u32>,
    pub exclude_categories: Vec<u32>,
    pub include_promotional: bool,
}

impl Scope {
    pub fn contains(&self, category: Option<u32>, sku: Option<u32>, promotional: bool) -> bool {
        let listed = (self.categories.is_empty() && self.skus.is_empty())
            || category.is_some_and(|c| self.categories.contains(&c))
            || sku.is_some_and(|s| self.skus.contains(&s));
        listed
            && !category.is_some_and(|c| self.exclude_categories.contains(&c))
            && (self.include_promotional || !promotional)
    }
}

#[derive(Debug, Clone)]
pub struct Conditions {
    pub min_subtotal: Option<Amount>,
    pub first_purchase_made: Option<bool>,
    /// Tier indexes; empty means any customer.
    pub tiers: Vec<usize>,
    /// The same ids, joined for the trace.
    pub tiers_text: String,
    /// An index into `Rules::promo_codes`.
    pub promo_code: Option<usize>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub members_only: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Inactivity {
    pub after_days: u32,
    pub percent: Percent,
}

#[derive(Debug, Clone)]
pub struct PromoRule {
    pub code: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub min_order: Option<Amount>,
    pub exclude_categories: Vec<u32>,
    pub exclude_promotional: bool,
    pub on_excluded: OnExcluded,
}

impl PromoRule {
    /// Whether the code refuses or skips a line.
    pub fn excludes(&self, category: Option<u32>, promotional: bool) -> bool {
        category.is_some_and(|c| self.exclude_categories.contains(&c))
            || (self.exclude_promotional && promotional)
    }
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
    pub points: u64,
}

#[derive(Debug, Clone)]
pub struct CashbackRule {
    pub percent: Percent,
    /// Empty means every category.
    pub categories: Vec<u32>,
    pub cap_per_month: Option<Amount>,
}

#[derive(Debug, Clone)]
pub struct EventRule {
    pub id: String,
    pub points: u64,
    pub credit: Option<Amount>,
}

#[derive(Debug, Clone, Copy)]
pub struct MembershipRule {
    pub earn_multiplier: Option<Fraction>,
}

#[derive(Debug, Clone)]
pub struct PartnerRule {
    pub id: String,
    pub exchange_rate: Fraction,
    pub exchange_rate_text: Decimal,
}

#[derive(Debug, Clone)]
pub struct ChanceRule {
    pub id: String,
    pub chance: Decimal,
    /// The chance times the cost, rounded: what one order costs on average.
    pub expected_cost: i128,
}

/// A rate too precise to compute exactly in 128 bits (only decimals of many digits get here).
fn too_precise(path: &str) -> Error {
    Error::new(
        ErrorCode::TooPrecise,
        path,
        "this rate has too many digits to be computed exactly with the others; use fewer decimals",
    )
}

impl Rules {
    /// Validates a program and compiles it.
    pub fn new(program: &Program) -> Result<Rules> {
        program.validate()?;
        Rules::compile(program)
    }

    /// Compiles a program already validated.
    pub fn compile(program: &Program) -> Result<Rules> {
        let Program {
            schema: _,
            version: _,
            id,
            name: _,
            description: _,
            currency,
            rounding,
            tier_rules,
            tiers,
            discounts,
            promo_codes,
            points,
            cashback,
            events,
            // The reward catalog and co-op marketing are for the seller's calculators; no order
            // is priced with them.
            catalog: _,
            membership,
            coalition,
            chance_rewards,
            coop_marketing: _,
        } = program;
        let units = minor_units(currency).unwrap_or(2);
        let amount = |text: Decimal, path: &dyn Fn() -> String| -> Result<Amount> {
            let minor = minor_of(text, units).ok_or_else(|| too_precise(&path()))?;
            Ok(Amount { minor, text })
        };
        let percent = |text: Decimal, path: &dyn Fn() -> String| -> Result<Percent> {
            let share = Fraction::percent(text).ok_or_else(|| too_precise(&path()))?;
            Ok(Percent { share, text })
        };
        let mut categories = Names::default();
        let mut skus = Names::default();

        let format::TierRules {
            qualifies_on,
            window,
            upgrade,
            downgrade,
            review_month,
        } = *tier_rules;
        let tiering = Tiering {
            qualifies_on,
            window,
            upgrade,
            downgrade,
            review_month,
        };
        let mut compiled_tiers = Vec::with_capacity(tiers.len());
        for (index, tier) in tiers.iter().enumerate() {
            let format::Tier {
                id,
                name,
                threshold,
                discount_percent,
                // Multipliers are compiled into the earning rates below.
                earn_multiplier: _,
                perks,
                min_commitment,
            } = tier;
            let path = |field: &str| format!("tiers[{index}].{field}");
            let reach = match qualifies_on {
                Qualifier::Spend => amount(*threshold, &|| path("threshold"))?.minor,
                Qualifier::Points => whole_above(*threshold),
            };
            compiled_tiers.push(TierRule {
                id: id.clone(),
                name: name.clone(),
                reach,
                threshold: *threshold,
                discount: discount_percent
                    .map(|p| percent(p, &|| path("discount_percent")))
                    .transpose()?,
                perks: perks.clone(),
                commitment: match min_commitment {
                    Some(format::Commitment {
                        amount: value,
                        period,
                    }) => Some(Commitment {
                        amount: amount(*value, &|| path("min_commitment.amount"))?,
                        period: *period,
                    }),
                    None => None,
                },
            });
        }

        let mut compiled_promos = Vec::with_capacity(promo_codes.len());
        for (index, promo) in promo_codes.iter().enumerate() {
            let format::PromoCode {
                code,
                valid_from,
                valid_until,
                min_order,
                exclude_categories,
                exclude_promotional,
                on_excluded,
                // Whether a code may be shared is the seller's business; a quote accepts it.
                reusable: _,
            } = promo;
            compiled_promos.push(PromoRule {
                code: code.clone(),
                valid_from: *valid_from,
                valid_until: *valid_until,
                min_order: min_order
                    .map(|m| amount(m, &|| format!("promo_codes[{index}].min_order")))
                    .transpose()?,
                exclude_categories: categories.all(exclude_categories),
                exclude_promotional: *exclude_promotional,
                on_excluded: *on_excluded,
            });
        }

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
            } = rule;
            let path = |field: &str| format!("discounts[{index}].{field}");
            let value = match value {
                format::DiscountValue::Percent { percent: p } => {
                    DiscountValue::Percent(percent(*p, &|| path("value.percent"))?)
                }
                format::DiscountValue::Fixed { amount: a } => {
                    DiscountValue::Fixed(amount(*a, &|| path("value.amount"))?)
                }
                format::DiscountValue::FixedPerUnit { amount: a } => {
                    DiscountValue::PerUnit(amount(*a, &|| path("value.amount"))?)
                }
                format::DiscountValue::TierPercent => DiscountValue::TierPercent,
                format::DiscountValue::SpendSteps {
                    steps,
                    include_current_order,
                } => {
                    let mut compiled = Vec::with_capacity(steps.len());
                    for (step_index, format::SpendStep { from, percent: p }) in
                        steps.iter().enumerate()
                    {
                        let step_path =
                            |field: &str| path(&format!("value.steps[{step_index}].{field}"));
                        compiled.push(SpendStep {
                            from: amount(*from, &|| step_path("from"))?,
                            percent: percent(*p, &|| step_path("percent"))?,
                        });
                    }
                    DiscountValue::SpendSteps {
                        steps: compiled,
                        include_current_order: *include_current_order,
                    }
                }
            };
            let format::Scope {
                categories: in_categories,
                skus: in_skus,
                exclude_categories,
                include_promotional,
            } = scope;
            let format::Conditions {
                min_subtotal,
                first_purchase_made,
                tiers: tier_ids,
                promo_code,
                valid_from,
                valid_until,
                members_only,
            } = conditions;
            compiled_discounts.push(DiscountRule {
                id: id.clone(),
                name: name.clone(),
                value,
                scope: Scope {
                    categories: categories.all(in_categories),
                    skus: skus.all(in_skus),
                    exclude_categories: categories.all(exclude_categories),
                    include_promotional: *include_promotional,
                },
                conditions: Conditions {
                    min_subtotal: min_subtotal
                        .map(|m| amount(m, &|| path("conditions.min_subtotal")))
                        .transpose()?,
                    first_purchase_made: *first_purchase_made,
                    tiers: tier_ids
                        .iter()
                        .filter_map(|t| tiers.iter().position(|tier| &tier.id == t))
                        .collect(),
                    tiers_text: tier_ids.join(", "),
                    promo_code: promo_code
                        .as_ref()
                        .and_then(|code| promo_codes.iter().position(|p| &p.code == code)),
                    valid_from: *valid_from,
                    valid_until: *valid_until,
                    members_only: *members_only,
                },
                inactivity: match inactivity {
                    Some(format::Inactivity {
                        after_days,
                        percent: p,
                    }) => Some(Inactivity {
                        after_days: *after_days,
                        percent: percent(*p, &|| path("inactivity.percent"))?,
                    }),
                    None => None,
                },
                stacking: *stacking,
            });
        }
        let mut by_priority: Vec<usize> = (0..discounts.len()).collect();
        // Higher priority first; equal priorities keep the program's order (a stable sort).
        by_priority.sort_by_key(|&i| std::cmp::Reverse(discounts[i].priority));

        let membership_rule = membership.as_ref().map(
            |format::Membership {
                 name: _,
                 fee: _, // the seller's break-even calculator, not pricing
                 period: _,
                 perks: _,
                 earn_multiplier,
             }| {
                earn_multiplier.map(|m| {
                    Fraction::of(m).ok_or_else(|| too_precise("membership.earn_multiplier"))
                })
            },
        );
        let membership_rule = match membership_rule {
            None => None,
            Some(multiplier) => Some(MembershipRule {
                earn_multiplier: multiplier.transpose()?,
            }),
        };

        let points_rule = match points {
            None => None,
            Some(format::Points {
                earn,
                employee_earn,
                value_per_point,
                max_redeem_percent,
                min_redeem,
                expiry_months,
            }) => {
                let minor_per_point = Fraction::of(*value_per_point)
                    .and_then(|v| v.times(Fraction::new(crate::exact::pow10(units)?, 1)?))
                    .ok_or_else(|| too_precise("points.value_per_point"))?;
                let step = u64::try_from(minor_per_point.den)
                    .map_err(|_| too_precise("points.value_per_point"))?;
                Some(PointsRule {
                    earn: earn_rule(earn, units, &mut categories, &mut skus, "points.earn")?,
                    employee_earn: employee_earn
                        .as_ref()
                        .map(|rule| {
                            earn_rule(
                                rule,
                                units,
                                &mut categories,
                                &mut skus,
                                "points.employee_earn",
                            )
                        })
                        .transpose()?,
                    step: if minor_per_point.is_zero() { 1 } else { step },
                    minor_per_step: minor_per_point.num,
                    value_per_point: *value_per_point,
                    redeem_share: Fraction::percent(*max_redeem_percent)
                        .ok_or_else(|| too_precise("points.max_redeem_percent"))?,
                    min_redeem: *min_redeem,
                    expiry_months: *expiry_months,
                })
            }
        };

        let cashback_rule = match cashback {
            None => None,
            Some(format::Cashback {
                percent: p,
                categories: in_categories,
                cap_per_month,
            }) => Some(CashbackRule {
                percent: percent(*p, &|| "cashback.percent".into())?,
                categories: categories.all(in_categories),
                cap_per_month: cap_per_month
                    .map(|cap| amount(cap, &|| "cashback.cap_per_month".into()))
                    .transpose()?,
            }),
        };

        let mut compiled_events = Vec::with_capacity(events.len());
        for (
            index,
            format::Event {
                id,
                name: _,
                points,
                credit,
            },
        ) in events.iter().enumerate()
        {
            compiled_events.push(EventRule {
                id: id.clone(),
                points: *points,
                credit: credit
                    .map(|c| amount(c, &|| format!("events[{index}].credit")))
                    .transpose()?,
            });
        }

        let mut partners = Vec::with_capacity(coalition.len());
        for (
            index,
            format::CoalitionPartner {
                id,
                name: _,
                exchange_rate,
            },
        ) in coalition.iter().enumerate()
        {
            partners.push(PartnerRule {
                id: id.clone(),
                exchange_rate: Fraction::of(*exchange_rate)
                    .ok_or_else(|| too_precise(&format!("coalition[{index}].exchange_rate")))?,
                exchange_rate_text: *exchange_rate,
            });
        }

        let mut chances = Vec::with_capacity(chance_rewards.len());
        for (
            index,
            format::ChanceReward {
                id,
                name: _,
                chance,
                cost,
            },
        ) in chance_rewards.iter().enumerate()
        {
            let cost = amount(*cost, &|| format!("chance_rewards[{index}].cost"))?;
            let expected_cost = Fraction::of(*chance)
                .and_then(|c| c.apply(cost.minor.unsigned_abs(), *rounding))
                .and_then(|minor| i128::try_from(minor).ok())
                .ok_or_else(|| too_precise(&format!("chance_rewards[{index}].chance")))?;
            chances.push(ChanceRule {
                id: id.clone(),
                chance: *chance,
                expected_cost,
            });
        }

        Ok(Rules {
            id: id.clone(),
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
            events: compiled_events,
            membership: membership_rule,
            partners,
            chances,
            categories,
            skus,
            multipliers: Vec::with_capacity(tiers.len() + 1),
        })
        .and_then(|rules| rules.with_multipliers(program))
    }

    /// The tier's and the membership's earning multipliers together, for every tier slot (the
    /// last one: no tier) and both membership states, checked once against every earning rate so
    /// that no order can overflow on them.
    fn with_multipliers(mut self, program: &Program) -> Result<Rules> {
        let membership = program.membership.as_ref().and_then(|m| m.earn_multiplier);
        for slot in 0..=self.tiers.len() {
            let tier = program.tiers.get(slot).and_then(|t| t.earn_multiplier);
            let path = || match tier {
                Some(_) => format!("tiers[{slot}].earn_multiplier"),
                None => "membership.earn_multiplier".into(),
            };
            let pair = [false, true].map(|member| {
                let text = match (tier, membership.filter(|_| member)) {
                    (Some(t), Some(m)) => t.checked_mul(m),
                    (Some(t), None) => Some(t),
                    (None, Some(m)) => Some(m),
                    (None, None) => Some(Decimal::ONE),
                };
                text.and_then(|text| {
                    Some(Multiplier {
                        value: Fraction::of(text)?,
                        text: text.normalize(),
                    })
                })
            });
            let [Some(plain), Some(member)] = pair else {
                return Err(too_precise(&path()));
            };
            if let Some(points) = &self.points {
                for rule in std::iter::once(&points.earn).chain(&points.employee_earn) {
                    for rate in &rule.rates {
                        for multiplier in [plain, member] {
                            rate.points
                                .times(multiplier.value)
                                .ok_or_else(|| too_precise(&path()))?;
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
        self.tiers.iter().rposition(|tier| tier.reach <= qualifying)
    }
}

/// The smallest whole number at or above `value` (a threshold counted in whole points).
fn whole_above(value: Decimal) -> i128 {
    let fraction = Fraction::of(value).unwrap_or(Fraction::ZERO);
    let whole = fraction.num / fraction.den + u128::from(fraction.num % fraction.den != 0);
    i128::try_from(whole).unwrap_or(i128::MAX)
}

fn earn_rule(
    rule: &format::EarnRule,
    units: u32,
    categories: &mut Names,
    skus: &mut Names,
    path: &str,
) -> Result<EarnRule> {
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
    let minor = Fraction::new(crate::exact::pow10(units).unwrap_or(1), 1).unwrap_or(Fraction::ONE);
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
        let (points, per_minor) = rate(
            *points,
            *per_amount,
            format!("{path}.categories[{index}].points"),
        )?;
        rates.push(EarnRate {
            categories: categories.all(names),
            categories_text: names.join(", "),
            points,
            per_minor,
        });
    }
    Ok(EarnRule {
        rates,
        per_unit: per_unit
            .iter()
            .map(
                |format::UnitRate {
                     categories: names,
                     skus: unit_skus,
                     points,
                 }| UnitRate {
                    categories: categories.all(names),
                    skus: skus.all(unit_skus),
                    points: *points,
                },
            )
            .collect(),
        granularity: *granularity,
        per: *per,
        base: *base,
        apply_tier_multiplier: *apply_tier_multiplier,
    })
}
