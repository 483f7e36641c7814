//! Fuzz-style inputs shared by the validation and calculation tests: arbitrary JSON, and a real
//! request with one node replaced by it.
#![allow(dead_code)] // each test crate uses a part

use proptest::prelude::*;
use serde_json::{json, Value};

pub fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "[a-z0-9.\\-]{0,12}".prop_map(Value::from),
        // Values at the edges of what the fields take.
        prop_oneof![
            Just(json!("-1")),
            Just(json!("1e30")),
            Just(json!("0")),
            Just(json!("99999999999999999999999999999")),
            Just(json!("79228162514264337593543950335")),
            Just(json!("0.0000000000000000000000000001")),
            Just(json!("2026-02-30")),
            Just(json!("NaN")),
            Just(json!(u64::MAX)),
            Just(json!(u32::MAX)),
            Just(json!(60)),
        ],
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every node of a JSON tree, as a path of keys and indexes.
fn node_paths(value: &Value, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| node_paths(v, [prefix.clone(), vec![k.clone()]].concat(), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| node_paths(v, [prefix.clone(), vec![i.to_string()]].concat(), out)),
        _ => {}
    }
}

/// The node at `path` (keys and indexes).
fn at_path<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter()
        .try_fold(value, |v, key| match key.parse::<usize>() {
            Ok(i) if v.is_array() => v.get_mut(i),
            _ => v.get_mut(key.as_str()),
        })
}

/// The node of `request` that `node` picks.
fn node_at(request: &mut Value, node: prop::sample::Index) -> Option<&mut Value> {
    let mut paths = Vec::new();
    node_paths(request, Vec::new(), &mut paths);
    let path = paths[node.index(paths.len())].clone();
    at_path(request, &path)
}

/// `request` with the node that `node` picks replaced by `replacement`.
pub fn mutated(request: &Value, node: prop::sample::Index, replacement: Value) -> Value {
    let mut request = request.clone();
    if let Some(target) = node_at(&mut request, node) {
        *target = replacement;
    }
    request
}

/// Every field name in the API's JSON Schema, so that fuzzing can add the optional fields a
/// fixture leaves out.
pub fn field_names() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schema/loyalty-api.schema.json"
        );
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut names = std::collections::BTreeSet::new();
        collect_property_names(&schema, &mut names);
        names.into_iter().collect()
    })
}

fn collect_property_names(value: &Value, names: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                names.extend(properties.keys().cloned());
            }
            map.values().for_each(|v| collect_property_names(v, names));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_property_names(v, names)),
        _ => {}
    }
}

/// `request` with `name` set to `value` in the object that `node` picks (or in the top object).
pub fn with_field(request: &Value, node: prop::sample::Index, name: &str, value: Value) -> Value {
    let mut request = request.clone();
    let target = match node_at(&mut request, node) {
        Some(target) if target.is_object() => target,
        _ => &mut request,
    };
    if let Value::Object(map) = target {
        map.insert(name.to_string(), value);
    }
    request
}

/// Decimals at the edges of what a field may hold: the smallest step, the largest accepted
/// amount and beyond, zero, a negative.
const EDGE_DECIMALS: [&str; 5] = [
    "0.0000000000000000000000000001",
    "1000000000000000",
    "79228162514264337593543950335",
    "0",
    "-0.01",
];

/// Whole numbers at the edges: zero, the most points accepted and one more, the largest
/// 32-bit and 64-bit numbers.
const EDGE_INTEGERS: [u64; 5] = [
    0,
    1_000_000_000_000_000,
    1_000_000_000_000_001,
    4_294_967_295,
    u64::MAX,
];

/// Every copy of `request` with one decimal string or whole number in it set to a value at the
/// edge of what such a field may hold.
pub fn with_edge_values(request: &Value) -> Vec<Value> {
    let mut paths = Vec::new();
    node_paths(request, Vec::new(), &mut paths);
    let mut copies = Vec::new();
    for path in paths {
        let mut copy = request.clone();
        let edges: Vec<Value> = match at_path(&mut copy, &path) {
            Some(Value::String(text)) if text.parse::<rust_decimal::Decimal>().is_ok() => {
                EDGE_DECIMALS.iter().map(|edge| json!(edge)).collect()
            }
            Some(Value::Number(number)) if number.is_u64() => {
                EDGE_INTEGERS.iter().map(|edge| json!(edge)).collect()
            }
            _ => continue,
        };
        for edge in edges {
            if let Some(leaf) = at_path(&mut copy, &path) {
                *leaf = edge;
            }
            copies.push(copy.clone());
        }
    }
    copies
}

/// Accepted values at the top and bottom of what amounts, rates and counts may hold, to be mixed.
const MIXED_DECIMALS: [&str; 4] = ["0", "1", "100", "1000000000000000"];
const MIXED_INTEGERS: [u64; 4] = [0, 1, 4_294_967_295, 1_000_000_000_000_000];

/// A copy of `request` with every decimal string and whole number in it set at once to one of the
/// mixed edge values, field by field as `picks` says (cycled), so that extremes meet in one
/// calculation: a rate at its largest times a count at its largest, say.
fn with_edges_everywhere(request: &Value, picks: &[usize]) -> Value {
    let mut copy = request.clone();
    let mut paths = Vec::new();
    node_paths(request, Vec::new(), &mut paths);
    let mut pick = picks.iter().cycle();
    // The format's version is not a quantity; any other value only meets `unsupported_version`.
    for path in paths
        .iter()
        .filter(|path| path.last().is_none_or(|key| key != "version"))
    {
        if let Some(leaf) = at_path(&mut copy, path) {
            let choice = *pick.next().unwrap_or(&0) % MIXED_DECIMALS.len();
            match leaf {
                Value::String(text) if text.parse::<rust_decimal::Decimal>().is_ok() => {
                    *leaf = json!(MIXED_DECIMALS[choice]);
                }
                Value::Number(number) if number.is_u64() => *leaf = json!(MIXED_INTEGERS[choice]),
                _ => {}
            }
        }
    }
    copy
}

/// `cases` copies of `request` with extremes mixed into every field at once, each given to
/// `check`. Picked by a seeded runner, so that a failure replays the same way on every machine;
/// one field at a time (`with_edge_values`) never multiplies a largest rate by a largest count.
pub fn extremes_together(request: &Value, cases: u32, check: impl Fn(Value)) {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::with_cases(cases),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let picks = prop::collection::vec(0usize..MIXED_DECIMALS.len(), 1..64);
    runner
        .run(&picks, |picks| {
            check(with_edges_everywhere(request, &picks));
            Ok(())
        })
        .unwrap();
}
