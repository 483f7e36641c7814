//! Earning points: rates per amount (by category, proportional or per full unit of money, on
//! each line or on the order, before or after discounts, net of included tax where the program
//! says), points per unit (by category, SKU or attribute), delivery at the base rate, each line
//! under the multipliers that apply to it. Trace: `earned`, per rate and per unit rate, with the
//! base and the multiplier.

use super::included_tax::{contained_in_delivery, TaxRule};
use super::multipliers::Multiplying;
use crate::error::{Error, ErrorCode, Result};
use crate::format::json::listed;
use crate::format::program::{self as format, EarnBase, EarnPer, Granularity};
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate::{self, overflow};
use crate::money::exact::{compare, mul_div, Fraction};
use crate::money::Rounding;
use crate::rules::allocation::apply_share;
use crate::rules::order::{EarnGroup, Sheet, Source};
use crate::rules::values::{at, attribute_of, too_precise, value_at, AttributeValue, Context};
use rust_decimal::Decimal;

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

/// Compiles an earning rule (`points.earn` or `points.employee_earn`).
pub(crate) fn compile(
    rule: &format::EarnRule,
    context: &mut Context,
    path: &str,
) -> Result<EarnRule> {
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
            categories_text: listed(names),
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

impl Source {
    /// The program's order: rates first, then points per unit.
    fn rank(self, rule: &EarnRule) -> (usize, u64) {
        match self {
            Source::Rate(at) => (at, 0),
            Source::Unit { rate, per_unit } => (rule.rates.len() + rate, per_unit),
        }
    }
}

impl EarnGroup {
    fn new(source: Source, mask: u64) -> EarnGroup {
        EarnGroup {
            source,
            mask,
            base: 0,
            units: 0,
            points: 0,
        }
    }

    /// Adds an amount (or units at points per unit) to its group, and its points when the rule
    /// rounds per line.
    fn add(
        groups: &mut Vec<EarnGroup>,
        earning: &Earning,
        per_line: bool,
        source: Source,
        mask: u64,
        amount: i128,
        units: u64,
    ) -> Result<()> {
        let group = EarnGroup::find(groups, earning.rule, source, mask);
        group.base += amount;
        group.units += units;
        if per_line {
            let points = earning.points(source, amount, mask)?;
            group.points = group
                .points
                .checked_add(points)
                .ok_or_else(|| overflow("cart.lines"))?;
        }
        Ok(())
    }

    /// The group of `source` and `mask`, added where the program's order puts it (rates first,
    /// then points per unit, each by its multipliers) when it is new.
    fn find<'g>(
        groups: &'g mut Vec<EarnGroup>,
        rule: &EarnRule,
        source: Source,
        mask: u64,
    ) -> &'g mut EarnGroup {
        // Usually there already: every rate's group without multipliers is made first.
        if let Some(at) = groups
            .iter()
            .position(|g| g.source == source && g.mask == mask)
        {
            return &mut groups[at];
        }
        let key = (source.rank(rule), mask);
        let at = groups
            .iter()
            .position(|g| (g.source.rank(rule), g.mask) > key)
            .unwrap_or(groups.len());
        groups.insert(at, EarnGroup::new(source, mask));
        &mut groups[at]
    }
}

/// One earning rule under the multipliers that may apply to the order's lines.
pub(crate) struct Earning<'r> {
    pub(crate) rule: &'r EarnRule,
    pub(crate) multipliers: Multiplying<'r>,
}

impl Earning<'_> {
    /// Whole points for `amount` from `source` under the multipliers in `mask`.
    fn points(&self, source: Source, amount: i128, mask: u64) -> Result<u64> {
        let fail = || overflow("cart.lines");
        self.multipliers
            .points(mask, |multiplier: Fraction| match source {
                Source::Rate(at) => points_for(
                    amount,
                    &self.rule.rates[at],
                    self.rule.granularity,
                    multiplier,
                ),
                Source::Unit { .. } => multiplier
                    .floor(amount.max(0).unsigned_abs())
                    .and_then(|p| u64::try_from(p).ok())
                    .ok_or_else(fail),
            })
    }
}

