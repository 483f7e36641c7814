//! Margin impact for the seller, and side-by-side comparison of program variants on the same
//! customer behaviour. Give-aways are counted when the customer receives them (discounts, points
//! redeemed, store credit); points still outstanding are the liability, weighted by redemption.

use crate::analytics::projection::{
    cycle_days, project, project_parts, Plan, Projecting, Projection, ProjectionRequest, Redeem,
};
use crate::checkout::margin::share_percent;
use crate::error::{Error, ErrorCode, Result};
use crate::format::cart::Line;
use crate::format::customer::Customer;
use crate::format::program::{Period, Program};
use crate::format::validate::{self, Checked};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

/// The seller's economics.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Economics {
    /// Gross margin on sales, in %.
    pub gross_margin_percent: Decimal,
    /// Other margins for some categories.
    #[serde(default)]
    pub category_margins: Vec<CategoryMargin>,
    /// The share of issued points that will ever be redeemed, in % (100 − breakage).
    #[serde(default = "crate::money::exact::hundred")]
    pub redemption_rate_percent: Decimal,
    /// Customers lost per month, in %, without the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_churn_percent: Option<Decimal>,
    /// Customers lost per month, in %, with the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_churn_with_program_percent: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryMargin {
    pub category: String,
    pub percent: Decimal,
}

impl Economics {
    fn validate(&self) -> Result<()> {
        validate::percent(self.gross_margin_percent, "economics.gross_margin_percent")?;
        validate::percent(
            self.redemption_rate_percent,
            "economics.redemption_rate_percent",
        )?;
        for (index, margin) in self.category_margins.iter().enumerate() {
            validate::percent(
                margin.percent,
                &format!("economics.category_margins[{index}].percent"),
            )?;
        }
        for (value, path) in [
            (self.monthly_churn_percent, "monthly_churn_percent"),
            (
                self.monthly_churn_with_program_percent,
                "monthly_churn_with_program_percent",
            ),
        ] {
            if let Some(value) = value {
                validate::percent(value, &format!("economics.{path}"))?;
                if value.is_zero() {
                    return Err(Error::new(
                        ErrorCode::OutOfRange,
                        format!("economics.{path}"),
                        "churn must be above zero for a finite lifetime",
                    ));
                }
            }
        }
        Ok(())
    }

