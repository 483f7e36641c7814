//! Quote latency natively, for carts of 1, 20 and 200 lines, with a program that uses every
//! mechanism: pricing alone (`quote`), and the whole path a Wasm quote takes, JSON text in and
//! out with the fingerprint (`quote_json`). Printed to be read; nothing asserts a time.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use loyalty::{quote_valid, Engine, Program};
use serde_json::Value;

fn program_json() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/programs/everything.json"
    ))
    .unwrap()
}

/// A cart of `lines` lines over every category, with a promo code and points to redeem.
pub fn cart(lines: usize) -> Value {
    let categories = ["books", "gadgets", "food", "home", "toys"];
    let lines: Vec<serde_json::Value> = (0..lines)
        .map(|i| {
            serde_json::json!({
                "sku": format!("SKU-{i}"), "category": categories[i % categories.len()],
                "unit_price": format!("{}.{:02}", 3 + i % 97, i % 100), "quantity": 1 + i % 3,
                "unit_cost": format!("{}.00", 1 + i % 50), "promotional": i % 7 == 0
            })
        })
        .collect();
    serde_json::json!({
        "date": "2026-11-22", "lines": lines, "promo_code": "SAVE20", "redeem_points": 400,
        "events": [{"id": "review"}]
    })
}

fn customer() -> Value {
    serde_json::json!({
        "spend": [{"date": "2026-06-01", "amount": "1800"}],
        "points": [{"points": 2500, "earned": "2026-05-01"}],
        "first_purchase_made": true, "last_purchase": "2026-10-01", "member_until": "2026-12-31", "employee_id": "E-1"
    })
}

fn quotes(c: &mut Criterion) {
    let program: Program = loyalty::from_json(&program_json()).unwrap();
    program.validate().unwrap();
    let customer = loyalty::from_value(&customer()).unwrap();
    let mut group = c.benchmark_group("quote");
    for lines in [1usize, 20, 200] {
        let cart = loyalty::from_value(&cart(lines)).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(lines), &cart, |b, cart| {
            b.iter(|| {
                quote_valid(black_box(&program), black_box(&customer), black_box(cart)).unwrap()
            })
        });
    }
    group.finish();
}

/// What `LoyaltyEngine.quoteJson` runs inside Wasm: both inputs parsed, read and validated, the
/// cart priced and fingerprinted, and the quote written out.
fn quotes_as_json(c: &mut Criterion) {
    let engine = Engine::new(&program_json()).unwrap();
    let customer = customer().to_string();
    let mut group = c.benchmark_group("quote_json");
    for lines in [1usize, 20, 200] {
        let cart = cart(lines).to_string();
        group.bench_with_input(BenchmarkId::from_parameter(lines), &cart, |b, cart| {
            b.iter(|| {
                engine
                    .quote_json(black_box(&customer), black_box(cart), "")
                    .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, quotes, quotes_as_json);
criterion_main!(benches);