/// The points one earning rule gives on the order's lines: each line's amount at its rate,
/// and its units at their points per unit, times the multipliers that apply to the line.
/// Lines at the same rate and multipliers are added up and rounded once, unless the rule
/// rounds per line.
pub(crate) fn earn(
    sheet: &mut Sheet,
    earning: &Earning,
    kind: Kind,
    applying: u64,
    tax: Option<&TaxRule>,
    delivery_earns: bool,
) -> Result<u64> {
    let rule = earning.rule;
    let out = &*sheet.out;
    let lines = &sheet.order.lines;
    let mut groups = std::mem::take(&mut sheet.scratch.groups);
    groups.clear();
    // Every rate has its group, in the program's order, so that the trace keeps it.
    groups.extend((0..rule.rates.len()).map(|at| EarnGroup::new(Source::Rate(at), 0)));
    let per_line = rule.per == EarnPer::Line;
    for (at, line) in lines.iter().enumerate() {
        let mask = earning
            .multipliers
            .program
            .iter()
            .enumerate()
            .filter(|(bit, m)| applying & (1 << bit) != 0 && line.in_scope(&m.scope))
            .fold(0u64, |mask, (bit, _)| mask | 1 << bit);
        let base = match rule.base {
            EarnBase::AfterDiscounts => out.line_subtotals[at] - out.line_discounts[at],
            EarnBase::BeforeDiscounts => out.line_subtotals[at],
        };
        // Without the tax the amount contains, where the program earns on prices net of tax:
        // after discounts, the line's tax; before them, the tax in its subtotal.
        let base = match (tax, rule.base) {
            (Some(tax), _) if !tax.earn_on_net => base,
            (Some(_), EarnBase::AfterDiscounts) => base - out.line_tax[at],
            (Some(tax), EarnBase::BeforeDiscounts) => {
                let rate = &tax.rates[tax.rate_of(line.category_id)];
                base - apply_share(rate.contained, base, sheet.rounding)?
            }
            (None, _) => base,
        };
        let rate = rule
            .rates
            .iter()
            .skip(1)
            .position(|rate| {
                line.category_id
                    .is_some_and(|c| rate.categories.contains(&c))
            })
            .map_or(0, |i| i + 1);
        let mut add = |source: Source, amount: i128, units: u64| {
            EarnGroup::add(&mut groups, earning, per_line, source, mask, amount, units)
        };
        add(Source::Rate(rate), base, 0)?;
        for (at, unit_rate) in rule.per_unit.iter().enumerate() {
            let listed = line
                .category_id
                .is_some_and(|c| unit_rate.categories.contains(&c))
                || line.sku_id.is_some_and(|s| unit_rate.skus.contains(&s));
            let per_unit = unit_rate.points.per_unit(&line.attributes);
            if !listed || per_unit == 0 {
                continue;
            }
            let units = u64::from(line.quantity);
            // At most 10^6 units of at most 10^15 points each.
            let amount = i128::from(units) * i128::from(per_unit);
            add(Source::Unit { rate: at, per_unit }, amount, units)?;
        }
    }
    // Delivery earns at the base rate where the program says so, with the multipliers of
    // the whole order.
    if delivery_earns && !sheet.order.shipping.is_empty() {
        let amount = match rule.base {
            EarnBase::AfterDiscounts => out.shipping_total,
            EarnBase::BeforeDiscounts => sheet.order.shipping.iter().sum(),
        };
        // Without the tax delivery contains, where the program earns on prices net of tax:
        // after discounts, the charges' tax; before them, the tax in their prices.
        let amount = match (tax, rule.base) {
            (Some(tax), EarnBase::AfterDiscounts) if tax.earn_on_net => {
                amount - out.shipping_tax.iter().sum::<i128>()
            }
            (Some(tax), EarnBase::BeforeDiscounts) if tax.earn_on_net => {
                amount - contained_in_delivery(tax, &out.tax, amount, sheet.rounding)?
            }
            _ => amount,
        };
        let mask = earning
            .multipliers
            .program
            .iter()
            .enumerate()
            .filter(|(bit, m)| applying & (1 << bit) != 0 && m.scope.is_everything())
            .fold(0u64, |mask, (bit, _)| mask | 1 << bit);
        EarnGroup::add(
            &mut groups,
            earning,
            per_line,
            Source::Rate(0),
            mask,
            amount,
            0,
        )?;
    }
    let mut total: u64 = 0;
    let name = if kind == Kind::EmployeePoints {
        "employee_earn"
    } else {
        "earn"
    };
    for group in &groups {
        let points = if per_line {
            group.points
        } else {
            earning.points(group.source, group.base, group.mask)?
        };
        total = total
            .checked_add(points)
            .ok_or_else(|| overflow("cart.lines"))?;
        let multiplier = earning
            .multipliers
            .factor(group.mask)
            .map_or(Decimal::ONE, |factor| factor.text);
        match group.source {
            Source::Rate(at) => {
                let rate = &rule.rates[at];
                // A rate that earns nothing (a program that earns per item only) says nothing.
                if (group.base == 0 || rate.points.is_zero()) && points == 0 {
                    continue;
                }
                sheet.note(|s| {
                    Entry::new(kind, name, points > 0, Code::Earned)
                        .amount(points)
                        .param("base", s.money(group.base))
                        .param("categories", &rate.categories_text)
                        .param("multiplier", multiplier)
                });
            }
            Source::Unit { per_unit, .. } if points > 0 => sheet.note(|_| {
                Entry::new(kind, name, true, Code::Earned)
                    .amount(points)
                    .param("units", group.units)
                    .param("per_unit", per_unit)
                    .param("multiplier", multiplier)
            }),
            Source::Unit { .. } => {}
        }
    }
    sheet.scratch.groups = groups;
    Ok(total)
}

/// Whole points for `base` minor units at `rate`, times `multiplier`, rounded down once at the end.
fn points_for(
    base: i128,
    rate: &EarnRate,
    granularity: Granularity,
    multiplier: Fraction,
) -> Result<u64> {
    let fail = || overflow("cart.lines");
    let base = base.max(0).unsigned_abs();
    let points = match granularity {
        Granularity::Proportional => times_floor(base, rate.points, multiplier),
        Granularity::FullUnits => rate
            .per_minor
            .floor(base)
            .and_then(|whole| times_floor(whole, rate.points, multiplier)),
    };
    points.and_then(|p| u64::try_from(p).ok()).ok_or_else(fail)
}

/// `amount × a × b`, rounded down, without reducing the fractions when the products fit.
fn times_floor(amount: u128, a: Fraction, b: Fraction) -> Option<u128> {
    match (a.num.checked_mul(b.num), a.den.checked_mul(b.den)) {
        (Some(num), Some(den)) => mul_div(amount, num, den, Rounding::Down),
        _ => a.times(b)?.floor(amount),
    }
}
