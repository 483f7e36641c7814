//! The `loyalty` command: validate programs, quote carts and explain programs in plain words.

use clap::{Parser, Subcommand, ValueEnum};
use loyalty::analytics::calculators::calculate;
use loyalty::analytics::economics::{compare, margin_impact, ComparisonRow, MarginImpact};
use loyalty::analytics::portfolio::{forecast, Portfolio};
use loyalty::analytics::projection::Redeem;
use loyalty::analytics::projection::{project, Projection};
use loyalty::analytics::simulate::Sequence;
use loyalty::format::json::write::ToJson;
use loyalty::history::csv_file::{
    simulate, simulate_in_threads, simulate_planned, OnBadRow, Partition, Simulation,
};
use loyalty::summary::word_count;
use loyalty::{from_json, quote, summarize, Error, ErrorCode, Lang, Program, Quote, Request};
use serde::Serialize;
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "loyalty", version, about = "Exact loyalty-program calculator")]
struct Cli {
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

/// How the CSV's orders are sequenced.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OrderArg {
    /// Whichever the rows follow: by date, else by customer.
    Auto,
    /// By date: every customer's ledger stays open.
    Date,
    /// Grouped by customer in ascending order of id, dates ascending within: one ledger at a
    /// time, so memory stays flat.
    Customer,
}

/// `never`, `max`, or an expected share in % of what the orders could use (`60`).
fn parse_redeem(text: &str) -> Result<Redeem, String> {
    match text {
        "never" => Ok(Redeem::Never),
        "max" => Ok(Redeem::Max),
        share => loyalty::format::json::decimal_of(share)
            .map(Redeem::Share)
            .ok_or_else(|| format!("\"{share}\" is not never, max or a share in % such as 60")),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check a program file and name the first bad field.
    Validate {
        /// A program JSON file, or - for standard input.
        file: String,
    },
    /// Price a `{program, customer, cart}` request.
    Quote {
        /// A request JSON file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
    },
    /// The fingerprint of a `{program, customer, cart}` request, which a server compares with the
    /// one the browser sends when the customer pays.
    Fingerprint {
        /// A request JSON file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
    },
    /// Project a customer's months under a program from a plan of purchases.
    Project {
        /// A projection request JSON file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
    },
    /// Forecast a portfolio: many customers' months, summed per month for the seller.
    Forecast {
        /// A portfolio request JSON file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: String,
    },
    /// Margin impact for the seller: a projection with the seller's economics.
    Margin {
        #[arg(default_value = "-")]
        file: String,
    },
    /// Compare program variants on the same customer behaviour.
    Compare {
        #[arg(default_value = "-")]
        file: String,
    },
    /// One seller-side calculation: catalog_return, membership_break_even, chance_cost,
    /// coop_compensation, channel_incentive, referral_cost, retention or nps.
    Calc {
        #[arg(default_value = "-")]
        file: String,
    },
    /// Replay an order history (CSV or Parquet, one row per order line) through a program.
    Simulate {
        /// The CSV (or .csv.gz, or .parquet): customer, date, sku, category, price, quantity,
        /// cost[, group].
        orders: String,
        /// The program JSON file.
        #[arg(long)]
        program: String,
        /// Leave malformed rows out (each is listed in the output) instead of stopping at the first.
        #[arg(long)]
        skip_bad_rows: bool,
        /// Whether customers use their points: never, as many as allowed on every order (max), or
        /// an expected share in % of what their orders could use (60), the rest left as breakage.
        #[arg(long, default_value = "never", value_parser = parse_redeem)]
        redeem: Redeem,
        /// How the orders are sequenced.
        #[arg(long, value_enum, default_value_t = OrderArg::Auto)]
        order: OrderArg,
        /// Only the customers of partition K of N (K/N): those whose id's FNV-1a 64-bit hash,
        /// modulo N, is K − 1. `loyalty merge` sums the N partial reports.
        #[arg(long)]
        partition: Option<String>,
        /// Threads, each replaying one partition of the customers, merged at the end (default:
        /// every core).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Sum partial simulation reports (from `simulate --partition K/N`) into one.
    Merge {
        /// The reports' JSON files.
        #[arg(required = true)]
        reports: Vec<String>,
    },
    /// Print the JSON Schema of the program format, or with --all of every input and output.
    Schema {
        /// Every type the calculator reads or writes, under `$defs` (for TypeScript generators).
        #[arg(long)]
        all: bool,
    },
    /// A return of an order's units: what it pays back from the order's own allocation, and the
    /// points it gives and takes back (`{program, customer, cart, returns: [{line, quantity}],
    /// earlier?, refunded?, balance?}`).
    Return {
        #[arg(default_value = "-")]
        file: String,
    },
    /// Summarise a program in plain words.
    Explain {
        /// A program JSON file, or - for standard input.
        file: String,
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli).and_then(|output| print(&output)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}",
                serde_json::to_string(&error).unwrap_or_else(|_| error.to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// Writes the output. A reader that stops early (`loyalty quote … | head`) closes the pipe; like
/// other command-line tools, the command then stops quietly instead of failing.
fn print(output: &str) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{output}").and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != ErrorKind::BrokenPipe => Err(Error::new(
            ErrorCode::Unwritable,
            "",
            format!("the output could not be written: {error}"),
        )),
        _ => Ok(()),
    }
}

