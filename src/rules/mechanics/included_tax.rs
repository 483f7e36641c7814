//! Included tax (VAT): prices that include tax, and the tax they contain after discounts, at a
//! default rate or a rate by category, rounded on each line or once per rate and then split over
//! its lines; entries at the same percent are one rate. Delivery contains tax at the default
//! rate, or split over the goods' rates in proportion, or none, as the program says; each
//! charge's part at a rate counts as a line of that rate. Trace: `tax_included` per rate, with
//! its base (and the delivery in it).

use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::program::DeliveryTax;
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
    /// The tax delivery contains.
    pub delivery: DeliveryTax,
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
        delivery,
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
        delivery: *delivery,
    })
}

/// A delivery amount in parts by rate, `(rate, part)`: all at the default rate, or split over
/// the rates in proportion to what the goods at each come to (`goods`, by rate; at the default
/// rate when they come to nothing), or none.
pub(crate) fn delivery_parts(
    tax: &TaxRule,
    goods: &[i128],
    amount: i128,
    parts: &mut Vec<(usize, i128)>,
) {
    let all_goods: i128 = goods.iter().sum();
    match tax.delivery {
        DeliveryTax::None => {}
        DeliveryTax::Proportional if all_goods > 0 => {
            // The largest-remainder method, without capping a part at its weight: delivery may
            // cost more than the goods. A part is at most 10^18 × 10^18 < 2^127 before division.
            let start = parts.len();
            let mut remainders = Vec::new();
            for (rate, weight) in goods.iter().enumerate().filter(|(_, w)| **w > 0) {
                let exact = amount * weight;
                parts.push((rate, exact / all_goods));
                remainders.push((exact % all_goods, parts.len() - 1));
            }
            let mut leftover = amount - parts[start..].iter().map(|(_, p)| p).sum::<i128>();
            remainders.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (_, at) in remainders {
                if leftover <= 0 {
                    break;
                }
                parts[at].1 += 1;
                leftover -= 1;
            }
        }
        DeliveryTax::DefaultRate | DeliveryTax::Proportional => parts.push((0, amount)),
    }
}

/// The tax contained in a delivery amount, each part rounded on its own, split over the rates
/// as the order's goods are (from the order's `shares`, delivery taken out): for points earned
/// on delivery before its discounts, net of tax.
pub(crate) fn contained_in_delivery(
    tax: &TaxRule,
    shares: &[TaxShare],
    amount: i128,
    rounding: crate::money::Rounding,
) -> Result<i128> {
    let mut goods = vec![0; tax.rates.len()];
    for share in shares {
        goods[share.rate] = share.gross - share.delivery;
    }
    let mut parts = Vec::new();
    delivery_parts(tax, &goods, amount, &mut parts);
    parts.iter().try_fold(0, |sum, (rate, part)| {
        Ok(sum + apply_share(tax.rates[*rate].contained, *part, rounding)?)
    })
}

/// The tax that prices including it contain, line by line after discounts, at each line's rate,
/// and delivery's after its discounts, as the program says: rounded on each line (each charge's
/// part at a rate a line of its own), or once per rate and then split over its lines and
/// delivery parts; one trace entry per rate the order uses.
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
    let mut goods = vec![0; tax.rates.len()];
    for (rate, gross) in rates.iter().zip(&gross) {
        goods[*rate] += gross;
    }
    // Each delivery charge after its discounts, in parts by rate: (charge, rate, part).
    let mut delivery: Vec<(usize, usize, i128)> = Vec::new();
    let mut parts = Vec::new();
    for (charge, price) in order.shipping.iter().enumerate() {
        parts.clear();
        let after = price - out.shipping_discounts.get(charge).copied().unwrap_or(0);
        delivery_parts(tax, &goods, after, &mut parts);
        delivery.extend(parts.iter().map(|(rate, part)| (charge, *rate, *part)));
    }
    out.shipping_tax.resize(order.shipping.len(), 0);
    let mut delivery_tax = vec![0; delivery.len()];
    for (rate, gross) in rates.iter().zip(&gross) {
        let contained = if tax.per_total {
            0
        } else {
            apply_share(tax.rates[*rate].contained, *gross, rounding)?
        };
        out.line_tax.push(contained);
    }
    if !tax.per_total {
        for ((_, rate, part), contained) in delivery.iter().zip(&mut delivery_tax) {
            *contained = apply_share(tax.rates[*rate].contained, *part, rounding)?;
        }
    }
    for (rate, rule) in tax.rates.iter().enumerate() {
        let lines: Vec<usize> = (0..rates.len()).filter(|at| rates[*at] == rate).collect();
        let parts: Vec<usize> = (0..delivery.len())
            .filter(|at| delivery[*at].1 == rate)
            .collect();
        if lines.is_empty() && parts.is_empty() {
            continue;
        }
        let delivery_gross = parts.iter().map(|at| delivery[*at].2).sum::<i128>();
        let total_gross = lines.iter().map(|at| gross[*at]).sum::<i128>() + delivery_gross;
        let total_tax = if tax.per_total {
            let total = apply_share(rule.contained, total_gross, rounding)?;
            let weights: Vec<i128> = (lines.iter().map(|at| gross[*at]))
                .chain(parts.iter().map(|at| delivery[*at].2))
                .collect();
            allocate_into(total, &weights, &mut split.parts, &mut split.remainders);
            for (at, part) in lines.iter().zip(&split.parts) {
                out.line_tax[*at] = *part;
            }
            for (at, part) in parts.iter().zip(&split.parts[lines.len()..]) {
                delivery_tax[*at] = *part;
            }
            total
        } else {
            lines.iter().map(|at| out.line_tax[*at]).sum::<i128>()
                + parts.iter().map(|at| delivery_tax[*at]).sum::<i128>()
        };
        if total_tax > total_gross {
            return Err(fail());
        }
        out.tax.push(TaxShare {
            rate,
            gross: total_gross,
            tax: total_tax,
            delivery: delivery_gross,
        });
    }
    for ((charge, _, _), contained) in delivery.iter().zip(&delivery_tax) {
        out.shipping_tax[*charge] += contained;
    }
    let units = sheet.units;
    if let Some(trace) = &mut sheet.trace {
        let money = |minor: i128| decimal_of(minor, units).to_string();
        for share in &sheet.out.tax {
            let rate = &tax.rates[share.rate];
            let mut entry = Entry::new(
                Kind::Tax,
                &rate.percent.to_string(),
                true,
                Code::TaxIncluded,
            )
            .amount(money(share.tax))
            .param("percent", rate.percent)
            .param("base", money(share.gross));
            if share.delivery > 0 {
                entry = entry.param("delivery", money(share.delivery));
            }
            trace.push(entry);
        }
    }
    Ok(())
}
