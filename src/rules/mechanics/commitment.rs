//! Minimum commitments: a contract tier that asks for a minimum spend per month, quarter or year,
//! and how far the order takes the customer toward it. Trace: `commitment_met` or
//! `commitment_open`, with what is required, spent and remaining.

use crate::error::Result;
use crate::format::program::{self as format, Period};
use crate::format::trace::{Code, Entry, Kind};
use crate::rules::order::{CommitmentResult, Sheet};
use crate::rules::values::{Amount, Check};

#[derive(Debug, Clone, Copy)]
pub struct Commitment {
    pub amount: Amount,
    pub period: Period,
}

/// Compiles a tier's `min_commitment`.
pub(crate) fn compile(
    min_commitment: Option<&format::Commitment>,
    check: &Check,
    path: &impl Fn() -> String,
) -> Result<Option<Commitment>> {
    Ok(match min_commitment {
        Some(format::Commitment {
            amount: value,
            period,
        }) => Some(Commitment {
            amount: check.amount(*value, path)?,
            period: *period,
        }),
        None => None,
    })
}

/// Index of a commitment period in `Standing::period_spend`.
pub fn period_index(period: Period) -> usize {
    match period {
        Period::Month => 0,
        Period::Quarter => 1,
        Period::Year => 2,
    }
}

/// How far the order takes the customer toward their tier's commitment, if it has one.
#[inline]
pub(crate) fn price(sheet: &mut Sheet, tier_id: &str, commitment: Option<&Commitment>) {
    let Some(commitment) = commitment.copied() else {
        return;
    };
    let spent =
        sheet.standing.period_spend[period_index(commitment.period)] + sheet.out.after_discounts;
    let remaining = (commitment.amount.minor - spent).max(0);
    sheet.out.commitment = Some(CommitmentResult {
        period: commitment.period,
        required: commitment.amount,
        spent,
        remaining,
    });
    sheet.note(|s| {
        let code = if remaining == 0 {
            Code::CommitmentMet
        } else {
            Code::CommitmentOpen
        };
        Entry::new(Kind::Commitment, tier_id, remaining == 0, code)
            .param("required", commitment.amount.text)
            .param("spent", s.money(spent))
            .param("remaining", s.money(remaining))
    });
}