fn run(cli: &Cli) -> Result<String, Error> {
    match &cli.command {
        Command::Validate { file } => {
            let program: Program = from_json(&read(file)?)?;
            program.validate()?;
            Ok(match cli.format {
                Format::Json => json(
                    &serde_json::json!({"valid": true, "id": program.id, "name": program.name}),
                ),
                Format::Text => format!(
                    "valid: {} ({})",
                    program.id,
                    program.name.choose("", program.default_language())
                ),
            })
        }
        Command::Quote { file } => {
            let request: Request = from_json(&read(file)?)?;
            let quote = quote(&request)?;
            Ok(match cli.format {
                Format::Json if on_terminal() => {
                    loyalty::format::json::write::pretty(&quote.to_json())
                }
                Format::Json => quote.to_json(),
                Format::Text => quote_table(&quote),
            })
        }
        Command::Fingerprint { file } => {
            let request: Request = from_json(&read(file)?)?;
            let fingerprint = loyalty::checkout::fingerprint::of_request(&request)?;
            Ok(match cli.format {
                Format::Json => json(&serde_json::json!({ "fingerprint": fingerprint })),
                Format::Text => fingerprint,
            })
        }
        Command::Return { file } => {
            let refund = loyalty::analytics::refund::refund(&from_json(&read(file)?)?)?;
            Ok(json(&refund))
        }
        Command::Project { file } => {
            let projection = project(&from_json(&read(file)?)?)?;
            Ok(match cli.format {
                Format::Json => json(&projection),
                Format::Text => projection_table(&projection),
            })
        }
        Command::Forecast { file } => {
            let portfolio = forecast(&loyalty::analytics::read::portfolio_from_json(&read(
                file,
            )?)?)?;
            Ok(match cli.format {
                Format::Json => json(&portfolio),
                Format::Text => portfolio_table(&portfolio),
            })
        }
        Command::Margin { file } => {
            let impact = margin_impact(&from_json(&read(file)?)?)?;
            Ok(match cli.format {
                Format::Json => json(&impact),
                Format::Text => margin_table(&impact),
            })
        }
        Command::Compare { file } => {
            let rows = compare(&from_json(&read(file)?)?)?;
            Ok(match cli.format {
                Format::Json => json(&rows),
                Format::Text => comparison_table(&rows),
            })
        }
        Command::Calc { file } => {
            let answer = calculate(&from_json(&read(file)?)?)?;
            Ok(match cli.format {
                Format::Json => json(
                    &answer
                        .iter()
                        .map(|(k, v)| (k.clone(), serde_json::Value::from(v.clone())))
                        .collect::<serde_json::Map<String, serde_json::Value>>(),
                ),
                Format::Text => answer
                    .iter()
                    .map(|(k, v)| format!("{k:<40} {v}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
        }
        Command::Simulate {
            orders,
            program,
            skip_bad_rows,
            redeem,
            order,
            partition,
            jobs,
        } => {
            let program: Program = from_json(&read(program)?)?;
            let source = std::path::Path::new(orders.as_str());
            // A compressed file's size says nothing of the bytes read out of it.
            let compressed = source
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
            let size = match compressed {
                true => 0,
                false => std::fs::metadata(source).map(|m| m.len()).unwrap_or(0),
            };
            let sequence = match order {
                OrderArg::Auto => None,
                OrderArg::Date => Some(Sequence::ByDate),
                OrderArg::Customer => Some(Sequence::ByCustomer),
            };
            let redeem = *redeem;
            let on_bad_row = if *skip_bad_rows {
                OnBadRow::Skip
            } else {
                OnBadRow::Stop
            };
            let jobs = jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
                .clamp(1, 64);
            let bar = progress_bar(size);
            let partition = partition.as_deref().map(Partition::parse).transpose()?;
            let progress = |bytes| bar.set_position(bytes);
            // The whole history in one thread, in the order its rows follow: one pass when they
            // come by date. Partitions need the whole history's months first; threads replay
            // one partition each, merged.
            let simulation = match (partition, jobs, sequence) {
                (None, 1, None) => simulate(source, program, redeem, on_bad_row, progress),
                (partition, jobs, sequence) => {
                    let plan = loyalty::history::csv_file::plan(source, sequence)?;
                    match (partition, jobs) {
                        (Some(_), _) | (None, 1) => simulate_planned(
                            source, program, redeem, on_bad_row, plan, partition, progress,
                        ),
                        (None, jobs) => simulate_in_threads(
                            source,
                            &program,
                            redeem,
                            on_bad_row,
                            plan,
                            jobs as u32,
                            progress,
                        ),
                    }
                }
            };
            bar.finish_and_clear();
            let simulation = simulation?;
            Ok(match cli.format {
                Format::Json => json(&simulation),
                Format::Text => simulation_text(&simulation),
            })
        }
        Command::Merge { reports } => {
            let reports = reports
                .iter()
                .enumerate()
                .map(|(at, file)| {
                    serde_json::from_str::<Simulation>(&read(file)?).map_err(|e| {
                        Error::new(
                            ErrorCode::InvalidJson,
                            format!("reports[{at}]"),
                            format!("{file} is not a simulation report: {e}"),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let simulation = loyalty::history::merge::merge(reports)?;
            Ok(match cli.format {
                Format::Json => json(&simulation),
                Format::Text => simulation_text(&simulation),
            })
        }
        Command::Schema { all } => {
            let mut schema = if *all {
                api_schema()
            } else {
                serde_json::to_value(schemars::schema_for!(Program)).unwrap_or_default()
            };
            decimals_as_strings(&mut schema);
            // A document people read and commit: laid out wherever it goes.
            Ok(serde_json::to_string_pretty(&schema).unwrap_or_default())
        }
        Command::Explain { file, lang } => {
            let program: Program = from_json(&read(file)?)?;
            program.validate()?;
            let summary = summarize(&program, *lang);
            Ok(match cli.format {
                Format::Json => json(
                    &serde_json::json!({"lang": lang, "summary": summary, "words": word_count(&summary)}),
                ),
                Format::Text => summary,
            })
        }
    }
}

fn read(file: &str) -> Result<String, Error> {
    let mut text = String::new();
    let result = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|read| text = read)
    };
    result.map_err(|e| {
        Error::new(
            ErrorCode::Unreadable,
            "",
            format!("cannot read {file}: {e}"),
        )
    })?;
    Ok(text)
}

/// One schema whose `$defs` hold every request and result of the library and the Wasm packages.
fn api_schema() -> serde_json::Value {
    use loyalty::analytics::{calculators, economics, preview, projection, simulate};
    use loyalty::checkout::quote;
    let mut generator = schemars::SchemaGenerator::default();
    generator.subschema_for::<Program>();
    generator.subschema_for::<loyalty::Customer>();
    generator.subschema_for::<loyalty::Cart>();
    generator.subschema_for::<quote::Request>();
    generator.subschema_for::<quote::Quote>();
    generator.subschema_for::<projection::ProjectionRequest>();
    generator.subschema_for::<projection::Projection>();
    generator.subschema_for::<loyalty::analytics::portfolio::PortfolioRequest>();
    generator.subschema_for::<Portfolio>();
    generator.subschema_for::<economics::MarginRequest>();
    generator.subschema_for::<economics::MarginImpact>();
    generator.subschema_for::<economics::CompareRequest>();
    generator.subschema_for::<economics::ComparisonRow>();
    generator.subschema_for::<loyalty::analytics::refund::RefundRequest>();
    generator.subschema_for::<loyalty::analytics::refund::Refund>();
    generator.subschema_for::<preview::PreviewRequest>();
    generator.subschema_for::<preview::Preview>();
    generator.subschema_for::<calculators::Calculation>();
    generator.subschema_for::<simulate::Report>();
    generator.subschema_for::<Error>();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "LoyaltyCalculatorApi",
        "$defs": generator.definitions(),
    })
}

/// Money and rates are read from decimal strings only; schemars would also allow numbers, for
/// `Decimal` (`["string", "number"]`) and `Option<Decimal>` (`["string", "number", "null"]`).
fn decimals_as_strings(schema: &mut serde_json::Value) {
    use serde_json::{json, Value};
    match schema {
        Value::Object(map) => {
            let decimal = json!(["string", "number"]);
            let optional_decimal = json!(["string", "number", "null"]);
            let string = match map.get("type") {
                Some(kind) if *kind == decimal => Some(json!("string")),
                Some(kind) if *kind == optional_decimal => Some(json!(["string", "null"])),
                _ => None,
            };
            if let Some(string) = string {
                map.insert("type".into(), string);
                map.insert("pattern".into(), r"^-?[0-9]+(\.[0-9]+)?$".into());
            }
            map.values_mut().for_each(decimals_as_strings);
        }
        Value::Array(items) => items.iter_mut().for_each(decimals_as_strings),
        _ => {}
    }
}

/// JSON laid out for a person on a terminal, and compact for a program reading a pipe.
fn json(value: &impl Serialize) -> String {
    if on_terminal() {
        serde_json::to_string_pretty(value).unwrap_or_default()
    } else {
        serde_json::to_string(value).unwrap_or_default()
    }
}

fn on_terminal() -> bool {
    std::io::IsTerminal::is_terminal(&std::io::stdout())
}

fn quote_table(quote: &Quote) -> String {
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

fn projection_table(projection: &Projection) -> String {
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

fn portfolio_table(portfolio: &Portfolio) -> String {
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

fn margin_table(impact: &MarginImpact) -> String {
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

fn comparison_table(rows: &[ComparisonRow]) -> String {
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

/// A progress bar on a terminal, hidden when stderr is redirected.
fn progress_bar(bytes: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(bytes);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

fn simulation_text(simulation: &Simulation) -> String {
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
