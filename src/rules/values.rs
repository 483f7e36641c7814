//! The values every mechanic's compiled form is made of: amounts in minor units, percentages as
//! exact fractions, multipliers, interned names, and the scope that picks an order's lines; and the
//! checks that turn a program's decimals into them, with the path of a refused field.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program::{self as format, Program};
use crate::format::validate;
use crate::money::exact::{compare, minor_of, Fraction};
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
pub struct Names(pub(crate) Vec<String>);

impl Names {
    pub(crate) fn intern(&mut self, name: &str) -> u32 {
        match self.0.iter().position(|known| known == name) {
            Some(at) => at as u32,
            None => {
                self.0.push(name.to_string());
                (self.0.len() - 1) as u32
            }
        }
    }

    pub(crate) fn all(&mut self, names: &[String]) -> Vec<u32> {
        names.iter().map(|name| self.intern(name)).collect()
    }

    /// The index of `prefix` followed by `name`, without writing the two out together.
    pub fn find_prefixed(&self, prefix: &str, name: &str) -> Option<u32> {
        self.0
            .iter()
            .position(|known| known.strip_prefix(prefix) == Some(name))
            .map(|at| at as u32)
    }

    /// The index of `name`, or `None` for a name no rule mentions.
    pub fn find(&self, name: &str) -> Option<u32> {
        self.0
            .iter()
            .position(|known| known == name)
            .map(|at| at as u32)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Multiplier {
    pub value: Fraction,
    pub text: Decimal,
}

impl Multiplier {
    pub const ONE: Multiplier = Multiplier {
        value: Fraction::ONE,
        text: Decimal::ONE,
    };

    pub fn of(text: Decimal) -> Option<Multiplier> {
        Some(Multiplier {
            value: Fraction::of(text)?,
            text: crate::money::exact::normalized(text),
        })
    }
}

/// Two multipliers together: multiplied, or (`add`) their bonuses added, never below zero.
/// Exact, in the decimals' integers; `None` when the result does not fit.
pub fn combine(add: bool, a: Decimal, b: Decimal) -> Option<Decimal> {
    if !add {
        return crate::money::exact::product(a, b);
    }
    let scale = a.scale().max(b.scale());
    let scaled = |d: Decimal| {
        let factor = i128::try_from(crate::money::exact::pow10(scale - d.scale())?).ok()?;
        d.mantissa().checked_mul(factor)
    };
    let one = i128::try_from(crate::money::exact::pow10(scale)?).ok()?;
    let sum = scaled(a)?.checked_add(scaled(b)?)?.checked_sub(one)?;
    let exact = Decimal::try_from_i128_with_scale(sum.max(0), scale).ok()?;
    Some(crate::money::exact::normalized(exact))
}

#[derive(Debug, Clone)]
pub struct Scope {
    pub categories: Vec<u32>,
    pub skus: Vec<u32>,
    pub exclude_categories: Vec<u32>,
    pub include_promotional: bool,
    /// Tests of line attributes, by the attribute's index in the program's declarations.
    pub attributes: Vec<(usize, AttributeTest)>,
}

#[derive(Debug, Clone)]
pub enum AttributeTest {
    OneOf(Vec<String>),
    Range {
        min: Option<Decimal>,
        max: Option<Decimal>,
    },
}

/// A line's value of one declared attribute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AttributeValue<'a> {
    Missing,
    Text(&'a str),
    Number(Decimal),
}

/// A line's value of the declared attribute `at` (missing on a line of a program that declares
/// none).
pub(crate) fn value_at<'a>(attributes: &[AttributeValue<'a>], at: usize) -> AttributeValue<'a> {
    attributes
        .get(at)
        .copied()
        .unwrap_or(AttributeValue::Missing)
}

