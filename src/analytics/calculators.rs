//! The seller-side calculations of the domain brief, each a small pure function.

use crate::checkout::margin::share_percent;
use crate::error::{Error, ErrorCode, Result};
use crate::format::program::Program;
use crate::format::validate::{self, Checked};
use rust_decimal::Decimal;
use serde::Serialize;

/// One calculation, named by its key: `{"nps": {"scores": [9, 10, 6]}}`.
/// (Externally tagged, so that no input is buffered: a buffered program would double the Wasm.)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Calculation {
    /// The effective return of each catalog reward: its value ÷ the spend that earns its points.
    CatalogReturn { program: Box<Program> },
    /// The spend at which a paid membership pays back, and what it nets the seller.
    MembershipBreakEven {
        fee: Decimal,
        /// The members' discount, in %.
        discount_percent: Decimal,
        /// What a member is expected to spend per fee period.
        expected_spend: Decimal,
        gross_margin_percent: Decimal,
    },
    /// The expected cost per order of a chance reward (one in four wins a dessert).
    ChanceCost { chance: Decimal, cost: Decimal },
    /// A manufacturer's share of a dealer's ad, by the number of brands in it.
    CoopCompensation {
        ad_cost: Decimal,
        brands: u32,
        /// The share for 1, 2, 3… brands, in %.
        shares: Vec<Decimal>,
    },
    /// The cost of a channel incentive: points per unit sold, at a value per point.
    ChannelIncentive {
        points_per_unit: u64,
        value_per_point: Decimal,
        units: u64,
    },
    /// The cost of one acquired customer through referrals.
    ReferralCost {
        referrer_bonus: Decimal,
        friend_discount: Decimal,
        /// The share of referred friends who make a first purchase, in %.
        conversion_percent: Decimal,
    },
    /// Lifetime value, and its change when churn changes.
    Retention {
        monthly_profit: Decimal,
        churn_before_percent: Decimal,
        churn_after_percent: Decimal,
    },
    /// Net Promoter Score from 0–10 answers.
    Nps { scores: Vec<u8> },
}

/// Results are name → decimal string, so every calculator answers in the same shape.
pub type Answer = Vec<(String, String)>;

