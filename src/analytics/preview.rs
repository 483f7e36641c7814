//! The customer's tier preview in one call: where they stand, what it takes to go up or to stay,
//! and the months ahead at a chosen monthly spend.

use crate::analytics::projection::{
    project_parts, to_keep, to_reach, Basket, CategorySpend, Plan, Projecting, Projection, Redeem,
    Target,
};
use crate::error::{Error, ErrorCode, Result};
use crate::format::customer::Customer;
use crate::format::program::Program;
use crate::rules::periods;
use crate::rules::Ledger;
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
    /// The what-if: spend per month from the next month on…
    #[serde(default)]
    pub monthly: Vec<CategorySpend>,
    /// …or the customer's typical basket, placed `orders_per_month` times a month (instead of
    /// `monthly`): priced as a quote of it, so that points per unit or by attribute count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basket: Option<Basket>,
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
    /// Campaigns (dated, on some days, or around the birthday) that hold on some day from
    /// `as_of` to the projection's end.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<crate::analytics::campaigns::Campaign>,
}

pub fn preview(request: &PreviewRequest) -> Result<Preview> {
    let program = &request.program;
    let plan = match &request.basket {
        Some(basket) => Plan::Basket(basket.clone()),
        None => Plan::Monthly {
            spend: request.monthly.clone(),
            day: 15,
            orders_per_month: 1,
        },
    };
    let projecting = Projecting {
        program,
        customer: &request.customer,
        start: periods::next_month_start(request.as_of),
        months: request.months,
        plan: &plan,
        redeem: request.redeem,
    };
    if let Some(basket) = &request.basket {
        if !request.monthly.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                "basket",
                "a preview takes a monthly spend or a basket, not both",
            ));
        }
        // Its refusals name the preview's own field, `basket.lines[0].quantity`.
        basket.validate(program).map_err(|e| e.under("basket"))?;
    }
    let rules = projecting.validate()?;
    let projection = project_parts(&rules, projecting)?;
    let money = program.money();
    let ledger = Ledger::open(&rules, &request.customer);
    let qualifying = ledger.qualifying(&rules, request.as_of);
    let tier = ledger.tier_on(&rules, request.as_of);
    let rounded = |target: Target| Target {
        remaining: money.round(target.remaining),
        ..target
    };
    let reach = (tier.map_or(0, |i| i + 1) < rules.tiers.len()).then(|| {
        rounded(to_reach(
            &rules,
            &ledger,
            tier.map_or(0, |i| i + 1),
            request.as_of,
        ))
    });
    let keep = tier
        .filter(|i| *i > 0)
        .and_then(|_| to_keep(&rules, &ledger, request.as_of))
        .map(rounded);
    // The day before the month after the projection's last.
    let last_day = periods::next_month_start(request.as_of)
        .checked_add_months(chrono::Months::new(request.months))
        .and_then(|day| day.pred_opt())
        .unwrap_or(request.as_of);
    Ok(Preview {
        campaigns: crate::analytics::campaigns::upcoming(program, request.as_of, last_day),
        tier: tier.map(|i| rules.tiers[i].id.clone()),
        qualifying: match rules.tiering.qualifies_on {
            crate::format::program::Qualifier::Spend => {
                crate::money::exact::decimal_of(qualifying, rules.units)
            }
            crate::format::program::Qualifier::Points => {
                money.round(Decimal::from_i128_with_scale(qualifying, 0))
            }
        },
        reach,
        keep,
        projection,
    })
}
