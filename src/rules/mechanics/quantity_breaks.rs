//! Quantity breaks: a percentage off from a number of units, higher breaks for more units,
//! counted over the whole scope (one rate for every line, rounded once over the scope) or per
//! SKU (each line at the break its own SKU reaches, rounded on the line). Trace: `applied` with
//! the percentage and the break's quantity, or `below_quantity_break` with the units missing.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::Code;
use crate::money::Rounding;
use crate::rules::allocation::apply_share;
use crate::rules::order::{units_in, OrderLine, Rate, RuleEntries, Verdict};
use crate::rules::values::{Check, Percent};

/// `(from quantity, percent)`, quantities strictly increasing.
#[derive(Debug, Clone)]
pub struct QuantityBreaks {
    pub breaks: Vec<(u64, Percent)>,
    pub per_sku: bool,
}

/// Compiles a `quantity_breaks` value: at least one break, quantities strictly increasing from 1.
pub(crate) fn compile(
    breaks: &[format::QuantityBreak],
    counted: format::Counted,
    check: &Check,
    path: &impl Fn(&str) -> String,
) -> Result<QuantityBreaks> {
    if breaks.is_empty() {
        return Err(Error::new(
            ErrorCode::Empty,
            path("value.breaks"),
            "give at least one break",
        ));
    }
    let mut compiled: Vec<(u64, Percent)> = Vec::with_capacity(breaks.len());
    for (at, format::QuantityBreak { quantity, percent }) in breaks.iter().enumerate() {
        let step_path = |field: &str| path(&format!("value.breaks[{at}].{field}"));
        let quantity = u64::from(*quantity);
        if quantity == 0 || compiled.last().is_some_and(|(last, _)| quantity <= *last) {
            return Err(Error::new(
                ErrorCode::NotIncreasing,
                step_path("quantity"),
                "breaks start at strictly increasing quantities from 1",
            ));
        }
        compiled.push((quantity, check.percent(*percent, &|| step_path("percent"))?));
    }
    Ok(QuantityBreaks {
        breaks: compiled,
        per_sku: counted == format::Counted::PerSku,
    })
}

impl QuantityBreaks {
    /// The break the units in scope reach (the most any SKU reaches, counted per SKU); `rule`:
    /// the rule's index.
    #[inline]
    pub(crate) fn eligible(
        &self,
        rule: usize,
        lines: &[OrderLine],
        in_scope: &[usize],
        entries: RuleEntries,
    ) -> Verdict {
        let most = in_scope
            .iter()
            .map(|&at| units_in(lines, in_scope, self.per_sku.then_some(lines[at].sku)))
            .max()
            .unwrap_or(0);
        let Some((from, percent)) = self.breaks.iter().rev().find(|(from, _)| *from <= most) else {
            let (first, percent) = self.breaks[0];
            return Err(entries.refused(Code::BelowQuantityBreak, |e| {
                e.param("quantity", first - most)
                    .param("percent", percent.text)
            }));
        };
        let rate = if self.per_sku {
            Rate::BreaksPerSku(rule)
        } else {
            Rate::Share(percent.share)
        };
        let entry = entries.applied(|e| {
            e.param("percent", percent.text)
                .param("from_quantity", from)
        });
        Ok((rate, entry))
    }

    /// Counted per SKU: each line at the break its SKU's units reach, rounded on the line.
    pub(crate) fn split_per_sku(
        &self,
        lines: &[OrderLine],
        in_scope: &[usize],
        remaining: &[i128],
        rounding: Rounding,
        parts: &mut Vec<i128>,
    ) {
        parts.clear();
        parts.extend(in_scope.iter().map(|&at| {
            let units = units_in(lines, in_scope, Some(lines[at].sku));
            self.breaks
                .iter()
                .rev()
                .find(|(from, _)| *from <= units)
                .and_then(|(_, percent)| apply_share(percent.share, remaining[at], rounding).ok())
                .map_or(0, |part| part.min(remaining[at]))
        }));
    }
}
