//! Projection throughput in customer-months per second, and the simulation's rows per second on a
//! generated 1,000,000-row order history, with peak memory. Printed to be read; nothing asserted.

use loyalty::analytics::projection::{project, ProjectionRequest, Redeem};
use loyalty::analytics::simulate::Sequence;
use loyalty::history::csv_file::{plan, simulate, simulate_in_threads, simulate_planned, OnBadRow};
use std::io::Read;
use std::time::Instant;

fn program_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/programs/retail.json"
    ))
    .unwrap()
}

/// An order history generated in date order, or (`grouped`) grouped by customer in ascending
/// order of id with each customer's dates ascending.
struct Orders {
    rows: u64,
    next: u64,
    customers: u64,
    buffer: Vec<u8>,
    at: usize,
    grouped: bool,
}

impl Read for Orders {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.buffer.len() {
            if self.next > self.rows {
                return Ok(0);
            }
            self.buffer.clear();
            self.at = 0;
            if self.next == 0 {
                self.buffer
                    .extend_from_slice(b"customer,date,sku,category,price,quantity,cost,group\n");
            } else {
                let i = self.next - 1;
                let (customer, day) = if self.grouped {
                    // Each customer's rows in a run, spread over the two years.
                    let customer = i * self.customers / self.rows;
                    let first = (customer * self.rows).div_ceil(self.customers);
                    let next = ((customer + 1) * self.rows).div_ceil(self.customers);
                    (customer, (i - first) * 730 / (next - first).max(1))
                } else {
                    ((i * 7919) % self.customers, i * 730 / self.rows) // two years, in order
                };
                let date =
                    chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day);
                let group = if i % 10 == 0 {
                    "control"
                } else {
                    "participant"
                };
                use std::io::Write;
                let _ = writeln!(
                    self.buffer,
                    "c{:08},{date},SKU-{},grocery,{}.{:02},{},{}.00,{group}",
                    customer,
                    i % 50,
                    5 + i % 90,
                    i % 100,
                    1 + i % 3,
                    2 + i % 40
                );
            }
            self.next += 1;
        }
        let n = out.len().min(self.buffer.len() - self.at);
        out[..n].copy_from_slice(&self.buffer[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

/// Writes a generated history to `name` under the bench's temporary folder.
fn history(name: &str, rows: u64, customers: u64, grouped: bool) -> std::path::PathBuf {
    let mut orders = Orders {
        rows,
        next: 0,
        customers,
        buffer: Vec::new(),
        at: 0,
        grouped,
    };
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    std::io::copy(&mut orders, &mut file).unwrap();
    path
}

/// In a process of its own, so that its peak memory is its own: a history grouped by customer,
/// replayed one customer at a time.
fn grouped_run(rows: u64, customers: u64) {
    let path = history(
        &format!("simulate-grouped-{rows}.csv"),
        rows,
        customers,
        true,
    );
    let start = Instant::now();
    let plan = plan(path.as_path(), Some(Sequence::ByCustomer)).unwrap();
    let result = simulate_planned(
        path.as_path(),
        loyalty::from_json(&program_text()).unwrap(),
        Redeem::Never,
        OnBadRow::Stop,
        plan,
        None,
        |_| {},
    )
    .unwrap();
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "simulate, grouped by customer: {} rows ({} customers) in {:.2} s = {:.0} rows/s; peak memory {}",
        result.rows,
        result.report.customers,
        seconds,
        result.rows as f64 / seconds,
        peak_memory_mib().map_or("n/a".into(), |m| format!("{m:.0} MiB"))
    );
    let _ = std::fs::remove_file(path);
}

/// The portfolio of `count` customers the forecast figures are taken on, each with its own
/// monthly spend and points.
fn portfolio_request(program: &str, count: u64) -> loyalty::analytics::portfolio::PortfolioRequest {
    let customers: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"customer": {{"points": [{{"points": {}, "earned": "2025-12-01"}}]}},
                    "monthly": [{{"category": "grocery", "amount": "{}.{:02}"}}]}}"#,
                i % 1_500,
                20 + (i * 37) % 400,
                i % 100
            )
        })
        .collect();
    loyalty::from_json(&format!(
        r#"{{"program": {program}, "start": "2026-01-01", "months": 24, "redeem": "max",
            "customers": [{}]}}"#,
        customers.join(",")
    ))
    .unwrap()
}

/// One customer's 60-month projection: the figure the explorer and the offer finder rest on.
fn projection_request(program: &str) -> ProjectionRequest {
    loyalty::from_json(&format!(
        r#"{{"program": {program}, "start": "2026-01-01", "months": 60, "redeem": "max",
            "customer": {{"points": [{{"points": 800, "earned": "2025-12-01"}}]}},
            "plan": {{"monthly": {{"spend": [{{"category": "grocery", "amount": "180.00"}}, {{"category": "home", "amount": "45.50"}}]}}}}}}"#
    ))
    .unwrap()
}

