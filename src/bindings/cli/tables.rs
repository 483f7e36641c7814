//! The command's text output on a terminal: a quote, a projection, a portfolio forecast, a margin
//! impact, a comparison and a simulation as aligned columns.

use loyalty::analytics::economics::{ComparisonRow, MarginImpact};
use loyalty::analytics::portfolio::Portfolio;
use loyalty::analytics::projection::Projection;
use loyalty::history::csv_file::Simulation;
use loyalty::Quote;

pub(crate) fn quote_table(quote: &Quote) -> String {
    let mut rows = vec![format!(
        "{:<16} {:>5} {:>14} {:>12} {:>14}",
        "sku", "qty", "subtotal", "discount", "total"
    )];
    for line in &quote.lines {
        rows.push(format!(
            "{:<16} {:>5} {:>14} {:>12} {:>14}",
            line.sku, line.quantity, line.subtotal, line.discount, line.total
        ));
    }
    rows.push(String::new());
    let currency = &quote.currency;
    rows.push(format!(
        "{:<24} {:>14} {currency}",
        "subtotal", quote.subtotal
    ));
    for discount in &quote.discounts {
        rows.push(format!(
            "{:<24} {:>14} {currency}",
            format!("- {}", discount.name),
            discount.amount
        ));
    }
    rows.push(format!(
        "{:<24} {:>14} {currency}",
        "points redeemed", quote.points_value
    ));
    rows.push(format!(
        "{:<24} {:>14} {currency}",
        "payable", quote.payable
    ));
    if let Some(points) = &quote.points {
        rows.push(format!("{:<24} {:>14}", "points earned", points.earned));
        if let Some(employee) = points.employee_earned {
            rows.push(format!("{:<24} {:>14}", "employee points earned", employee));
        }
        rows.push(format!(
            "{:<24} {:>14}",
            "points balance after", points.balance_after
        ));
    }
    if let Some(cashback) = &quote.cashback {
        rows.push(format!(
            "{:<24} {:>14} {currency}",
            "cashback earned", cashback.earned
        ));
    }
    if let Some(tier) = &quote.tier {
        rows.push(format!(
            "{:<24} {:>14}",
            "tier",
            tier.after.as_deref().unwrap_or("-")
        ));
        if let Some(next) = &tier.next {
            rows.push(format!(
                "{:<24} {:>14} {currency} to {}",
                "next tier", next.remaining, next.name
            ));
        }
    }
    if let Some(margin) = &quote.margin {
        rows.push(format!(
            "{:<24} {:>14} {currency}",
            "gross profit before", margin.gross_profit_before
        ));
        rows.push(format!(
            "{:<24} {:>14} {currency}",
            "gross profit after", margin.gross_profit_after
        ));
    }
    rows.join("\n")
}

