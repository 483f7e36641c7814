//! The customer's tier preview in one call: where they stand, what it takes to go up or to stay,
//! and the months ahead at a chosen monthly spend.

use crate::customer::Customer;
use crate::error::Result;
use crate::program::Program;
use crate::projection::{
    project, to_keep, to_reach, CategorySpend, Plan, Projection, ProjectionRequest, Redeem, Target,
};
use crate::tiers;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    pub program: Program,
    #[serde(default)]
    pub customer: Customer,
    pub as_of: NaiveDate,
    /// The what-if: spend per month from the next month on.
    pub monthly: Vec<CategorySpend>,
    #[serde(default = "a_year")]
    pub months: u32,
    #[serde(default)]
    pub redeem: Redeem,
}

pub(crate) fn a_year() -> u32 {
    12
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Preview {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    pub qualifying: Decimal,
    /// What it takes to reach the next tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reach: Option<Target>,
    /// What it takes to keep the current tier at the next review.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep: Option<Target>,
    pub projection: Projection,
}

pub fn preview(request: &PreviewRequest) -> Result<Preview> {
    let program = &request.program;
    let projection = project(&ProjectionRequest {
        program: program.clone(),
        customer: request.customer.clone(),
        start: tiers::next_month_start(request.as_of),
        months: request.months,
        plan: Plan::Monthly {
            spend: request.monthly.clone(),
            day: 15,
            orders_per_month: 1,
        },
        redeem: request.redeem,
    })?;
    let money = program.money();
    let tiers::Standing { qualifying, tier } =
        tiers::standing(program, &request.customer, request.as_of);
    let reach = program
        .tiers
        .get(tier.map_or(0, |i| i + 1))
        .and_then(|next| to_reach(program, &request.customer, &next.id, request.as_of))
        .map(|target| Target {
            remaining: money.round(target.remaining),
            ..target
        });
    let mut customer = request.customer.clone();
    customer.tier = tier.map(|i| program.tiers[i].id.clone());
    let keep = tier
        .filter(|i| *i > 0)
        .and_then(|_| to_keep(program, &customer, request.as_of))
        .map(|target| Target {
            remaining: money.round(target.remaining),
            ..target
        });
    Ok(Preview {
        tier: customer.tier,
        qualifying: money.round(qualifying),
        reach,
        keep,
        projection,
    })
}