impl AttributeTest {
    pub(crate) fn matches(&self, value: AttributeValue) -> bool {
        match (self, value) {
            (AttributeTest::OneOf(values), AttributeValue::Text(text)) => {
                values.iter().any(|v| v == text)
            }
            (AttributeTest::Range { min, max }, AttributeValue::Number(number)) => {
                min.is_none_or(|min| compare(number, min).is_ge())
                    && max.is_none_or(|max| compare(number, max).is_le())
            }
            _ => false,
        }
    }
}

impl Scope {
    /// Whether the scope takes every line (delivery included, for earning).
    pub fn is_everything(&self) -> bool {
        self.categories.is_empty()
            && self.skus.is_empty()
            && self.exclude_categories.is_empty()
            && self.include_promotional
            && self.attributes.is_empty()
    }

    /// Whether a line of this category, SKU, promotion and attributes (by declaration) is in
    /// scope.
    pub fn contains(
        &self,
        category: Option<u32>,
        sku: Option<u32>,
        promotional: bool,
        attributes: &[AttributeValue],
    ) -> bool {
        let listed = (self.categories.is_empty() && self.skus.is_empty())
            || category.is_some_and(|c| self.categories.contains(&c))
            || sku.is_some_and(|s| self.skus.contains(&s));
        listed
            && !category.is_some_and(|c| self.exclude_categories.contains(&c))
            && (self.include_promotional || !promotional)
            && self
                .attributes
                .iter()
                .all(|(at, test)| test.matches(value_at(attributes, *at)))
    }
}

/// A rate too precise to compute exactly in 128 bits (only decimals of many digits get here).
pub(crate) fn too_precise(path: &str) -> Error {
    Error::new(
        ErrorCode::TooPrecise,
        path,
        "this rate has too many digits to be computed exactly with the others; use fewer decimals",
    )
}

/// A check's result with the path of the field it checked, written only for an error: a
/// program has hundreds of fields and is valid far more often than not.
pub(crate) fn at<T>(result: Result<T>, path: &dyn Fn() -> String) -> Result<T> {
    result.map_err(|error| Error {
        path: path(),
        ..error
    })
}

/// The checks of the format that turn a decimal into a compiled amount or percentage.
#[derive(Clone, Copy)]
pub(crate) struct Check {
    pub(crate) units: u32,
}

impl Check {
    /// Money of zero or more, within range and in whole minor units.
    pub(crate) fn amount(&self, text: Decimal, path: &dyn Fn() -> String) -> Result<Amount> {
        at(validate::amount_in_range(text, ""), path)?;
        match minor_of(text, self.units) {
            Some(minor) => Ok(Amount { minor, text }),
            None => Err(Error::new(
                ErrorCode::TooPrecise,
                path(),
                format!(
                    "{text} has more decimals than the currency's {} minor units",
                    self.units
                ),
            )),
        }
    }

    /// A percentage from 0 to 100.
    pub(crate) fn percent(&self, text: Decimal, path: &dyn Fn() -> String) -> Result<Percent> {
        at(validate::percent(text, ""), path)?;
        let share = Fraction::percent(text).ok_or_else(|| too_precise(&path()))?;
        Ok(Percent { share, text })
    }
}

/// What compiling a rule's scope and conditions looks up in the program.
/// What compiling a program carries from rule to rule: the checks, the program (for references
/// to its tiers and codes), and the names interned so far.
pub(crate) struct Context<'p> {
    pub(crate) check: Check,
    pub(crate) program: &'p Program,
    pub(crate) categories: Names,
    pub(crate) skus: Names,
}

/// A multiplier from 0 to 100.
pub(crate) fn check_multiplier(value: Decimal, path: &str) -> Result<()> {
    if value.is_sign_negative() || compare(value, Decimal::ONE_HUNDRED).is_gt() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            path,
            format!("{value} is not a multiplier from 0 to 100"),
        ));
    }
    Ok(())
}

/// A rule's scope, with names interned and attribute tests checked against their declarations.
pub(crate) fn compile_scope(
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
pub(crate) fn attribute_of(
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
