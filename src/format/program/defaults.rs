//! The defaults the program format fills in for a missing field (`#[serde(default)]` and the
//! JSON readers).

pub(crate) fn january() -> u32 {
    1
}

pub(crate) fn yes() -> bool {
    true
}
