//! Chance rewards: a prize drawn with some probability on an order, costed at its expected value
//! (the chance times the cost, rounded as the program says). Trace: `chance_to_win`.

use crate::error::{Error, ErrorCode, Result};
use crate::format::program as format;
use crate::format::trace::{Code, Entry, Kind};
use crate::money::exact::{compare, Fraction};
use crate::money::Rounding;
use crate::rules::order::Sheet;
use crate::rules::values::{too_precise, Check};
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
pub struct ChanceRule {
    pub id: String,
    pub chance: Decimal,
    /// The chance times the cost, rounded: what one order costs on average.
    pub expected_cost: i128,
}

/// Compiles the program's `chance_rewards`.
pub(crate) fn compile(
    chance_rewards: &[format::ChanceReward],
    check: &Check,
    rounding: Rounding,
) -> Result<Vec<ChanceRule>> {
    let mut chances = Vec::with_capacity(chance_rewards.len());
    for (
        index,
        format::ChanceReward {
            id,
            name: _, // checked by `names::check_names`
            chance,
            cost,
        },
    ) in chance_rewards.iter().enumerate()
    {
        let path = |field: &str| format!("chance_rewards[{index}].{field}");
        if chance.is_sign_negative() || compare(*chance, Decimal::ONE).is_gt() {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                path("chance"),
                "a chance is a number from 0 to 1",
            ));
        }
        let cost = check.amount(*cost, &|| path("cost"))?;
        let expected_cost = Fraction::of(*chance)
            .and_then(|c| c.apply(cost.minor.unsigned_abs(), rounding))
            .and_then(|minor| i128::try_from(minor).ok())
            .ok_or_else(|| too_precise(&path("chance")))?;
        chances.push(ChanceRule {
            id: id.clone(),
            chance: *chance,
            expected_cost,
        });
    }
    Ok(chances)
}

/// Each chance reward's entry: the chance and what it costs on average.
#[inline]
pub(crate) fn note(sheet: &mut Sheet, chances: &[ChanceRule]) {
    for chance in chances {
        sheet.note(|s| {
            Entry::new(Kind::Chance, &chance.id, true, Code::ChanceToWin)
                .param("chance", chance.chance)
                .param("expected_cost", s.money(chance.expected_cost))
        });
    }
}