fn answer(pairs: &[(&str, String)]) -> Answer {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// To two decimals, half-up, always written with both.
fn money2(value: Decimal) -> String {
    let mut value =
        value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    value.rescale(2);
    value.to_string()
}

pub fn calculate(calculation: &Calculation) -> Result<Answer> {
    match calculation {
        Calculation::CatalogReturn { program } => catalog_return(program),
        Calculation::MembershipBreakEven {
            fee,
            discount_percent,
            expected_spend,
            gross_margin_percent,
        } => {
            validate::amount_in_range(*fee, "fee")?;
            validate::percent(*discount_percent, "discount_percent")?;
            validate::amount_in_range(*expected_spend, "expected_spend")?;
            validate::percent(*gross_margin_percent, "gross_margin_percent")?;
            if discount_percent.is_zero() {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "discount_percent",
                    "a membership with no discount never pays back",
                ));
            }
            // The customer breaks even when the discount saved equals the fee.
            let at_fee = Checked { path: "fee" };
            let break_even =
                at_fee.div(at_fee.mul(*fee, Decimal::ONE_HUNDRED)?, *discount_percent)?;
            let at_spend = Checked {
                path: "expected_spend",
            };
            let discount_cost = at_spend.percent_of(*expected_spend, *discount_percent)?;
            let gross_profit = at_spend.add(
                at_spend.sub(
                    at_spend.percent_of(*expected_spend, *gross_margin_percent)?,
                    discount_cost,
                )?,
                *fee,
            )?;
            Ok(answer(&[
                ("customer_break_even_spend", money2(break_even)),
                (
                    "customer_saving_at_expected_spend",
                    money2(at_spend.sub(discount_cost, *fee)?),
                ),
                ("seller_fee_income", money2(*fee)),
                ("seller_discount_cost", money2(discount_cost)),
                ("seller_net", money2(at_spend.sub(*fee, discount_cost)?)),
                (
                    "seller_gross_profit_at_expected_spend",
                    money2(gross_profit),
                ),
            ]))
        }
        Calculation::ChanceCost { chance, cost } => {
            if chance.is_sign_negative() || *chance > Decimal::ONE {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "chance",
                    "a chance is a number from 0 to 1",
                ));
            }
            validate::amount_in_range(*cost, "cost")?;
            let at_chance = Checked { path: "chance" };
            Ok(answer(&[
                (
                    "expected_cost_per_order",
                    money2(at_chance.mul(*chance, *cost)?),
                ),
                (
                    "orders_per_win",
                    if chance.is_zero() {
                        "never".into()
                    } else {
                        at_chance
                            .div(Decimal::ONE, *chance)?
                            .round_dp(2)
                            .to_string()
                    },
                ),
            ]))
        }
        Calculation::CoopCompensation {
            ad_cost,
            brands,
            shares,
        } => {
            validate::amount_in_range(*ad_cost, "ad_cost")?;
            if shares.is_empty() {
                return Err(Error::new(
                    ErrorCode::Empty,
                    "shares",
                    "give the share for at least one brand",
                ));
            }
            if *brands == 0 {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "brands",
                    "an ad shows at least one brand",
                ));
            }
            // Past the last listed count, the last share holds.
            let share = shares[(*brands as usize).min(shares.len()) - 1];
            validate::percent(share, "shares")?;
            let at_cost = Checked { path: "ad_cost" };
            let compensation = at_cost.percent_of(*ad_cost, share)?;
            Ok(answer(&[
                ("share_percent", share.to_string()),
                ("compensation", money2(compensation)),
                ("dealer_pays", money2(at_cost.sub(*ad_cost, compensation)?)),
            ]))
        }
        Calculation::ChannelIncentive {
            points_per_unit,
            value_per_point,
            units,
        } => {
            validate::amount_in_range(*value_per_point, "value_per_point")?;
            validate::points(*points_per_unit, "points_per_unit")?;
            validate::points(*units, "units")?;
            let per_unit = Checked {
                path: "points_per_unit",
            }
            .mul(Decimal::from(*points_per_unit), *value_per_point)?;
            let total_points = points_per_unit
                .checked_mul(*units)
                .ok_or_else(|| validate::overflow("units"))?;
            let total_cost = Checked { path: "units" }.mul(per_unit, Decimal::from(*units))?;
            Ok(answer(&[
                ("cost_per_unit", money2(per_unit)),
                ("points", total_points.to_string()),
                ("total_cost", money2(total_cost)),
            ]))
        }
        Calculation::ReferralCost {
            referrer_bonus,
            friend_discount,
            conversion_percent,
        } => {
            validate::amount_in_range(*referrer_bonus, "referrer_bonus")?;
            validate::amount_in_range(*friend_discount, "friend_discount")?;
            validate::percent(*conversion_percent, "conversion_percent")?;
            if conversion_percent.is_zero() {
                return Err(Error::new(
                    ErrorCode::OutOfRange,
                    "conversion_percent",
                    "with no conversions no customer is acquired",
                ));
            }
            // The referrer is paid only for converted friends; the friend's discount is used on the first purchase.
            let per_customer = Checked {
                path: "friend_discount",
            }
            .add(*referrer_bonus, *friend_discount)?;
            let referrals = Checked {
                path: "conversion_percent",
            }
            .div(Decimal::ONE_HUNDRED, *conversion_percent)?;
            Ok(answer(&[
                ("cost_per_acquired_customer", money2(per_customer)),
                ("referrals_per_customer", referrals.round_dp(2).to_string()),
            ]))
        }
        Calculation::Retention {
            monthly_profit,
            churn_before_percent,
            churn_after_percent,
        } => {
            for (value, path) in [
                (*churn_before_percent, "churn_before_percent"),
                (*churn_after_percent, "churn_after_percent"),
            ] {
                validate::percent(value, path)?;
                if value.is_zero() {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        path,
                        "churn must be above zero for a finite lifetime",
                    ));
                }
            }
            // Months a customer stays on average, and what they bring in that time.
            let lifetime = |churn: Decimal, path| -> Result<(Decimal, Decimal)> {
                let at = Checked { path };
                let months = at.div(Decimal::ONE_HUNDRED, churn)?;
                Ok((months, at.mul(*monthly_profit, months)?))
            };
            let (months_before, before) = lifetime(*churn_before_percent, "churn_before_percent")?;
            let (months_after, after) = lifetime(*churn_after_percent, "churn_after_percent")?;
            Ok(answer(&[
                (
                    "lifetime_months_before",
                    months_before.round_dp(2).to_string(),
                ),
                (
                    "lifetime_months_after",
                    months_after.round_dp(2).to_string(),
                ),
                ("lifetime_value_before", money2(before)),
                ("lifetime_value_after", money2(after)),
                (
                    "lifetime_value_change_percent",
                    share_percent(
                        Checked {
                            path: "monthly_profit",
                        }
                        .sub(after, before)?,
                        before,
                    )
                    .map_or("n/a".into(), |v| v.to_string()),
                ),
            ]))
        }
        Calculation::Nps { scores } => nps(scores),
    }
}

