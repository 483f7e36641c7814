//! The `loyalty` command: validate programs, quote carts and explain programs in plain words.

mod schema;
mod tables;

use clap::{Parser, Subcommand, ValueEnum};
use loyalty::analytics::calculators::calculate;
use loyalty::analytics::economics::{compare, margin_impact};
use loyalty::analytics::portfolio::forecast;
use loyalty::analytics::projection::project;
use loyalty::analytics::projection::Redeem;
use loyalty::analytics::simulate::Sequence;
use loyalty::format::json::write::ToJson;
use loyalty::history::csv_file::{
    simulate, simulate_in_threads, simulate_planned, OnBadRow, Partition, Simulation,
};
use loyalty::summary::word_count;
use loyalty::{from_json, quote, summarize, Error, ErrorCode, Lang, Program, Request};
use serde::Serialize;
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;
use tables::{
    comparison_table, margin_table, portfolio_table, projection_table, quote_table, simulation_text,
};

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
    /// Check and compile a program for the checkout: what a shop ships (`program-src`), which the
    /// checkout's module prices without reading or checking JSON.
    Compile {
        /// A program JSON file, or - for standard input.
        file: String,
        /// Where to write the compiled program (by convention `<name>.loyalty`).
        #[arg(short, long)]
        output: String,
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
        Command::Compile { file, output } => {
            let bytes = loyalty::Engine::new(&read(file)?)?.compiled();
            std::fs::write(output, &bytes).map_err(|e| {
                Error::new(
                    ErrorCode::Unwritable,
                    "",
                    format!("cannot write {output}: {e}"),
                )
            })?;
            Ok(match cli.format {
                Format::Json => json(&serde_json::json!({"output": output, "bytes": bytes.len()})),
                Format::Text => format!("compiled: {output} ({} bytes)", bytes.len()),
            })
        }
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
                    program.name.choose("", &program.name_languages())
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
            // The whole history in one thread, in the order its rows follow, or in threads that
            // replay one partition each, merged: one pass when the rows come by date. A
            // partition alone, or an order given, needs the whole history's months first.
            let simulation = match (partition, jobs, sequence) {
                (None, 1, None) => simulate(source, program, redeem, on_bad_row, progress),
                (None, jobs, None) => simulate_in_threads(
                    source,
                    &program,
                    redeem,
                    on_bad_row,
                    None,
                    jobs as u32,
                    progress,
                ),
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
                            Some(plan),
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
                schema::api_schema()
            } else {
                serde_json::to_value(schemars::schema_for!(Program)).unwrap_or_default()
            };
            schema::decimals_as_strings(&mut schema);
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
