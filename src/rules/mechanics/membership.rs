//! Paid membership: members may earn at a multiplier and get members-only rules; the fee is for
//! the seller's break-even calculator, never priced into an order.

use crate::error::Result;
use crate::format::program as format;
use crate::money::exact::Fraction;
use crate::rules::values::{check_multiplier, too_precise, Check};

#[derive(Debug, Clone, Copy)]
pub struct MembershipRule {
    pub earn_multiplier: Option<Fraction>,
}

/// Compiles the program's `membership`.
pub(crate) fn compile(
    membership: Option<&format::Membership>,
    check: &Check,
) -> Result<Option<MembershipRule>> {
    Ok(match membership {
        None => None,
        Some(format::Membership {
            name: _, // checked by `names::check_names`
            fee,
            period: _,
            perks: _,
            earn_multiplier,
        }) => {
            // The fee is for the seller's break-even calculator, not pricing.
            check.amount(*fee, &|| "membership.fee".into())?;
            let earn_multiplier = match earn_multiplier {
                Some(m) => {
                    check_multiplier(*m, "membership.earn_multiplier")?;
                    Some(
                        Fraction::of(*m)
                            .ok_or_else(|| too_precise("membership.earn_multiplier"))?,
                    )
                }
                None => None,
            };
            Some(MembershipRule { earn_multiplier })
        }
    })
}