fn catalog_return(program: &Program) -> Result<Answer> {
    program.validate().map_err(|e| e.under("program"))?;
    let points = program.points.as_ref().ok_or_else(|| {
        Error::new(
            ErrorCode::UnknownReference,
            "program.points",
            "the program has no points",
        )
    })?;
    if points.earn.points.is_zero() {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            "program.points.earn.points",
            "the base rate earns no points, so no spend reaches a reward",
        ));
    }
    let mut rows = Vec::new();
    for (index, reward) in program.catalog.iter().enumerate() {
        // Spend needed at the base rate: points ÷ (points per amount) × amount.
        let path = format!("program.catalog[{index}].points");
        let at = Checked { path: &path };
        let spend = at.mul(
            at.div(Decimal::from(reward.points), points.earn.points)?,
            points.earn.per_amount,
        )?;
        rows.push((format!("{}.spend_needed", reward.id), money2(spend)));
        rows.push((
            format!("{}.effective_return_percent", reward.id),
            share_percent(reward.value, spend).map_or("n/a".into(), |v| v.to_string()),
        ));
    }
    Ok(rows)
}

fn nps(scores: &[u8]) -> Result<Answer> {
    if scores.is_empty() {
        return Err(Error::new(
            ErrorCode::Empty,
            "scores",
            "give at least one score",
        ));
    }
    if let Some(index) = scores.iter().position(|s| *s > 10) {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            format!("scores[{index}]"),
            "a score is 0 to 10",
        ));
    }
    let count = Decimal::from(scores.len() as u64);
    let promoters = Decimal::from(scores.iter().filter(|s| **s >= 9).count() as u64);
    let detractors = Decimal::from(scores.iter().filter(|s| **s <= 6).count() as u64);
    let percent = |part: Decimal| part * Decimal::ONE_HUNDRED / count;
    Ok(answer(&[
        (
            "promoters_percent",
            percent(promoters).round_dp(2).to_string(),
        ),
        (
            "detractors_percent",
            percent(detractors).round_dp(2).to_string(),
        ),
        ("nps", {
            let mut nps = (percent(promoters) - percent(detractors)).round_dp(1);
            nps.rescale(1);
            nps.to_string()
        }),
        ("responses", scores.len().to_string()),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_json;

    fn refused(request: &str) -> Error {
        calculate(&from_json(request).unwrap()).unwrap_err()
    }

    #[test]
    fn tiny_rates_overflow_with_a_path_instead_of_panicking() {
        let tiny = "0.0000000000000000000000000001";
        let cases = [
            (
                format!(
                    r#"{{"referral_cost": {{"referrer_bonus": "10", "friend_discount": "5", "conversion_percent": "{tiny}"}}}}"#
                ),
                "conversion_percent",
            ),
            (
                format!(
                    r#"{{"retention": {{"monthly_profit": "10", "churn_before_percent": "{tiny}", "churn_after_percent": "2"}}}}"#
                ),
                "churn_before_percent",
            ),
            (
                format!(
                    r#"{{"membership_break_even": {{"fee": "1000000", "discount_percent": "{tiny}", "expected_spend": "100", "gross_margin_percent": "30"}}}}"#
                ),
                "fee",
            ),
        ];
        for (request, path) in cases {
            let error = refused(&request);
            assert_eq!(
                (error.code, error.path.as_str()),
                (ErrorCode::Overflow, path)
            );
        }
    }
}
