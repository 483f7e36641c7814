//! Partial simulation reports, from runs over disjoint partitions of the customers
//! (`--partition K/N`), summed into the report of the whole history (feature `cli`). Every figure
//! is a sum, or is worked out again from sums (the liability, spend per customer), so the merge of
//! all N partitions is the whole run's report, exactly.

use crate::analytics::simulate::{Cohort, GroupTotals};
use crate::error::{Error, ErrorCode, Result};
use crate::history::report::{PartitionReport, Simulation, BAD_ROWS_LISTED};
use crate::money::exact::{decimal_of, minor_of, mul_div, Fraction};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Sums partial reports of one history under one program. When they hold every partition, the
/// result is the whole run's report, with no `partition`.
pub fn merge(reports: Vec<Simulation>) -> Result<Simulation> {
    let mut reports = reports.into_iter().enumerate();
    let Some((_, mut whole)) = reports.next() else {
        return Err(Error::new(
            ErrorCode::Empty,
            "reports",
            "give at least one report",
        ));
    };
    let mut info = partition_of(&whole, 0)?;
    for (at, part) in reports {
        let theirs = partition_of(&part, at)?;
        let path = || format!("reports[{at}].partition");
        if (
            theirs.of,
            theirs.minor_units,
            theirs.rounding,
            theirs.value_per_point,
        ) != (
            info.of,
            info.minor_units,
            info.rounding,
            info.value_per_point,
        ) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                path(),
                "the reports come from different partitionings or programs",
            ));
        }
        // Months are summed in step: every partition of one history reports all its months.
        let months = |report: &Simulation| -> Vec<String> {
            let tiers = &report.report.tiers_by_month;
            tiers.iter().map(|m| m.month.clone()).collect()
        };
        if months(&part) != months(&whole) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("reports[{at}].tiers_by_month"),
                "the reports cover different months: run every partition over the whole history's \
                 months (in Python, give each the same months=(first, last))",
            ));
        }
        if let Some(twice) = theirs.parts.iter().find(|p| info.parts.contains(p)) {
            return Err(Error::new(
                ErrorCode::DuplicateId,
                path(),
                format!("partition {twice} is given twice"),
            ));
        }
        info.parts.extend(&theirs.parts);
        add(&mut whole, part);
    }
    info.parts.sort_unstable();
    finish(&mut whole, &info);
    whole.partition = (info.parts.len() < info.of as usize).then_some(info);
    Ok(whole)
}

fn partition_of(report: &Simulation, at: usize) -> Result<PartitionReport> {
    report.partition.clone().ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            format!("reports[{at}].partition"),
            "not a partial report: run `loyalty simulate` with --partition K/N",
        )
    })
}

/// Adds `part`'s sums to `whole`'s.
fn add(whole: &mut Simulation, part: Simulation) {
    whole.rows += part.rows;
    whole.bad_rows += part.bad_rows;
    whole.bad_row_list.extend(part.bad_row_list);
    let (into, from) = (&mut whole.report, part.report);
    into.orders += from.orders;
    into.customers += from.customers;
    let cost = &mut into.program_cost;
    cost.discounts += from.program_cost.discounts;
    cost.points_redeemed_value += from.program_cost.points_redeemed_value;
    cost.store_credit += from.program_cost.store_credit;
    cost.total += from.program_cost.total;
    into.points_outstanding += from.points_outstanding;
    // Every partition reports every month of the whole history.
    for (month, theirs) in into.tiers_by_month.iter_mut().zip(from.tiers_by_month) {
        for (tier, count) in theirs.counts {
            *month.counts.entry(tier).or_default() += count;
        }
    }
    for theirs in from.groups {
        match into.groups.iter_mut().find(|g| g.group == theirs.group) {
            Some(group) => {
                group.customers += theirs.customers;
                group.orders += theirs.orders;
                group.spend += theirs.spend;
            }
            None => into.groups.push(theirs),
        }
    }
    let mut cohorts: BTreeMap<String, Cohort> = std::mem::take(&mut into.cohorts)
        .into_iter()
        .map(|c| (c.cohort.clone(), c))
        .collect();
    for theirs in from.cohorts {
        let cohort = cohorts.entry(theirs.cohort.clone()).or_insert(Cohort {
            cohort: theirs.cohort.clone(),
            customers: 0,
            spend_by_month: Vec::new(),
        });
        cohort.customers += theirs.customers;
        let spend = &mut cohort.spend_by_month;
        if spend.len() < theirs.spend_by_month.len() {
            spend.resize(theirs.spend_by_month.len(), Decimal::ZERO);
        }
        for (into, from) in spend.iter_mut().zip(theirs.spend_by_month) {
            *into += from;
        }
    }
    into.cohorts = cohorts.into_values().collect();
}

/// The figures that are not sums, worked out from the sums as the whole run works them out.
fn finish(whole: &mut Simulation, info: &PartitionReport) {
    let units = info.minor_units;
    let money = |minor: i128| decimal_of(minor, units);
    whole.bad_row_list.sort_by_key(|row| row.place);
    whole.bad_row_list.truncate(BAD_ROWS_LISTED);
    let report = &mut whole.report;
    // Outstanding points at face value: the value of a point in minor units, rounded once.
    let minor_per_point = info.value_per_point.and_then(|value| {
        Fraction::of(value)?.times(Fraction::new(crate::money::exact::pow10(units)?, 1)?)
    });
    report.points_liability = money(
        minor_per_point
            .and_then(|f| f.apply(u128::from(report.points_outstanding), info.rounding))
            .and_then(|v| i128::try_from(v).ok())
            .unwrap_or(0),
    );
    // The participants' group first, as the whole run lists them.
    report.groups.sort_by_key(|g| g.group);
    for GroupTotals {
        customers,
        spend,
        spend_per_customer,
        ..
    } in &mut report.groups
    {
        *spend_per_customer = (*customers > 0).then(|| {
            let total = minor_of(*spend, units).unwrap_or(0);
            money(
                mul_div(
                    total.max(0).unsigned_abs(),
                    1,
                    u128::from(*customers),
                    info.rounding,
                )
                .and_then(|v| i128::try_from(v).ok())
                .unwrap_or(0),
            )
        });
    }
}
