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

/// `request` with the node that `node` picks replaced by `replacement`.
pub fn mutated(request: &Value, node: prop::sample::Index, replacement: Value) -> Value {
    let mut request = request.clone();
    let mut paths = Vec::new();
    node_paths(&request, Vec::new(), &mut paths);
    let path = &paths[node.index(paths.len())];
    if let Some(target) = path
        .iter()
        .try_fold(&mut request, |v, key| match key.parse::<usize>() {
            Ok(i) if v.is_array() => v.get_mut(i),
            _ => v.get_mut(key.as_str()),
        })
    {
        *target = replacement;
    }
    request
}
