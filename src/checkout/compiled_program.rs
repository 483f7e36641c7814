//! A program compiled where it is written and shipped as bytes: the checkout decodes it and
//! prices, without reading or checking the program's JSON.
//!
//! Layout: the magic `LOYC`, the format version (one byte), the CRC-32 of the rest (four bytes,
//! little-endian), then the engine version it was made by, the compiled rules, the names the
//! elements show, the outline they read (JSON text) and the program's digest for fingerprints.
//! Damaged or truncated bytes get `compiled_program_invalid`, another version
//! `compiled_program_version`; a decoded program is checked for the indexes the pricer follows,
//! so that forged bytes cannot make it panic.

use crate::error::{Error, ErrorCode, Result};
use crate::format::names::ProgramNames;
use crate::rules::encoding::{crc32, record, Codec, Reader};
use crate::rules::Rules;

/// The first bytes of every compiled program.
pub const MAGIC: [u8; 4] = *b"LOYC";
/// The layout's version; a change to it or to the rules' encoding makes a new engine version.
pub const FORMAT_VERSION: u8 = 1;
/// The engine a compiled program was made by: another engine's compiled form is refused.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
const HEADER: usize = MAGIC.len() + 1 + 4;

/// Everything the checkout needs of a program.
#[derive(Debug, Clone)]
pub struct CompiledProgram {
    pub rules: Rules,
    pub names: ProgramNames,
    /// The parts of the program the elements read (tier rules, tiers' benefits, points), as JSON.
    pub outline: String,
    /// The program's digest, hex, that every fingerprint starts from.
    pub digest: String,
}

record!(ProgramNames {
    name_languages,
    program,
    description,
    tiers,
    groups,
    membership
});

impl CompiledProgram {
    /// Checks and compiles a program, as every other entry point does.
    pub fn compile(program: &crate::Program) -> Result<CompiledProgram> {
        let rules = Rules::compile(program)?;
        Ok(CompiledProgram {
            rules,
            names: ProgramNames::of(program),
            outline: outline(program),
            digest: crate::checkout::fingerprint::program_digest(program),
        })
    }

    /// The bytes a shop ships.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::with_capacity(4096);
        ENGINE_VERSION.to_string().encode(&mut payload);
        self.rules.encode(&mut payload);
        self.names.encode(&mut payload);
        self.outline.encode(&mut payload);
        self.digest.encode(&mut payload);
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(&MAGIC);
        bytes.push(FORMAT_VERSION);
        bytes.extend_from_slice(&crc32(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        bytes
    }

    /// Reads the bytes [`CompiledProgram::to_bytes`] wrote, refusing anything else with a code.
    pub fn from_bytes(bytes: &[u8]) -> Result<CompiledProgram> {
        let invalid = |why: &str| Error::new(ErrorCode::CompiledProgramInvalid, "", why);
        let wrong_version = |made_by: &str| {
            Error::new(
                ErrorCode::CompiledProgramVersion,
                "",
                format!(
                    "the program was compiled for {made_by}; this engine reads {ENGINE_VERSION}: compile it again with `loyalty compile`"
                ),
            )
        };
        if bytes.len() < HEADER || bytes[..4] != MAGIC {
            return Err(invalid("these bytes are not a compiled program"));
        }
        if bytes[4] != FORMAT_VERSION {
            return Err(wrong_version(&format!("format {}", bytes[4])));
        }
        let payload = &bytes[HEADER..];
        if bytes[5..HEADER] != crc32(payload).to_le_bytes() {
            return Err(invalid("the compiled program is damaged or truncated"));
        }
        let mut input = Reader::new(payload);
        let engine = String::decode(&mut input).ok_or_else(|| invalid("no engine version"))?;
        if engine != ENGINE_VERSION {
            return Err(wrong_version(&format!("engine {engine}")));
        }
        let program = (|| {
            let program = CompiledProgram {
                rules: Codec::decode(&mut input)?,
                names: Codec::decode(&mut input)?,
                outline: Codec::decode(&mut input)?,
                digest: Codec::decode(&mut input)?,
            };
            (input.is_empty() && crate::rules::encoding::consistent(&program.rules))
                .then_some(program)
        })();
        program.ok_or_else(|| invalid("the compiled program does not decode"))
    }
}

/// What the elements read of a program besides its names: whether tiers qualify on points, each
/// tier's discount and earning multiplier, and the points' minimum use, value and expiry.
fn outline(program: &crate::Program) -> String {
    let tiers: Vec<serde_json::Value> = program
        .tiers
        .iter()
        .map(|tier| {
            serde_json::json!({
                "id": tier.id,
                "discount_percent": tier.discount_percent,
                "earn_multiplier": tier.earn_multiplier,
            })
        })
        .collect();
    let points = program.points.as_ref().map(|points| {
        serde_json::json!({
            "min_redeem": points.min_redeem,
            "value_per_point": points.value_per_point,
            "expiry_months": points.expiry_months,
        })
    });
    serde_json::json!({
        "id": program.id,
        "currency": program.currency,
        "tier_rules": {"qualifies_on": program.tier_rules.qualifies_on},
        "tiers": tiers,
        "points": points,
    })
    .to_string()
}