/// Renders rows as columns: the first left-aligned, the rest right-aligned.
fn columns(rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    rows.iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(c, cell)| {
                    if c == 0 {
                        format!("{cell:<w$}", w = widths[c])
                    } else {
                        format!("{cell:>w$}", w = widths[c])
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn cells(values: &[&dyn std::fmt::Display]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

pub(crate) fn projection_table(projection: &Projection) -> String {
    let mut rows = vec![cells(&[
        &"month",
        &"tier",
        &"spend",
        &"discount",
        &"earned",
        &"redeemed",
        &"expired",
        &"balance",
        &"credit",
        &"benefit",
        &"return %",
    ])];
    for m in &projection.months {
        let ret = m
            .effective_return
            .map(|r| r.to_string())
            .unwrap_or_default();
        rows.push(cells(&[
            &m.month,
            &m.tier.as_deref().unwrap_or("-"),
            &m.spend,
            &m.discount,
            &m.points_earned,
            &m.points_redeemed,
            &m.points_expired,
            &m.points_balance,
            &m.store_credit_earned,
            &m.benefit,
            &ret,
        ]));
    }
    let t = &projection.totals;
    let ret = t
        .effective_return
        .map(|r| r.to_string())
        .unwrap_or_default();
    rows.push(cells(&[
        &"total",
        &t.final_tier.as_deref().unwrap_or("-"),
        &t.spend,
        &t.discount,
        &t.points_earned,
        &t.points_redeemed,
        &t.points_expired,
        &"",
        &t.store_credit_earned,
        &t.benefit,
        &ret,
    ]));
    let mut text = columns(&rows);
    for expiring in &projection.expiry_schedule {
        text += &format!("\n{} points expire on {}", expiring.points, expiring.date);
    }
    format!("all amounts in {}\n{text}", projection.currency)
}

pub(crate) fn portfolio_table(portfolio: &Portfolio) -> String {
    let mut rows = vec![cells(&[
        &"month",
        &"spend",
        &"discount",
        &"earned",
        &"redeemed",
        &"expired",
        &"benefit",
        &"tiers",
    ])];
    for m in &portfolio.months {
        let f = &m.figures;
        let tiers: Vec<String> = m.tiers.iter().map(|(t, n)| format!("{t} {n}")).collect();
        rows.push(cells(&[
            &m.month,
            &f.spend,
            &f.discount,
            &f.points_earned,
            &f.points_redeemed,
            &f.points_expired,
            &f.benefit,
            &tiers.join(", "),
        ]));
    }
    let t = &portfolio.totals;
    rows.push(cells(&[
        &"total",
        &t.spend,
        &t.discount,
        &t.points_earned,
        &t.points_redeemed,
        &t.points_expired,
        &t.benefit,
        &"",
    ]));
    format!(
        "{} customers; all amounts in {}\n{}\n{} points outstanding, worth {}",
        portfolio.customers,
        portfolio.currency,
        columns(&rows),
        portfolio.points_outstanding,
        portfolio.points_outstanding_value
    )
}

pub(crate) fn margin_table(impact: &MarginImpact) -> String {
    let mut rows = vec![cells(&[
        &"month",
        &"orders",
        &"revenue",
        &"profit without",
        &"program cost",
        &"profit with",
    ])];
    for m in &impact.months {
        rows.push(cells(&[
            &m.month,
            &m.orders,
            &m.revenue,
            &m.gross_profit_without,
            &m.program_cost,
            &m.gross_profit_with,
        ]));
    }
    let t = &impact.totals;
    rows.push(cells(&[
        &"total",
        &t.orders,
        &t.revenue,
        &t.gross_profit_without,
        &t.program_cost,
        &t.gross_profit_with,
    ]));
    let opt = |v: Option<rust_decimal::Decimal>| {
        v.map(|v| format!("{v} %")).unwrap_or_else(|| "n/a".into())
    };
    format!(
        "all amounts in {}\n{}\n\nshare of gross profit given away  {}\nbreak-even volume uplift         {}\npoints outstanding               {}\npoints liability                 {}",
        impact.currency,
        columns(&rows),
        opt(t.give_away_share),
        opt(t.break_even_uplift),
        t.points_outstanding,
        t.points_liability
    )
}

pub(crate) fn comparison_table(rows: &[ComparisonRow]) -> String {
    let opt =
        |v: Option<rust_decimal::Decimal>| v.map(|v| v.to_string()).unwrap_or_else(|| "n/a".into());
    let mut table = vec![cells(&[
        &"variant",
        &"revenue",
        &"benefit",
        &"return %",
        &"cost",
        &"profit with",
        &"given away %",
        &"uplift %",
        &"liability",
    ])];
    for r in rows {
        table.push(cells(&[
            &r.variant,
            &r.revenue,
            &r.customer_benefit,
            &opt(r.effective_return),
            &r.program_cost,
            &r.gross_profit_with,
            &opt(r.give_away_share),
            &opt(r.break_even_uplift),
            &r.points_liability,
        ]));
    }
    columns(&table)
}

pub(crate) fn simulation_text(simulation: &Simulation) -> String {
    let r = &simulation.report;
    let c = &r.program_cost;
    let mut text = format!(
        "rows {}  orders {}  customers {}  bad rows {}\nprogram cost {} (discounts {}, points {}, store credit {})\npoints outstanding {}  liability at face value {}\n",
        simulation.rows, r.orders, r.customers, simulation.bad_rows, c.total, c.discounts, c.points_redeemed_value, c.store_credit, r.points_outstanding, r.points_liability
    );
    for bad in &simulation.bad_row_list {
        text += &format!("bad row at {}: {}\n", bad.place, bad.message);
    }
    let mut groups = vec![cells(&[
        &"group",
        &"customers",
        &"orders",
        &"spend",
        &"per customer",
    ])];
    for g in &r.groups {
        let group = match g.group {
            Some(loyalty::analytics::simulate::Group::Control) => "control",
            _ => "participants",
        };
        groups.push(cells(&[
            &group,
            &g.customers,
            &g.orders,
            &g.spend,
            &g.spend_per_customer
                .map(|s| s.to_string())
                .unwrap_or_default(),
        ]));
    }
    text += &columns(&groups);
    text += "\n\ntiers by month\n";
    for month in &r.tiers_by_month {
        let counts: Vec<String> = month
            .counts
            .iter()
            .map(|(tier, n)| format!("{tier} {n}"))
            .collect();
        text += &format!("{}  {}\n", month.month, counts.join(", "));
    }
    text += "\ncohorts (spend by month since first purchase)\n";
    for cohort in &r.cohorts {
        let spend: Vec<String> = cohort
            .spend_by_month
            .iter()
            .map(|s| s.to_string())
            .collect();
        text += &format!(
            "{} ({} customers)  {}\n",
            cohort.cohort,
            cohort.customers,
            spend.join("  ")
        );
    }
    text
}