    fn margin_of(&self, category: &str) -> Decimal {
        self.category_margins
            .iter()
            .find(|m| m.category == category)
            .map_or(self.gross_margin_percent, |m| m.percent)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MarginRequest {
    pub projection: ProjectionRequest,
    pub economics: Economics,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarginImpact {
    pub currency: String,
    pub months: Vec<MonthMargin>,
    pub totals: MarginTotals,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthMargin {
    pub month: String,
    pub orders: u32,
    pub revenue: Decimal,
    pub gross_profit_without: Decimal,
    pub program_cost: Decimal,
    pub gross_profit_with: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarginTotals {
    pub orders: u32,
    pub revenue: Decimal,
    pub gross_profit_without: Decimal,
    pub discounts: Decimal,
    pub points_redeemed_value: Decimal,
    pub store_credit: Decimal,
    pub membership_fees: Decimal,
    pub program_cost: Decimal,
    pub gross_profit_with: Decimal,
    /// Program cost ÷ gross profit without the program, in %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub give_away_share: Option<Decimal>,
    /// The extra volume that keeps gross profit flat: cost ÷ (gross profit − cost), in %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub break_even_uplift: Option<Decimal>,
    /// Per order, averaged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profit_per_order_without: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profit_per_order_with: Option<Decimal>,
    pub points_outstanding: u64,
    /// Outstanding points × value per point × redemption rate.
    pub points_liability: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Retention {
    pub monthly_churn_percent: Decimal,
    /// 1 ÷ churn.
    pub expected_lifetime_months: Decimal,
    pub lifetime_profit_without_program: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_churn_with_program_percent: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifetime_profit_with_program: Option<Decimal>,
}

pub fn margin_impact(request: &MarginRequest) -> Result<MarginImpact> {
    request.economics.validate()?;
    let projection = project(&request.projection).map_err(|e| {
        if e.path.is_empty() {
            e
        } else {
            e.under("projection")
        }
    })?;
    assess(request.projection.parts(), &projection, &request.economics)
}

fn assess(
    request: Projecting,
    projection: &Projection,
    economics: &Economics,
) -> Result<MarginImpact> {
    let program = request.program;
    let money = program.money();
    let fees = membership_fees(program, request.customer, request.start, request.months);
    let mut months = Vec::with_capacity(projection.months.len());
    let mut orders_total = 0;
    let (mut gross_without, mut discounts, mut redeemed, mut credit) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (index, month) in projection.months.iter().enumerate() {
        let (orders, gross) = gross_profit_of_month(request, economics, index);
        let month_redeemed = redeemed_value(program, month.points_redeemed)?;
        let cost = month.discount + month.store_credit_earned + month_redeemed
            - fees.get(index).copied().unwrap_or(Decimal::ZERO);
        orders_total += orders;
        gross_without += gross;
        discounts += month.discount;
        credit += month.store_credit_earned;
        redeemed += month_redeemed;
        months.push(MonthMargin {
            month: month.month.clone(),
            orders,
            revenue: month.spend,
            gross_profit_without: money.round(gross),
            program_cost: money.round(cost),
            gross_profit_with: money.round(gross - cost),
        });
    }
    let membership_fees: Decimal = fees.iter().copied().sum();
    let program_cost = discounts + redeemed + credit - membership_fees;
    let gross_with = gross_without - program_cost;
    let outstanding = projection.months.last().map_or(0, |m| m.points_balance);
    let value = program
        .points
        .as_ref()
        .map_or(Decimal::ZERO, |p| p.value_per_point);
    let per_order = |amount: Decimal| {
        (orders_total > 0).then(|| money.round(amount / Decimal::from(orders_total)))
    };
    let months_count = Decimal::from(projection.months.len().max(1) as u64);
    // A tiny churn is a very long lifetime, whose profit may not fit: checked.
    let lifetime = |churn: Decimal, gross: Decimal, path| -> Result<(Decimal, Decimal)> {
        let at = Checked { path };
        let months = at.div(Decimal::ONE_HUNDRED, churn)?.round_dp(2);
        let per_month = at.div(gross, months_count)?;
        let profit = at.div(at.mul(per_month, Decimal::ONE_HUNDRED)?, churn)?;
        Ok((months, money.round(profit)))
    };
    let retention = match economics.monthly_churn_percent {
        None => None,
        Some(churn) => {
            let (months, without) =
                lifetime(churn, gross_without, "economics.monthly_churn_percent")?;
            let with = match economics.monthly_churn_with_program_percent {
                None => None,
                Some(with) => Some(
                    lifetime(
                        with,
                        gross_with,
                        "economics.monthly_churn_with_program_percent",
                    )?
                    .1,
                ),
            };
            Some(Retention {
                monthly_churn_percent: churn,
                expected_lifetime_months: months,
                lifetime_profit_without_program: without,
                monthly_churn_with_program_percent: economics.monthly_churn_with_program_percent,
                lifetime_profit_with_program: with,
            })
        }
    };
    // Outstanding points × value × expected redemption.
    let at_value = Checked {
        path: "program.points.value_per_point",
    };
    let liability = at_value.percent_of(
        at_value.mul(Decimal::from(outstanding), value)?,
        economics.redemption_rate_percent,
    )?;
    Ok(MarginImpact {
        currency: program.currency.clone(),
        months,
        totals: MarginTotals {
            orders: orders_total,
            revenue: projection.totals.spend,
            gross_profit_without: money.round(gross_without),
            discounts: money.round(discounts),
            points_redeemed_value: money.round(redeemed),
            store_credit: money.round(credit),
            membership_fees: money.round(membership_fees),
            program_cost: money.round(program_cost),
            gross_profit_with: money.round(gross_with),
            give_away_share: share_percent(program_cost, gross_without),
            break_even_uplift: share_percent(program_cost, gross_with),
            profit_per_order_without: per_order(gross_without),
            profit_per_order_with: per_order(gross_with),
            points_outstanding: outstanding,
            points_liability: money.round(liability),
        },
        retention,
    })
}

fn redeemed_value(program: &Program, points: u64) -> Result<Decimal> {
    match &program.points {
        None => Ok(Decimal::ZERO),
        Some(p) => Checked {
            path: "program.points.value_per_point",
        }
        .mul(p.value_per_point, Decimal::from(points)),
    }
}

/// Orders and gross profit without the program in month `index`, from the plan's lines and margins.
fn gross_profit_of_month(
    request: Projecting,
    economics: &Economics,
    index: usize,
) -> (u32, Decimal) {
    let first = crate::rules::periods::period_start(Period::Month, request.start);
    let Some(start) = first.checked_add_months(Months::new(index as u32)) else {
        return (0, Decimal::ZERO);
    };
    let next = start.checked_add_months(Months::new(1)).unwrap_or(start);
    let margin = |category: &str, amount: Decimal| {
        amount * economics.margin_of(category) / Decimal::ONE_HUNDRED
    };
    let line_profit = |line: &Line| line_profit_with(economics, line);
    match request.plan {
        Plan::Monthly {
            spend,
            orders_per_month,
            ..
        } => {
            let gross: Decimal = spend.iter().map(|s| margin(&s.category, s.amount)).sum();
            let buys = spend.iter().any(|s| !s.amount.is_zero());
            (if buys { *orders_per_month } else { 0 }, gross)
        }
        Plan::Basket(basket) => {
            // The basket's orders whose day falls in this month, as the projection places them.
            let orders = cycle_days(request, basket.day, basket.orders_per_month)
                .iter()
                .filter(|(date, _)| *date >= start && *date < next)
                .count() as u32;
            let gross: Decimal = basket.lines.iter().map(line_profit).sum();
            (orders, gross * Decimal::from(orders))
        }
        Plan::Orders { orders } => {
            let month: Vec<_> = orders
                .iter()
                .filter(|o| o.date >= start && o.date < next)
                .collect();
            let gross = month.iter().flat_map(|o| &o.lines).map(line_profit).sum();
            (month.len() as u32, gross)
        }
    }
}

/// A line's gross profit: from its unit cost, or else its category's margin.
fn line_profit_with(economics: &Economics, line: &Line) -> Decimal {
    let revenue = line.unit_price * Decimal::from(line.quantity);
    match line.unit_cost {
        Some(cost) => (line.unit_price - cost) * Decimal::from(line.quantity),
        None => revenue * economics.margin_of(&line.category) / Decimal::ONE_HUNDRED,
    }
}

/// The membership fee charged at the start of each fee period while the customer is a member.
fn membership_fees(
    program: &Program,
    customer: &Customer,
    start: NaiveDate,
    months: u32,
) -> Vec<Decimal> {
    let Some(membership) = &program.membership else {
        return vec![Decimal::ZERO; months as usize];
    };
    let every = match membership.period {
        Period::Month => 1,
        Period::Quarter => 3,
        Period::Year => 12,
    };
    let first = crate::rules::periods::period_start(Period::Month, start);
    (0..months)
        .map(|index| {
            let day = first
                .checked_add_months(Months::new(index))
                .unwrap_or(first);
            if index % every == 0 && customer.is_member(day) {
                membership.fee
            } else {
                Decimal::ZERO
            }
        })
        .collect()
}

/// Variants of a program run on the same customer behaviour.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CompareRequest {
    #[serde(default)]
    pub customer: Customer,
    pub start: NaiveDate,
    pub months: u32,
    pub plan: Plan,
    #[serde(default)]
    pub redeem: Redeem,
    pub economics: Economics,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub name: String,
    pub program: Program,
}

/// One row per variant, ready to chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComparisonRow {
    pub variant: String,
    pub revenue: Decimal,
    pub customer_benefit: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_return: Option<Decimal>,
    pub program_cost: Decimal,
    pub gross_profit_without: Decimal,
    pub gross_profit_with: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub give_away_share: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub break_even_uplift: Option<Decimal>,
    pub points_liability: Decimal,
}

pub fn compare(request: &CompareRequest) -> Result<Vec<ComparisonRow>> {
    request.economics.validate()?;
    if request.variants.is_empty() {
        return Err(Error::new(
            ErrorCode::Empty,
            "variants",
            "give at least one variant",
        ));
    }
    request
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let projecting = Projecting {
                program: &variant.program,
                customer: &request.customer,
                start: request.start,
                months: request.months,
                plan: &request.plan,
                redeem: request.redeem,
            };
            let projection = projecting
                .validate()
                .and_then(|rules| project_parts(&rules, projecting))
                .map_err(|e| match e.path.strip_prefix("program") {
                    Some(rest) => Error {
                        path: crate::error::join_path(
                            &format!("variants[{index}].program"),
                            rest.trim_start_matches('.'),
                        ),
                        ..e
                    },
                    None => e,
                })?;
            let impact = assess(projecting, &projection, &request.economics)?;
            Ok(ComparisonRow {
                variant: variant.name.clone(),
                revenue: impact.totals.revenue,
                customer_benefit: projection.totals.benefit,
                effective_return: projection.totals.effective_return,
                program_cost: impact.totals.program_cost,
                gross_profit_without: impact.totals.gross_profit_without,
                gross_profit_with: impact.totals.gross_profit_with,
                give_away_share: impact.totals.give_away_share,
                break_even_uplift: impact.totals.break_even_uplift,
                points_liability: impact.totals.points_liability,
            })
        })
        .collect()
}
