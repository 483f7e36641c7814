//! Included tax (VAT): prices that include tax, and the tax they contain after discounts, at a
//! default rate or a rate by category, rounded on each line or once per rate and then split over
//! its lines; entries at the same percent are one rate. Trace: `tax_included` per rate, with its
//! base.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::{Code, Entry, Kind};
use crate::format::validate::overflow;
use crate::money::exact::{compare, decimal_of, Fraction};
use crate::rules::allocation::{allocate_into, apply_share};
use crate::rules::order::{Sheet, TaxShare};
use crate::rules::values::{too_precise, Check, Names};
use rust_decimal::Decimal;

/// Tax contained in prices that include it.
#[derive(Debug, Clone)]
pub struct TaxRule {
    /// The default rate first (no categories), then the program's rates by category.
    pub rates: Vec<TaxRateRule>,
    pub per_total: bool,
    pub earn_on_net: bool,
}

#[derive(Debug, Clone)]
pub struct TaxRateRule {
    pub categories: Vec<u32>,
    pub percent: Decimal,
    /// The share of a tax-inclusive price that is tax: p / (100 + p).
    pub contained: Fraction,
}

impl TaxRule {
    /// The rate a line of `category` is taxed at, as an index into `rates`.
    pub fn rate_of(&self, category: Option<u32>) -> usize {
        self.rates
            .iter()
            .skip(1)
            .position(|rate| category.is_some_and(|c| rate.categories.contains(&c)))
            .map_or(0, |at| at + 1)
    }
}

/// Included tax compiled: each rate with the share of a price it contains; a category named
/// by two rates is refused, since its tax would be ambiguous.
/// Compiles the program's `included_tax`: each rate checked, categories named once.
pub(crate) fn compile(
    tax: &format::IncludedTax,
    check: &Check,
    categories: &mut Names,
) -> Result<TaxRule> {
    let format::IncludedTax {
        percent,
        rates,
        rounding,
        earn_on,
    } = tax;
    let rate = |percent: Decimal, path: &dyn Fn() -> String| -> Result<(Decimal, Fraction)> {
        let share = check.percent(percent, path)?.share;
        // p / (100 + p) of a price that includes p % is tax.
        let contained = share
            .num
            .checked_add(share.den)
            .and_then(|den| Fraction::new(share.num, den))
            .ok_or_else(|| too_precise(&path()))?;
        Ok((percent, contained))
    };
    let (default_percent, default_contained) = rate(*percent, &|| "included_tax.percent".into())?;
    let mut compiled = vec![TaxRateRule {
        categories: Vec::new(),
        percent: default_percent,
        contained: default_contained,
    }];
    let mut seen: Vec<&str> = Vec::new();
    for (
        index,
        format::TaxRate {
            categories: names,
            percent,
        },
    ) in rates.iter().enumerate()
    {
        let path = |field: &str| format!("included_tax.rates[{index}].{field}");
        if names.is_empty() {
            return Err(Error::new(
                ErrorCode::Empty,
                path("categories"),
                "name at least one category",
            ));
        }
        if let Some(twice) = names.iter().find(|name| seen.contains(&name.as_str())) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                path("categories"),
                format!("\"{twice}\" already has a tax rate"),
            ));
        }
        seen.extend(names.iter().map(String::as_str));
        let (percent, contained) = rate(*percent, &|| path("percent"))?;
        let categories = categories.all(names);
        // Entries at the same percent are one rate, as a VAT summary lists them: rounded once
        // over all their lines, one line on the receipt.
        match compiled
            .iter_mut()
            .find(|known| compare(known.percent, percent).is_eq())
        {
            Some(same) => same.categories.extend(categories),
            None => compiled.push(TaxRateRule {
                categories,
                percent,
                contained,
            }),
        }
    }
    Ok(TaxRule {
        rates: compiled,
        per_total: *rounding == format::TaxRounding::PerTotal,
        earn_on_net: *earn_on == format::TaxBase::Net,
    })
}

/// The tax that prices including it contain, line by line after discounts, at each line's rate:
/// rounded on each line, or once per rate and then split over its lines; one trace entry per
/// rate the order uses.
#[inline]
pub(crate) fn price(sheet: &mut Sheet, tax: &TaxRule) -> Result<()> {
    let (order, out, split) = (sheet.order, &mut *sheet.out, &mut sheet.scratch.split);
    let rounding = sheet.rounding;
    let fail = || overflow("cart.lines");
    let rates: Vec<usize> = order
        .lines
        .iter()
        .map(|line| tax.rate_of(line.category_id))
        .collect();
    let gross: Vec<i128> = (0..rates.len())
        .map(|at| out.line_subtotals[at] - out.line_discounts[at])
        .collect();
    for (rate, gross) in rates.iter().zip(&gross) {
        let contained = if tax.per_total {
            0
        } else {
            apply_share(tax.rates[*rate].contained, *gross, rounding)?
        };
        out.line_tax.push(contained);
    }
    for (rate, rule) in tax.rates.iter().enumerate() {
        let lines: Vec<usize> = (0..rates.len()).filter(|at| rates[*at] == rate).collect();
        if lines.is_empty() {
            continue;
        }
        let total_gross = lines.iter().map(|at| gross[*at]).sum::<i128>();
        let total_tax = if tax.per_total {
            let total = apply_share(rule.contained, total_gross, rounding)?;
            let weights: Vec<i128> = lines.iter().map(|at| gross[*at]).collect();
            allocate_into(total, &weights, &mut split.parts, &mut split.remainders);
            for (at, part) in lines.iter().zip(&split.parts) {
                out.line_tax[*at] = *part;
            }
            total
        } else {
            lines.iter().map(|at| out.line_tax[*at]).sum()
        };
        if total_tax > total_gross {
            return Err(fail());
        }
        out.tax.push(TaxShare {
            rate,
            gross: total_gross,
            tax: total_tax,
        });
    }
    let units = sheet.units;
    if let Some(trace) = &mut sheet.trace {
        let money = |minor: i128| decimal_of(minor, units).to_string();
        for share in &sheet.out.tax {
            let rate = &tax.rates[share.rate];
            trace.push(
                Entry::new(
                    Kind::Tax,
                    &rate.percent.to_string(),
                    true,
                    Code::TaxIncluded,
                )
                .amount(money(share.tax))
                .param("percent", rate.percent)
                .param("base", money(share.gross)),
            );
        }
    }
    Ok(())
}
