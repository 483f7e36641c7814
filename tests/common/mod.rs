//! Golden-fixture checking shared by the quote and calculation tests.
//!
//! A fixture holds `expect`, figures checked by hand (its `explains` says how), and the whole
//! expected output under `output_key`. `UPDATE_GOLDEN=1` rewrites the whole output after a
//! deliberate change; `expect` is never rewritten.

pub mod fuzz;

use serde_json::Value;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The value at a dotted path (numbers index arrays); a key holding dots is matched whole first.
pub fn lookup<'a>(value: &'a Value, path: &str) -> &'a Value {
    if let Some(whole) = value.get(path) {
        return whole;
    }
    match path.split_once('.') {
        None => match path.parse::<usize>() {
            Ok(index) => &value[index],
            Err(_) => &value[path],
        },
        Some((head, rest)) => lookup(lookup(value, head), rest),
    }
}

pub fn fixture_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Checks one fixture against `actual`; returns what failed, or rewrites the output when asked.
pub fn check(path: &Path, output_key: &str, actual: Value) -> Vec<String> {
    let mut fixture = read_json(path);
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut failures = Vec::new();
    let expect = fixture["expect"]
        .as_object()
        .unwrap_or_else(|| panic!("{name}: no expect"));
    for (key, expected) in expect {
        let got = lookup(&actual, key);
        if got != expected {
            failures.push(format!(
                "{name}: {key} is {got}, hand-checked value is {expected}"
            ));
        }
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fixture[output_key] = actual;
        std::fs::write(path, serde_json::to_string_pretty(&fixture).unwrap() + "\n").unwrap();
    } else if fixture[output_key] != actual {
        failures.push(format!(
            "{name}: the {output_key} differs from the golden one\nexpected: {}\nactual:   {}",
            fixture[output_key], actual
        ));
    }
    failures
}
