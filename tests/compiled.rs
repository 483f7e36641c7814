//! Programs compiled ahead: a compiled program prices every golden fixture as its JSON does, every
//! example compiles to less than a Shopify metafield holds, and bytes that are not a compiled
//! program (random, truncated, damaged, forged or of another version) get a coded error, never a
//! panic.

#[allow(dead_code)] // shared with the golden tests, which use all of it
mod common;

use common::{fixture_files, read_json, root};
use loyalty::checkout::compiled_program::{CompiledProgram, FORMAT_VERSION, MAGIC};
use loyalty::rules::encoding::crc32;
use loyalty::{Engine, ErrorCode};
use proptest::prelude::*;
use serde_json::{json, Value};

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join(format!("examples/programs/{name}.json"))).unwrap()
}

fn examples() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples/programs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .map(|path| path.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = example(&name);
            (name, text)
        })
        .collect()
}

/// `(program JSON, customer JSON, cart JSON, locale)` of every quote fixture.
fn quote_fixtures() -> Vec<(String, String, String, String, String)> {
    fixture_files("fixtures/quotes")
        .iter()
        .map(|path| {
            let fixture = read_json(path);
            let program = match &fixture["program"] {
                Value::String(name) => example(name),
                inline => inline.to_string(),
            };
            let customer = fixture.get("customer").cloned().unwrap_or(json!({}));
            let locale = fixture.get("locale").and_then(Value::as_str).unwrap_or("");
            (
                path.display().to_string(),
                program,
                customer.to_string(),
                fixture["cart"].to_string(),
                locale.to_string(),
            )
        })
        .collect()
}

fn compiled(program_json: &str) -> Vec<u8> {
    Engine::new(program_json).unwrap().compiled()
}

/// The bytes with a new checksum, as a forger who knows the layout would write them.
fn with_checksum(mut bytes: Vec<u8>) -> Vec<u8> {
    let crc = crc32(&bytes[9..]).to_le_bytes();
    bytes[5..9].copy_from_slice(&crc);
    bytes
}

#[test]
fn a_compiled_program_quotes_every_golden_fixture_as_its_json_does() {
    for (name, program, customer, cart, locale) in quote_fixtures() {
        let request: loyalty::Request = loyalty::from_json(&format!(
            r#"{{"program": {program}, "customer": {customer}, "cart": {cart}}}"#
        ))
        .unwrap();
        let from_json = loyalty::checkout::quote::quote_valid(
            &request.program,
            &request.customer,
            &request.cart,
        )
        .unwrap();
        let engine = Engine::from_compiled(&compiled(&program)).unwrap();
        let quote = engine.quote_json(&customer, &cart, &locale).unwrap();
        let expected = loyalty::checkout::quote::quote_with(
            &loyalty::rules::Rules::compile(&request.program).unwrap(),
            &request.customer,
            &request.cart,
            &locale,
        )
        .unwrap();
        use loyalty::format::json::write::ToJson;
        assert_eq!(quote, expected.to_json(), "{name}");
        assert_eq!(
            from_json.payable, expected.payable,
            "{name}: the two ways of quoting differ"
        );
        let json_engine = Engine::new(&program).unwrap();
        assert_eq!(
            engine.fingerprint_json(&customer, &cart).unwrap(),
            json_engine.fingerprint_json(&customer, &cart).unwrap(),
            "{name}"
        );
        assert_eq!(
            engine.names_json(&locale).unwrap(),
            loyalty::format::names::names_json(&request.program, &locale),
            "{name}"
        );
    }
}

#[test]
fn every_example_compiles_to_what_a_shopify_metafield_holds_and_decodes_to_itself() {
    for (name, program) in examples() {
        let bytes = compiled(&program);
        assert!(bytes.len() <= 10_000, "{name}: {} bytes", bytes.len());
        let decoded = CompiledProgram::from_bytes(&bytes).unwrap();
        assert_eq!(decoded.to_bytes(), bytes, "{name}");
        let program: loyalty::Program = loyalty::from_json(&program).unwrap();
        assert_eq!(
            format!("{:?}", decoded.rules),
            format!("{:?}", loyalty::rules::Rules::compile(&program).unwrap()),
            "{name}"
        );
    }
}

#[test]
fn a_cart_is_checked_against_the_compiled_program_as_against_its_json() {
    let engine = Engine::from_compiled(&compiled(&example("retail"))).unwrap();
    let cart = r#"{"date": "2026-03-02", "lines": [{"sku": "A", "unit_price": "1.00", "quantity": 1}],
        "events": [{"id": "no-such-event", "count": 1}]}"#;
    let error = engine
        .quote_json(r#"{"tier": "platinum"}"#, cart, "")
        .unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (ErrorCode::UnknownReference, "customer.tier")
    );
    let error = engine.quote_json("{}", cart, "").unwrap_err();
    assert_eq!(
        (error.code, error.path.as_str()),
        (ErrorCode::UnknownReference, "cart.events[0].id")
    );
}

#[test]
fn bytes_of_another_version_are_refused_as_such() {
    let bytes = compiled(&example("retail"));
    let mut other_format = bytes.clone();
    other_format[4] = FORMAT_VERSION + 1;
    let error = CompiledProgram::from_bytes(&other_format).unwrap_err();
    assert_eq!(error.code, ErrorCode::CompiledProgramVersion);
    assert!(
        error.message.contains("loyalty compile"),
        "{}",
        error.message
    );

    // The engine version is the payload's first text: "0.1.0" written as its length and bytes.
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(&bytes[10..10 + version.len()], version.as_bytes());
    let mut other_engine = bytes.clone();
    other_engine[10] = b'9';
    let error = CompiledProgram::from_bytes(&with_checksum(other_engine)).unwrap_err();
    assert_eq!(error.code, ErrorCode::CompiledProgramVersion);
    assert!(error.message.contains("engine 9"), "{}", error.message);
}

