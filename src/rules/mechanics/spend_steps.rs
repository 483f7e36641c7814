//! Spend steps: a percentage that grows with the customer's spend over their whole history
//! (with this order's items, where the program says), never with delivery. Trace: `applied`
//! with the step and the cumulative spend, or `below_first_step` with what remains to it.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::Code;
use crate::money::exact::compare;
use crate::rules::order::{Rate, RuleEntries, Sheet, Verdict};
use crate::rules::values::{Amount, Check, Percent};

#[derive(Debug, Clone)]
pub struct SpendSteps {
    pub steps: Vec<SpendStep>,
    pub include_current_order: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct SpendStep {
    pub from: Amount,
    pub percent: Percent,
}

/// Compiles a `spend_steps` value: at least one step, starting at strictly increasing spend.
pub(crate) fn compile(
    steps: &[format::SpendStep],
    include_current_order: bool,
    check: &Check,
    path: &impl Fn(&str) -> String,
) -> Result<SpendSteps> {
    if steps.is_empty() {
        return Err(Error::new(
            ErrorCode::Empty,
            path("value.steps"),
            "give at least one step",
        ));
    }
    let mut compiled: Vec<SpendStep> = Vec::with_capacity(steps.len());
    for (step_index, format::SpendStep { from, percent: p }) in steps.iter().enumerate() {
        let step_path = |field: &str| path(&format!("value.steps[{step_index}].{field}"));
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
    Ok(SpendSteps {
        steps: compiled,
        include_current_order,
    })
}

impl SpendSteps {
    /// The step the customer's spend reaches.
    #[inline]
    pub(crate) fn eligible(&self, sheet: &Sheet, entries: RuleEntries) -> Verdict {
        // Spend is the items': delivery never counts as spend.
        let cumulative = if self.include_current_order {
            sheet.standing.lifetime_spend + sheet.out.subtotal
        } else {
            sheet.standing.lifetime_spend
        };
        match self
            .steps
            .iter()
            .rev()
            .find(|step| step.from.minor <= cumulative)
        {
            Some(step) => Ok((
                Rate::Share(step.percent.share),
                entries.applied(|e| {
                    e.param("percent", step.percent.text)
                        .param("cumulative_spend", sheet.money(cumulative))
                        .param("step_from", step.from.text)
                }),
            )),
            None => {
                let first = &self.steps[0];
                Err(entries.refused(Code::BelowFirstStep, |e| {
                    e.param("cumulative_spend", sheet.money(cumulative))
                        .param("step_from", first.from.text)
                        .param("remaining", sheet.money(first.from.minor - cumulative))
                }))
            }
        }
    }
}
