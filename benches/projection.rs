//! Projection throughput in customer-months per second, and the simulation's rows per second on a
//! generated 1,000,000-row order history, with peak memory. Printed to be read; nothing asserted.

use loyalty::orders_csv::{simulate, OnBadRow};
use loyalty::projection::{project, ProjectionRequest, Redeem};
use std::io::Read;
use std::time::Instant;

fn program_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/programs/retail.json"
    ))
    .unwrap()
}

/// An order history generated in date order.
struct Orders {
    rows: u64,
    next: u64,
    customers: u64,
    buffer: Vec<u8>,
    at: usize,
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
                let day = i * 730 / self.rows; // two years, in order
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
                    "c{},{date},SKU-{},grocery,{}.{:02},{},{}.00,{group}",
                    (i * 7919) % self.customers,
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

fn main() {
    let program = program_text();
    let request: ProjectionRequest = loyalty::from_json(&format!(
        r#"{{"program": {program}, "start": "2026-01-01", "months": 24, "redeem": "max",
            "customer": {{"points": [{{"points": 800, "earned": "2025-12-01"}}]}},
            "plan": {{"monthly": {{"spend": [{{"category": "grocery", "amount": "180.00"}}, {{"category": "home", "amount": "45.50"}}]}}}}}}"#
    ))
    .unwrap();
    let customers = 2_000;
    let start = Instant::now();
    for _ in 0..customers {
        std::hint::black_box(project(std::hint::black_box(&request)).unwrap());
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "projection: {customers} customers × 24 months in {:.1} ms = {:.0} customer-months/s",
        seconds * 1e3,
        f64::from(customers * 24) / seconds
    );

    let rows = std::env::var("SIMULATE_ROWS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1_000_000u64);
    let mut orders = Orders {
        rows,
        next: 0,
        customers: 50_000,
        buffer: Vec::new(),
        at: 0,
    };
    // Written to a file first, so that the figure is the simulation's, not the generator's; the
    // file is then streamed as `loyalty simulate ORDERS.csv` streams it.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("simulate-orders.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    std::io::copy(&mut orders, &mut file).unwrap();
    drop(file);
    let start = Instant::now();
    let result = simulate(
        std::io::BufReader::new(std::fs::File::open(&path).unwrap()),
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

    // After the simulation, whose peak memory is reported above.
    // The seller's portfolio: 100,000 customers, each with its own monthly spend and points.
    let customers: Vec<String> = (0..100_000u64)
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
    let request: loyalty::portfolio::PortfolioRequest = loyalty::from_json(&format!(
        r#"{{"program": {program}, "start": "2026-01-01", "months": 24, "redeem": "max",
            "customers": [{}]}}"#,
        customers.join(",")
    ))
    .unwrap();
    let start = Instant::now();
    let portfolio = std::hint::black_box(loyalty::portfolio::forecast(&request).unwrap());
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "forecast: {} customers × 24 months in {:.1} ms = {:.0} customer-months/s",
        portfolio.customers,
        seconds * 1e3,
        portfolio.customers as f64 * 24.0 / seconds
    );
}