#[test]
fn bytes_that_are_not_a_compiled_program_are_refused_with_a_code() {
    let bytes = compiled(&example("retail"));
    let invalid = |bytes: &[u8]| CompiledProgram::from_bytes(bytes).unwrap_err().code;
    assert_eq!(invalid(b""), ErrorCode::CompiledProgramInvalid);
    assert_eq!(
        invalid(b"{\"version\": 1}"),
        ErrorCode::CompiledProgramInvalid
    );
    assert_eq!(&bytes[..4], &MAGIC);
    for length in 0..bytes.len() {
        assert_eq!(
            invalid(&bytes[..length]),
            ErrorCode::CompiledProgramInvalid,
            "{length}"
        );
    }
    let mut damaged = bytes.clone();
    *damaged.last_mut().unwrap() ^= 1;
    assert_eq!(invalid(&damaged), ErrorCode::CompiledProgramInvalid);
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        invalid(&with_checksum(longer)),
        ErrorCode::CompiledProgramInvalid
    );
}

/// A cart every example can price: one line in a category most programs name.
const CARTS: [&str; 3] = [
    r#"{"date": "2026-03-02", "lines": [{"sku": "A", "category": "grocery", "unit_price": "120.00", "quantity": 2}]}"#,
    r#"{"date": "2026-07-15", "lines": [{"sku": "B", "unit_price": "9999.99", "quantity": 7}, {"sku": "C", "category": "coffee", "unit_price": "0.01", "quantity": 1}], "redeem_points": 100}"#,
    r#"{"date": "2027-01-01", "lines": []}"#,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Forged bytes (a valid checksum over changed bytes) decode to an error or to rules that
    /// price without a panic.
    #[test]
    fn forged_bytes_give_a_coded_error_or_a_quote_never_a_panic(
        program in prop::sample::select(examples()),
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = compiled(&program.1);
        for (at, byte) in changes {
            let at = 9 + at.index(bytes.len() - 9);
            bytes[at] = byte;
        }
        match Engine::from_compiled(&with_checksum(bytes)) {
            Err(error) => prop_assert!(matches!(
                error.code,
                ErrorCode::CompiledProgramInvalid | ErrorCode::CompiledProgramVersion
            )),
            Ok(engine) => {
                for cart in CARTS {
                    let _ = engine.quote_json(r#"{"tier": null}"#, cart, "ru");
                    let _ = engine.names_json("ka");
                }
            }
        }
    }

    #[test]
    fn random_bytes_are_refused(mut bytes in prop::collection::vec(any::<u8>(), 0..400), magic: bool) {
        if magic && bytes.len() >= 9 {
            bytes[..4].copy_from_slice(&MAGIC);
            bytes[4] = FORMAT_VERSION;
            bytes = with_checksum(bytes);
        }
        let error = CompiledProgram::from_bytes(&bytes).unwrap_err();
        prop_assert!(matches!(
            error.code,
            ErrorCode::CompiledProgramInvalid | ErrorCode::CompiledProgramVersion
        ));
    }
}

/// Issue 30, item 7: a name missing in the reader's language is shown in English before the
/// program's own (a Russian reader of a Georgian bakery reads "Gold", not "ოქრო"), unless the
/// program names the languages to fall back on; a bad tag there is refused at its path.
#[test]
fn names_fall_back_on_english_then_the_programs_own_unless_it_names_its_fallbacks() {
    let bakery = example("tbilisi-bakery");
    let names: Value =
        serde_json::from_str(&Engine::new(&bakery).unwrap().names_json("ru").unwrap()).unwrap();
    assert_eq!(names["tiers"]["gold"]["name"], "Gold");
    let own: Value =
        serde_json::from_str(&Engine::new(&bakery).unwrap().names_json("ka-GE").unwrap()).unwrap();
    assert_eq!(own["tiers"]["gold"]["name"], "ოქრო");
    let mut program: Value = serde_json::from_str(&bakery).unwrap();
    program["fallback_languages"] = json!(["ka", "en"]);
    let names: Value = serde_json::from_str(
        &Engine::new(&program.to_string())
            .unwrap()
            .names_json("ru")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(names["tiers"]["gold"]["name"], "ოქრო");
    program["fallback_languages"] = json!(["georgian"]);
    let error = Engine::new(&program.to_string())
        .err()
        .expect("a bad tag is refused");
    assert_eq!(
        (error.code, error.path.as_str()),
        (ErrorCode::InvalidValue, "fallback_languages[0]")
    );
}

/// Issue 30, item 4: attributes are named in words where the program names them, and a name
/// for an attribute the program does not declare is refused at its path.
#[test]
fn attribute_names_are_checked_against_the_declared_attributes() {
    let mut program: Value = serde_json::from_str(&example("skyline-miles")).unwrap();
    program["attribute_names"]["seat"] = json!("seat");
    let error = Engine::new(&program.to_string())
        .err()
        .expect("an undeclared attribute is refused");
    assert_eq!(
        (error.code, error.path.as_str()),
        (ErrorCode::UnknownReference, "attribute_names.seat")
    );
}