/// `BENCH_CALLGRIND=forecast:N`, `projection:N` or `simulate:N`: that work alone, for callgrind to
/// count the instructions of `forecast_with`, `project_with` or `simulate` (scripts/instructions.mjs);
/// `simulate:N` replays a date-sorted history of N rows, written beforehand.
fn callgrind_run(what: &str, count: u64) {
    let program = program_text();
    match what {
        "forecast" => {
            let request = portfolio_request(&program, count);
            let rules = request.validate().unwrap();
            std::hint::black_box(
                loyalty::analytics::portfolio::forecast_with(&rules, &request).unwrap(),
            );
        }
        "projection" => {
            let request = projection_request(&program);
            let rules = request.validate().unwrap();
            for _ in 0..count {
                std::hint::black_box(
                    loyalty::analytics::projection::project_with(
                        &rules,
                        std::hint::black_box(&request),
                    )
                    .unwrap(),
                );
            }
        }
        "simulate" => {
            let path = history("callgrind-orders.csv", count, 50_000, false);
            let program = loyalty::from_json(&program).unwrap();
            std::hint::black_box(
                simulate(
                    path.as_path(),
                    program,
                    Redeem::Never,
                    OnBadRow::Stop,
                    |_| {},
                )
                .unwrap(),
            );
            let _ = std::fs::remove_file(&path);
        }
        _ => panic!("BENCH_CALLGRIND is forecast:N, projection:N or simulate:N"),
    }
}

fn main() {
    if let Some((what, count)) = std::env::var("BENCH_CALLGRIND").ok().and_then(|v| {
        Some((
            v.split_once(':')?.0.to_string(),
            v.split_once(':')?.1.parse().ok()?,
        ))
    }) {
        return callgrind_run(&what, count);
    }
    if let Some((rows, customers)) = std::env::var("BENCH_GROUPED")
        .ok()
        .and_then(|v| {
            v.split_once(',')
                .map(|(r, c)| (r.parse().ok(), c.parse().ok()))
        })
        .and_then(|(r, c)| Some((r?, c?)))
    {
        return grouped_run(rows, customers);
    }
    let program = program_text();
    let request = projection_request(&program);
    let customers = 2_000;
    let start = Instant::now();
    for _ in 0..customers {
        std::hint::black_box(project(std::hint::black_box(&request)).unwrap());
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "projection: {customers} customers × 60 months in {:.1} ms = {:.0} customer-months/s",
        seconds * 1e3,
        f64::from(customers * 60) / seconds
    );

    let rows = std::env::var("SIMULATE_ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1_000_000u64);
    // Written to a file first, so that the figure is the simulation's, not the generator's; the
    // file is then streamed as `loyalty simulate ORDERS.csv` streams it.
    let path = history("simulate-orders.csv", rows, 50_000, false);
    let start = Instant::now();
    let result = simulate(
        path.as_path(),
        loyalty::from_json(&program).unwrap(),
        Redeem::Never,
        OnBadRow::Stop,
        |_| {},
    )
    .unwrap();
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "simulate: {} rows ({} orders, {} customers) in {:.2} s = {:.0} rows/s; peak memory {}",
        result.rows,
        result.report.orders,
        result.report.customers,
        seconds,
        result.rows as f64 / seconds,
        peak_memory_mib().map_or("n/a".into(), |m| format!("{m:.0} MiB"))
    );

    // Every core: the customers in partitions, one thread each, merged.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    let start = Instant::now();
    let threaded = simulate_in_threads(
        path.as_path(),
        &loyalty::from_json(&program).unwrap(),
        Redeem::Never,
        OnBadRow::Stop,
        None,
        cores,
        |_| {},
    )
    .unwrap();
    let parallel = start.elapsed().as_secs_f64();
    assert_eq!(threaded, result, "the merged partitions are the whole run");
    println!(
        "simulate, {cores} threads: {} rows in {parallel:.2} s = {:.0} rows/s, {:.2}× one core",
        threaded.rows,
        threaded.rows as f64 / parallel,
        seconds / parallel
    );
    // Grouped by customer, ten times the customers, each run in a process of its own.
    for (rows, customers) in [(rows, 500_000u64), (rows * 10, 5_000_000)] {
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .env("BENCH_GROUPED", format!("{rows},{customers}"))
            .output()
            .unwrap();
        print!("{}", String::from_utf8_lossy(&output.stdout));
    }
    let _ = std::fs::remove_file(&path);

    // After the simulation, whose peak memory is reported above.
    // The seller's portfolio: 100,000 customers, each with its own monthly spend and points.
    let request = portfolio_request(&program, 100_000);
    let start = Instant::now();
    let portfolio =
        std::hint::black_box(loyalty::analytics::portfolio::forecast(&request).unwrap());
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "forecast: {} customers × 24 months in {:.1} ms = {:.0} customer-months/s",
        portfolio.customers,
        seconds * 1e3,
        portfolio.customers as f64 * 24.0 / seconds
    );
}
